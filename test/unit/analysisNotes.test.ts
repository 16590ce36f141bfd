// What the Sources view says beyond matches (issue 8 §2): copies as a line, limits in the tooltip.
import * as assert from 'assert';
import * as fs from 'fs';
import { analyzeBundle } from '../../src/core/analyze';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import type { BundleAnalysis } from '../../src/core/model';
import { bundleTooltip, copyLine, limitsMark } from '../../src/presentation/analysisNotes';
import { seedsPath } from './paths';

const seeds = parseBundle(fs.readFileSync(seedsPath, 'utf8')).articles.map((a) => ({ name: a.name, text: a.text }));

describe('analysis notes for the Sources view', () => {
  it('a copy of another article reads "copy of <label> (identical)"; other articles have no such line', () => {
    const articles = [...seeds, { name: 'Syndicated copy', text: seeds[1].text }];
    const analysis = analyzeBundle(articles);
    const labels = articles.map((_, i) => String(i).padStart(3, '0'));
    assert.strictEqual(copyLine(analysis, labels, 5), 'copy of 001 (identical)');
    for (let i = 0; i < 5; i++) assert.strictEqual(copyLine(analysis, labels, i), undefined, `article ${i}`);
    assert.match(bundleTooltip(analysis, 'b.bundle'), /1 article is a copy of another/);
  });

  it('near-identical copies show their similarity', () => {
    const analysis: BundleAnalysis = { articles: [], matches: [], quoteGroups: [], sources: [], copies: [{ article: 2, of: 0, kind: 'near-identical', similarity: 0.964 }] };
    assert.strictEqual(copyLine(analysis, ['A', 'B', 'C'], 2), 'copy of A (near-identical, 96%)');
  });

  it('the tooltip lists the notes of the caps that cut work, and the latest run’s problem', () => {
    const work = { articles: 3, sentences: 9, words: 90, articlePairs: 3, sentencePairsScored: 20, commonShingles: 4, cappedPairs: 1 };
    const capped: BundleAnalysis = { articles: [], matches: [], quoteGroups: [], sources: [], limits: { capped: true, notes: ['1 article pair had more candidate sentence pairs than 4 per sentence: only the strongest were scored.'], work } };
    const tooltip = bundleTooltip(capped, 'wire.bundle', 'Parallax stopped analysing wire.bundle after 10 s.');
    assert.match(tooltip, /^wire\.bundle: 0 articles · 0 shared passages/);
    assert.match(tooltip, /Limits: some matches may be missing, because\n {2}1 article pair had more candidate sentence pairs/);
    assert.match(tooltip, /stopped analysing wire\.bundle after 10 s/);
    assert.strictEqual(limitsMark(capped), 'limits applied');
    const uncapped: BundleAnalysis = { ...capped, limits: { capped: false, notes: [], work } };
    assert.ok(!/Limits/.test(bundleTooltip(uncapped, 'wire.bundle')));
    assert.strictEqual(limitsMark(uncapped), undefined);
  });
});
