// Runs the (synchronous) engine in time slices, so the extension host answers hovers, lenses and
// keystrokes between slices. Pure: no vscode import.
//
// analyzeBundle checks its token between units of work and keeps every finished unit (an article's
// features, a pair's links) in its cache. A slice gives it a token that expires after a time budget;
// when it throws CancelledError we yield to the event loop and run again, and the cache makes the
// next slice start where the last one stopped: after the last article, article pair or bundle-wide
// phase (copies, candidate pairs, quote groups) it finished. A slice that finished no new unit (the
// work that is not a unit — one bundle-wide phase, the final assembly — did not fit) doubles the
// budget, so it fits at last.
import { analyzeBundle, finishedPhases } from '../core/analyze';
import type { AnalysisCache } from '../core/analyze';
import { CancelledError, deadlineToken } from '../core/cancellation';
import type { CancellationLike } from '../core/cancellation';
import type { AnalysisOptions, ArticleInput, BundleAnalysis } from '../core/model';

export interface SliceOptions {
  /** Budget of the first slice, in milliseconds. */
  readonly sliceMs: number;
  /** A slice that finished no unit of work gives the next this many times its budget. */
  readonly growth: number;
  /**
   * Most budget a slice gets after one that made progress (none: no bound). Where messages are read
   * only between slices (a Web Worker), a `cancel` waits about this long at most, uncut phases aside.
   */
  readonly maxSliceMs?: number;
  /** Called when a slice did not finish, before yielding: the run takes longer than a moment. */
  readonly onSlow?: () => void;
  /** Yields to the event loop between slices. */
  readonly yieldToEventLoop?: () => Promise<void>;
  readonly now?: () => number;
  /**
   * The run's time budget in milliseconds, from its first slice: past it the engine compares no new
   * article pair and finishes with what it has done (a partial result, `limits.partial`).
   */
  readonly budgetMs?: number;
}

export const DEFAULT_SLICES: SliceOptions = { sliceMs: 50, growth: 2 };

export interface SlicedResult {
  readonly analysis: BundleAnalysis;
  readonly slices: number;
  /**
   * Budget of the slice that finished: a good first budget for the next run of the same bundle,
   * whose cached units leave mostly the uncached part, which has to fit in one slice.
   */
  readonly budget: number;
}

/**
 * The analysis of `articles`, computed in slices. Returns undefined when `token` (the user's: a newer
 * edit, a closed bundle) asks to stop; engine errors other than cancellation propagate.
 */
export async function analyzeInSlices(
  articles: readonly ArticleInput[],
  options: Partial<AnalysisOptions>,
  cache: AnalysisCache,
  token: CancellationLike,
  slices: SliceOptions = DEFAULT_SLICES,
): Promise<SlicedResult | undefined> {
  const now = slices.now ?? (() => Date.now());
  const yieldToEventLoop = slices.yieldToEventLoop ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  let budget = slices.sliceMs;
  let phasesBefore = finishedPhases(cache);
  const finish = slices.budgetMs === undefined ? undefined : deadlineToken(now() + slices.budgetMs, now);
  for (let slice = 1; ; slice++) {
    if (token.isCancellationRequested) return undefined;
    const deadline = now() + budget;
    const sliceToken: CancellationLike = {
      get isCancellationRequested() {
        return token.isCancellationRequested || now() > deadline;
      },
    };
    try {
      return { analysis: analyzeBundle(articles, options, sliceToken, cache, finish), slices: slice, budget };
    } catch (err) {
      if (!(err instanceof CancelledError)) throw err;
    }
    if (slice === 1) slices.onSlow?.();
    // The cache counts the units this slice computed (the engine resets the counts at each start),
    // and holds the outputs of the bundle-wide phases finished so far.
    const phases = finishedPhases(cache);
    const progressed = cache.stats.articleMisses + cache.stats.pairMisses > 0 || phases > phasesBefore;
    phasesBefore = phases;
    // Slowly longer slices even with progress: each slice repeats the uncached part, which a long
    // run must not pay a hundred times.
    budget = progressed ? Math.min(budget * Math.sqrt(Math.sqrt(slices.growth)), slices.maxSliceMs ?? Infinity) : budget * slices.growth;
    await yieldToEventLoop();
  }
}
