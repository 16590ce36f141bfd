// Runs the (synchronous) engine in time slices, so the extension host answers hovers, lenses and
// keystrokes between slices. Pure: no vscode import.
//
// analyzeBundle checks its token between units of work and keeps every finished unit (an article's
// features, a pair's links, a step of a bundle-wide phase: copies, candidate pairs, quote grouping,
// anchors, the last phases) in its cache. A slice gives it a token that expires after a time budget;
// when it throws CancelledError we yield to the event loop and run again, and the cache makes the
// next slice start where the last one stopped, after the last unit it finished. A slice that finished
// no new unit (one that did not fit) doubles the budget, so it fits at last; after one that made
// progress the budget is back to at most maxSliceMs (or three times what resuming costs, so most of a
// slice is new work).
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

/**
 * The extension host's slices: 40 ms, and back to at most 40 ms after any slice that made progress. A
 * slice stops at the first check after its budget, so it runs its budget plus the unit under way (a few
 * milliseconds; an uncut call such as one article pair, rarely more): the host is free again within
 * about 50 ms.
 */
export const DEFAULT_SLICES: SliceOptions = { sliceMs: 40, growth: 2, maxSliceMs: 40 };

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
  // The budget before any doubling: a doubled slice stops once its first unit is done and this is spent.
  let normal = budget;
  let phasesBefore = finishedPhases(cache);
  // What resuming costs, from the last slice that came after progress (after none, the slice's first
  // unit was the uncut work the doubled budget was for, not resuming).
  let resumeMs = 0;
  let afterProgress = true;
  const finish = slices.budgetMs === undefined ? undefined : deadlineToken(now() + slices.budgetMs, now);
  for (let slice = 1; ; slice++) {
    if (token.isCancellationRequested) return undefined;
    const started = now();
    const deadline = started + budget;
    // Time to the slice's first new unit: about what resuming costs (hashing the texts, looking up the cached units).
    let firstUnitMs: number | undefined;
    const sliceToken: CancellationLike = {
      get isCancellationRequested() {
        const t = now();
        if (firstUnitMs === undefined && progressSince(cache, phasesBefore)) firstUnitMs = t - started;
        const spent = firstUnitMs !== undefined && t - started > Math.max(normal, firstUnitMs);
        return token.isCancellationRequested || t > deadline || spent;
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
    const progressed = progressSince(cache, phasesBefore);
    phasesBefore = finishedPhases(cache);
    if (afterProgress && firstUnitMs !== undefined) resumeMs = firstUnitMs;
    afterProgress = progressed;
    if (progressed) normal = budget = nextBudget(normal, resumeMs, slices);
    else budget *= slices.growth;
    await yieldToEventLoop();
  }
}

/** Whether the engine finished a unit since its run began (it resets the counts), or a phase since `phasesBefore`. */
function progressSince(cache: AnalysisCache, phasesBefore: number): boolean {
  return cache.stats.articleMisses + cache.stats.pairMisses > 0 || finishedPhases(cache) > phasesBefore;
}

/** A slice after progress is at least this many times what resuming costs: two thirds of it go to new units. */
const RESUME_FACTOR = 3;

/**
 * The budget after a slice that made progress: slowly longer (each slice repeats the uncached part,
 * which a long run must not pay a hundred times), at most maxSliceMs, unless resuming alone (`resumeMs`)
 * would then take more than a third of a slice.
 */
export function nextBudget(budget: number, resumeMs: number, slices: SliceOptions): number {
  const longer = budget * Math.sqrt(Math.sqrt(slices.growth));
  return Math.min(longer, Math.max(slices.maxSliceMs ?? Infinity, RESUME_FACTOR * resumeMs));
}
