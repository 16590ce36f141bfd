import * as assert from 'assert';
import { buildAlignmentModel } from '../../src/presentation/alignmentModel';
import { reportHtml, reportMarkdown, escapeHtml } from '../../src/presentation/reportBuilder';
import { shortLabels } from '../../src/presentation/articleLabels';
import { councilAnalysis, makeAnalysis, NAMES, TEXTS } from './editorFixture';

// markdown-it (CommonMark) renders the report as a Markdown preview would; a devDependency.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options?: { html?: boolean; linkify?: boolean }) => { render(src: string): string };
const md = new MarkdownIt({ html: true, linkify: true });
const labels = shortLabels(NAMES);

describe('report (Markdown and HTML)', () => {
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
