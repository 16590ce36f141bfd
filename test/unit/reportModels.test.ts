import * as assert from 'assert';
import { buildAlignmentModel } from '../../src/presentation/alignmentModel';
import { reportHtml, reportMarkdown, escapeHtml } from '../../src/presentation/reportBuilder';
import { quoteTree } from '../../src/presentation/quotesModel';
import { articleRow, passageRows, relationText } from '../../src/presentation/sourcesModel';
import { spansByKind } from '../../src/analysis/analysisIndex';
import { shortLabels } from '../../src/presentation/articleLabels';
import { councilAnalysis, makeAnalysis, NAMES, TEXTS } from './editorFixture';

// markdown-it (CommonMark) renders the report as a Markdown preview would; a devDependency.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options?: { html?: boolean; linkify?: boolean }) => { render(src: string): string };
const md = new MarkdownIt({ html: true, linkify: true });
const labels = shortLabels(NAMES);

describe('alignment model and reports', () => {
  it('groups passages linked by matches into one row per group, one column per source', () => {
    const m = buildAlignmentModel(councilAnalysis(), NAMES, labels, TEXTS, 'Council');
    assert.strictEqual(m.columns.length, 3);
    assert.strictEqual(m.rows.length, 2);
    const [first, second] = m.rows;
    // Row 1: 000's first sentence, 001's first sentence and 002's second line (near-verbatim + paraphrase).
    assert.deepStrictEqual(first?.cells.map((c) => c.length), [1, 1, 1]);
    assert.deepStrictEqual(first?.kinds, ['near-verbatim', 'paraphrase']);
    assert.deepStrictEqual(second?.cells.map((c) => c.length), [1, 1, 0]);
    assert.deepStrictEqual(second?.kinds, ['verbatim']);
    // Word highlights: 001 changed "shall" and "before" against 000.
    const changed = first?.cells[1]?.[0]?.segments.filter((s) => s.changed).map((s) => s.text.trim()).join(' ');
    assert.match(changed ?? '', /shall/);
    assert.match(changed ?? '', /before/);
    assert.strictEqual(second?.cells[1]?.[0]?.segments.some((s) => s.changed), false, 'a verbatim copy has no highlight');
    // Words dropped from the other wording leave their space: "agreed with the" + " budget", never "thebudget".
    for (const row of m.rows) for (const cell of row.cells) for (const p of cell) {
      assert.strictEqual(p.segments.map((s) => s.text).join('').replace(/\s+/g, ' ').trim(), (TEXTS[p.article] as string).slice(p.start, p.end).replace(/\s+/g, ' ').trim());
    }
    // Highlights cover words, not the spaces around them.
    for (const row of m.rows) for (const cell of row.cells) for (const p of cell) for (const s of p.segments) if (s.changed) assert.strictEqual(s.text, s.text.trim());
    assert.strictEqual(m.quotes.length, 1);
    assert.strictEqual(m.quotes[0]?.occurrences[1]?.relation, 'reworded');
  });

  it('writes the same content as Markdown and HTML, with bundle text escaped', () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)> [x](command:evil)';
    const texts = [`A said “${payload}” here.`, `B said “${payload}” there.`];
    const a = makeAnalysis([`${payload}.txt`, 'b.txt'], texts, [
      { kind: 'verbatim', score: 1, a: [0, payload], b: [1, payload] },
    ], [{ article: 0, text: payload, speaker: 'A' }, { article: 1, text: payload, speaker: 'A' }], [[[0, 0, 'verbatim'], [1, 0, 'verbatim']]]);
    const model = buildAlignmentModel(a, [`${payload}.txt`, 'b.txt'], [payload, 'b'], texts, payload);
    const html = reportHtml(model);
    assert.doesNotMatch(html, /<script|<img/i);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    const mdText = reportMarkdown(model);
    const rendered = md.render(mdText);
    assert.doesNotMatch(rendered, /<script|<img|<a\b/i);
    assert.match(mdText, /## Shared passages \(1\)/);
    assert.match(mdText, /## Quotations in several sources \(1\)/);
    assert.strictEqual(escapeHtml(`"'&\``), '&#34;&#39;&#38;&#96;');
  });

  it('marks changed words in the report', () => {
    const mdText = reportMarkdown(buildAlignmentModel(councilAnalysis(), NAMES, labels, TEXTS, 'Council'));
    assert.match(mdText, /\*\*shall\*\*/);
    assert.match(reportHtml(buildAlignmentModel(councilAnalysis(), NAMES, labels, TEXTS, 'Council')), /<mark>[^<]*shall/);
  });
});

describe('view models', () => {
  it('says the direction of reuse the engine found, with its evidence (sourcesModel.test.ts has more)', () => {
    assert.strictEqual(relationText(councilAnalysis(), labels, 1), 'derives from 000 (dated 1 day later, rewords 1 of its quotes)');
    assert.strictEqual(relationText(councilAnalysis(), labels, 2), 'shares with 000 (1/3)');
    const row = articleRow(councilAnalysis(), labels, 1, { name: NAMES[1] as string, attributes: [{ key: 'source', value: 'Gazette' }, { key: 'date', value: '2024-12-18' }] });
    assert.strictEqual(row.description, 'Gazette · 2024-12-18 · 0% unique · derives from 000 (dated 1 day later, rewords 1 of its quotes)');
  });

  it('lists an article’s shared passages with every other source', () => {
    const rows = passageRows(councilAnalysis(), labels, 0, TEXTS[0] as string);
    assert.deepStrictEqual(rows.map((r) => r.description), ['≃ 001 0.72 · ≈ 002 0.81', '= 001']);
  });

  it('groups quotations by speaker, flags reworded ones, keeps lone quotes', () => {
    const texts = [...TEXTS.slice(0, 2), 'Someone said “alone here” once.'];
    const a = makeAnalysis(NAMES, texts, [], [
      { article: 0, text: 'we will rebuild the bridge by spring', speaker: 'Mayor Ada Lind' },
      { article: 1, text: 'we shall rebuild the bridge before spring', speaker: 'Mayor Ada Lind' },
      { article: 2, text: 'alone here', speaker: null },
    ], [[[0, 0, 'verbatim'], [1, 0, 'reworded']]]);
    const tree = quoteTree(a, labels);
    assert.deepStrictEqual(tree.map((s) => [s.name, s.quotations.length]), [['Mayor Ada Lind', 1], ['Speaker not found', 1]]);
    assert.strictEqual(tree[0]?.quotations[0]?.reworded, 1);
    assert.deepStrictEqual(tree[0]?.quotations[0]?.occurrences.map((o) => `${o.label} ${o.relation}`), ['000 verbatim', '001 reworded']);
  });

  it('paints each character with its strongest kind only', () => {
    const byKind = spansByKind(councilAnalysis(), 0);
    const t = TEXTS[0] as string;
    const first = { start: 0, end: t.indexOf(' Officials') };
    // The first sentence is near-verbatim to 001 and a paraphrase of 002: painted near-verbatim only.
    assert.deepStrictEqual(byKind.get('near-verbatim'), [first]);
    assert.deepStrictEqual(byKind.get('paraphrase'), []);
    assert.deepStrictEqual(byKind.get('verbatim'), [{ start: t.indexOf('Officials'), end: t.length }]);
  });
});
