import * as assert from 'assert';
import * as fs from 'fs';
import { analyzeInSlices, nextBudget } from '../../src/analysis/analysisSlices';
import { analyzeBundle, createAnalysisCache, finishedPhases } from '../../src/core/analyze';
import type { AnalysisCache } from '../../src/core/analyze';
import type { CancellationLike } from '../../src/core/cancellation';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { seedsPath } from './paths';
import { stopAfterEveryUnit } from './everyUnit';
import { makeEditorBundle } from '../../bench/editorBench';
import type { ArticleInput } from '../../src/core/model';

const seeds = parseBundle(fs.readFileSync(seedsPath, 'utf8')).articles.map((a) => ({ name: a.name, text: a.text }));

/** Units of work the cache holds: articles and pairs computed, bundle-wide phases (and their units) finished. */
function unitsDone(cache: AnalysisCache): number {
  return cache.articles.size + cache.pairs.size + finishedPhases(cache);
}

/** The phase a stopped run on `cache` stopped in (the cut ones by name). */
function phaseOf(cache: AnalysisCache, articles: number): string {
  const stage = cache.stage;
  if (stage === undefined || cache.articles.size < articles) return 'features';
  if (stage.copies === undefined) return 'copies';
  if (stage.candidates === undefined) return 'candidates';
  if (stage.pairs?.done === undefined) return 'pairs';
  if (stage.quoteGroups === undefined) return 'grouping';
  return stage.last === undefined ? 'anchors' : 'last';
}

/** The attempts per phase of a run of `articles` stopped after every unit, checked to give the one run's analysis. */
function stoppedEveryUnit(articles: readonly ArticleInput[]): { attempts: Map<string, number>; anchored: number[]; cache: AnalysisCache } {
  const whole = analyzeBundle(articles, {}, undefined, createAnalysisCache());
  const cache = createAnalysisCache();
  const attempts = new Map<string, number>();
  // The quote occurrences whose anchors were found, after each attempt stopped while finding them.
  const anchored: number[] = [];
  const { result } = stopAfterEveryUnit(() => unitsDone(cache), (token) => analyzeBundle(articles, {}, token, cache), () => {
    const phase = phaseOf(cache, articles.length);
    attempts.set(phase, (attempts.get(phase) ?? 0) + 1);
    if (phase === 'anchors') anchored.push(cache.stage?.anchors?.units ?? 0);
  });
  assert.deepStrictEqual(result, whole);
  return { attempts, anchored, cache };
}

describe('analyzeBundle stopped after every unit of work', () => {
  it('resumes from its cache to the same analysis as one run, one unit per attempt', () => {
    const { attempts, anchored, cache } = stoppedEveryUnit(seeds);
    const groups = cache.stage?.quoteGroups?.length ?? 0;
    assert.ok(groups > 0, 'the seeds have quote groups, whose anchors are found one occurrence per attempt');
    assert.ok(anchored.length > 1 && anchored.every((n, k) => n === anchored[0] + k), `the quote anchors found one occurrence at a time: ${anchored.join(' ')}`);
    // One attempt per article for the features and the copies; quote grouping, the anchors and the last phases in several.
    assert.strictEqual(attempts.get('features'), seeds.length, [...attempts].join(' '));
    assert.ok((attempts.get('copies') ?? 0) >= seeds.length - 1, [...attempts].join(' '));
    for (const phase of ['grouping', 'anchors', 'last']) assert.ok((attempts.get(phase) ?? 0) > 2, `${phase} was stopped in: ${[...attempts].join(' ')}`);
  });

  it('resumes the anchors and last phases of a partial run too (a time budget ran out after some pairs)', () => {
    // Both runs finish once four pairs are in the cache: the same four, in candidate order.
    const finishAfter = (cache: AnalysisCache): CancellationLike => ({ get isCancellationRequested() { return cache.pairs.size >= 4; } });
    const once = createAnalysisCache();
    const partial = analyzeBundle(seeds, {}, undefined, once, finishAfter(once));
    assert.ok(partial.limits?.partial === true, 'some pairs were left out');
    const cache = createAnalysisCache();
    let last = 0;
    const { result } = stopAfterEveryUnit(() => unitsDone(cache), (token) => analyzeBundle(seeds, {}, token, cache, finishAfter(cache)), () => {
      if (cache.stage?.last !== undefined) last++;
    });
    assert.deepStrictEqual(result, partial);
    assert.ok(last > 2, `the last phases were stopped and resumed (${last} times)`);
  });

  it('cuts the candidate pair search of a larger bundle too, to the same analysis', function () {
    this.timeout(60_000);
    const { attempts } = stoppedEveryUnit(parseBundle(makeEditorBundle(40)).articles.map((a) => ({ name: a.name, text: a.text })));
    // Over 16 articles the pairs come from the shingle index: seven steps, at least one unit each.
    assert.ok((attempts.get('candidates') ?? 0) >= 7, [...attempts].join(' '));
    for (const phase of ['copies', 'pairs', 'grouping', 'anchors', 'last']) assert.ok((attempts.get(phase) ?? 0) > 2, `${phase} was stopped in: ${[...attempts].join(' ')}`);
  });
});

