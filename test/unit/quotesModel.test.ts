import * as assert from 'assert';
import * as fs from 'fs';
import { analyzeBundle } from '../../src/core/analyze';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { occurrenceText, quoteTree } from '../../src/presentation/quotesModel';
import { buildAlignmentModel } from '../../src/presentation/alignmentModel';
import { reportHtml, reportMarkdown } from '../../src/presentation/reportBuilder';
import { shortLabels } from '../../src/presentation/articleLabels';
import { makeAnalysis, NAMES, TEXTS } from './editorFixture';
import { seedsPath } from './paths';

const labels = shortLabels(NAMES);

describe('quotes view model', () => {
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


  // 001 is the original here (listed second in bundle order): 000 rewords it.
  const analysis = makeAnalysis(NAMES, TEXTS, [], [
    { article: 0, text: 'we will rebuild the bridge by spring', speaker: 'Mayor Ada Lind' },
    { article: 1, text: 'we shall rebuild the bridge before spring', speaker: 'Mayor Ada Lind' },
  ], [[[0, 0, 'reworded'], [1, 0, 'verbatim']]]);

  it('labels a quotation by its original wording and flags only the rewordings as misquotes', () => {
    const [q] = quoteTree(analysis, labels)[0]?.quotations ?? [];
    assert.strictEqual(q?.label, 'we shall rebuild the bridge before spring');
    assert.strictEqual(q?.why, 'the source the others derive from');
    assert.strictEqual(q?.reworded, 1);
    assert.deepStrictEqual(q?.occurrences.map((o) => `${o.label} ${occurrenceText(o)}`), ['000 reworded ⚠ misquote', '001 original']);
  });

  it('on the seeds: 001’s three rewordings of Rutte are the misquotes, AP’s (002) wordings the originals, in the Quotes view and the report', () => {
    const articles = parseBundle(fs.readFileSync(seedsPath, 'utf8')).articles.map((a) => ({ name: a.name, text: a.text }));
    const seeds = analyzeBundle(articles);
    const l = shortLabels(articles.map((a) => a.name));
    const rows = quoteTree(seeds, l).flatMap((s) => s.quotations);
    const misquotes = rows.flatMap((q) => q.occurrences.filter((o) => o.misquote && o.label === '001'));
    assert.strictEqual(misquotes.length, 3);
    for (const q of rows.filter((r) => r.occurrences.some((o) => o.misquote && o.label === '001'))) {
      assert.deepStrictEqual(q.occurrences.filter((o) => o.original).map((o) => o.label), ['002']);
    }
    assert.ok(rows.every((q) => q.occurrences.every((o) => !(o.original && o.misquote))), 'an original is never a misquote');
    const model = buildAlignmentModel(seeds, articles.map((a) => a.name), l, articles.map((a) => a.text), 'Seeds');
    const md = reportMarkdown(model);
    assert.match(md, /\| 001 \| 001\\_\S+ \| 0% \| derives from 002 \\\(gives 5 of its quotes/);
    assert.match(md, /- \*\*002\*\* — original: “If we now start/);
    assert.match(md, /- \*\*001\*\* — \*\*reworded\*\* \(misquote\): “If we start speculating/);
    assert.match(reportHtml(model), /<span class="reworded">reworded \(misquote\)<\/span>: “If we start speculating/);
  });
});
