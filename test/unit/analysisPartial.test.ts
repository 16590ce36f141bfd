// Finishing early (issue 8 §2): past the editor's time budget the engine compares no new article
// pair and groups no quotation it had not grouped, and returns what it has done, saying so in `limits`.
import * as assert from 'assert';
import { analyzeBundle, createAnalysisCache } from '../../src/core/analyze';
import type { CancellationLike } from '../../src/core/cancellation';
import { deadlineToken } from '../../src/core/cancellation';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { limitsOf, newTally } from '../../src/core/match/limits';
import type { ArticleInput, BundleAnalysis, Match } from '../../src/core/model';
import { analyzeInSlices } from '../../src/analysis/analysisSlices';
import { makeEditorBundle } from '../../bench/editorBench';

const articles: ArticleInput[] = parseBundle(makeEditorBundle(40)).articles.map((a) => ({ name: a.name, text: a.text }));

/** A token that asks to finish once it has been read `reads` times: the engine reads it once per pair it would compute. */
function finishAfter(reads: number): CancellationLike {
  let n = 0;
  return {
    get isCancellationRequested() {
      return ++n > reads;
    },
  };
}

/** A match without the boilerplate mark, which depends on every pair of the bundle. */
const matchKey = (m: Match): string => `${m.kind} ${m.score} ${m.a.article}:${m.a.start}-${m.a.end} ${m.b.article}:${m.b.start}-${m.b.end}`;

function comparedOf(analysis: BundleAnalysis): { compared: number; of: number } {
  const note = analysis.limits?.notes.find((n) => n.startsWith('Time budget: compared')) ?? '';
  const m = /compared ([\d,]+) of ([\d,]+) candidate article pairs/.exec(note);
  assert.ok(m, `a note says how many pairs were compared: ${JSON.stringify(analysis.limits?.notes)}`);
  return { compared: Number(m[1].replace(/,/g, '')), of: Number(m[2].replace(/,/g, '')) };
}

describe('analyzeBundle: finishing early at a time budget', () => {
  let full: BundleAnalysis;
  before(() => {
    full = analyzeBundle(articles);
  });

  it('compares no new pair once asked, and returns a consistent subset of the full result, saying what it left out', () => {
    const partial = analyzeBundle(articles, {}, undefined, createAnalysisCache(), finishAfter(20));
    assert.strictEqual(partial.limits?.partial, true);
    assert.strictEqual(partial.limits.capped, true, 'the Sources view marks it: some matches may be missing');
    const { compared, of } = comparedOf(partial);
    assert.strictEqual(compared, 20);
    assert.strictEqual(of, full.limits?.work.articlePairs, 'out of the pairs a full run compares');
    assert.strictEqual(partial.limits.work.articlePairs, 20);
    assert.ok(partial.limits.notes.some((n) => /quotations were not grouped/.test(n)), 'quote grouping, asked after the pairs, was left out');
    assert.deepStrictEqual(partial.quoteGroups, []);
    // Every article is there with its sentences and quotes; every match is one of the full run's.
    assert.deepStrictEqual(partial.articles, full.articles);
    const fullKeys = new Set(full.matches.map(matchKey));
    assert.ok(partial.matches.length > 0 && partial.matches.length < full.matches.length, `${partial.matches.length} of ${full.matches.length} matches`);
    for (const m of partial.matches) assert.ok(fullKeys.has(matchKey(m)), `not in the full run: ${matchKey(m)}`);
    assert.strictEqual(partial.sources.length, full.sources.length);
  });

  it('is deterministic given the token', () => {
    const a = analyzeBundle(articles, {}, undefined, createAnalysisCache(), finishAfter(7));
    const b = analyzeBundle(articles, {}, undefined, createAnalysisCache(), finishAfter(7));
    assert.deepStrictEqual(a, b);
  });

  it('takes every pair the cache holds even when asked to finish at once: after a full run, the same result', () => {
    const cache = createAnalysisCache();
    analyzeBundle(articles, {}, undefined, cache);
    const again = analyzeBundle(articles, {}, undefined, cache, { isCancellationRequested: true });
    assert.deepStrictEqual(again, full);
    assert.strictEqual(again.limits?.partial, undefined);
  });

  it('leaves its work in the cache: the full run that follows computes only the pairs it skipped, and equals a cold run', () => {
    const cache = createAnalysisCache();
    const partial = analyzeBundle(articles, {}, undefined, cache, finishAfter(15));
    const { compared, of } = comparedOf(partial);
    const rest = analyzeBundle(articles, {}, undefined, cache);
    assert.strictEqual(cache.stats.pairHits, compared);
    assert.strictEqual(cache.stats.pairMisses, of - compared);
    assert.deepStrictEqual(rest, full);
  });

  it('a deadline token fires once its clock passes the deadline', () => {
    let t = 0;
    const token = deadlineToken(10, () => t);
    assert.strictEqual(token.isCancellationRequested, false);
    t = 10;
    assert.strictEqual(token.isCancellationRequested, false);
    t = 10.5;
    assert.strictEqual(token.isCancellationRequested, true);
  });

  it('says nothing about a time budget when nothing was left out', () => {
    const limits = limitsOf(newTally());
    assert.strictEqual(limits.partial, undefined);
    assert.strictEqual(limits.capped, false);
    const t = { ...newTally(), candidatePairs: 2034, skippedPairs: 1222, ungroupedQuotes: 1 };
    assert.deepStrictEqual(limitsOf(t).notes, [
      'Time budget: compared 812 of 2,034 candidate article pairs; shared passages between the others are missing.',
      'Time budget: 1 quotation was not grouped across articles (no shared quotations).',
    ]);
  });
});

describe('analyzeInSlices with a time budget', () => {
  it('finishes with what it has at the budget, and the next run without one completes it', async () => {
    let clock = 0;
    const cache = createAnalysisCache();
    // Each slice's clock moves on one step per read: slices end fast and the run's budget of 40 steps runs out.
    const r = await analyzeInSlices(articles, {}, cache, { isCancellationRequested: false }, {
      sliceMs: 3, growth: 2, budgetMs: 40, now: () => clock++, yieldToEventLoop: async () => undefined,
    });
    assert.ok(r);
    assert.strictEqual(r.analysis.limits?.partial, true);
    assert.ok(r.slices > 1, `${r.slices} slices`);
    const { compared, of } = comparedOf(r.analysis);
    assert.ok(compared < of, `${compared} of ${of}`);
    const rest = await analyzeInSlices(articles, {}, cache, { isCancellationRequested: false }, { sliceMs: 60_000, growth: 2 });
    assert.deepStrictEqual(rest?.analysis, analyzeBundle(articles));
  });
});