describe('analyzeInSlices', () => {
  it('gives the same analysis as one uninterrupted run, however small the slices', async () => {
    const whole = analyzeBundle(seeds, {}, undefined, createAnalysisCache());
    let slow = 0;
    let yields = 0;
    const sliced = await analyzeInSlices(seeds, {}, createAnalysisCache(), { isCancellationRequested: false }, {
      sliceMs: 0.01,
      growth: 1.5,
      onSlow: () => slow++,
      yieldToEventLoop: async () => {
        yields++;
      },
      now: () => performance.now(),
    });
    assert.ok(sliced);
    assert.deepStrictEqual(sliced.analysis, whole);
    assert.ok(sliced.slices > 1, `the run was cut into slices (${sliced.slices})`);
    assert.strictEqual(yields, sliced.slices - 1, 'the event loop runs between slices');
    assert.strictEqual(slow, 1, 'one "this takes a while" signal per run');
    assert.ok(sliced.budget > 0.01, 'the finishing budget grew from the first');
  });

  it('after progress, the next slice is slowly longer but at most maxSliceMs, unless resuming takes over a third of that', () => {
    const slices = { sliceMs: 50, growth: 16, maxSliceMs: 50 };
    assert.strictEqual(nextBudget(40, 5, slices), 50, 'growth (×2 here) stops at the bound');
    assert.strictEqual(nextBudget(400, 5, slices), 50, 'a budget doubled for an uncut phase comes back down');
    assert.strictEqual(nextBudget(50, 30, slices), 90, 'resuming (30) keeps at least two thirds of the slice for new work');
    assert.strictEqual(nextBudget(50, 30, { sliceMs: 50, growth: 16 }), 100, 'no bound: slowly longer');
  });

  it('finishes in one slice when the budget is enough, without signalling slowness', async () => {
    let slow = 0;
    const r = await analyzeInSlices(seeds, {}, createAnalysisCache(), { isCancellationRequested: false }, { sliceMs: 60_000, growth: 2, onSlow: () => slow++ });
    assert.strictEqual(r?.slices, 1);
    assert.strictEqual(slow, 0);
  });

  it('stops between slices when the caller cancels', async () => {
    const token = { isCancellationRequested: false };
    const r = await analyzeInSlices(seeds, {}, createAnalysisCache(), token, {
      sliceMs: 0.01,
      growth: 1.01,
      yieldToEventLoop: async () => {
        token.isCancellationRequested = true;
      },
      now: () => performance.now(),
    });
    assert.strictEqual(r, undefined);
  });

  it('passes engine errors on', async () => {
    const bad = [{ name: 'x', text: null as unknown as string }];
    await assert.rejects(analyzeInSlices(bad, {}, createAnalysisCache(), { isCancellationRequested: false }));
  });
});
