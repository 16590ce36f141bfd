// Runs the engine on the extension host's own thread, in time slices (src/analysis/analysisSlices.ts): the
// fallback when no worker can run (the worker thread on desktop, the Web Worker on the web). Pure: no vscode, no Node.
import { createAnalysisCache } from '../core/analyze';
import type { AnalysisCache } from '../core/analyze';
import { analyzeInSlices, DEFAULT_SLICES } from './analysisSlices';
import type { SliceOptions } from './analysisSlices';
import type { AnalysisRunner, RunRequest, RunResult } from './analysisRunner';
import { EngineError } from './engineFailure';
import { engineFailure } from './locateFailure';

export class SlicedAnalysisRunner implements AnalysisRunner {
  readonly kind = 'slices' as const;
  private readonly caches = new Map<string, AnalysisCache>();
  /** Per bundle: the slice budget that finished its last run (see SlicedResult.budget). */
  private readonly budgets = new Map<string, number>();

  constructor(private readonly slices: SliceOptions = DEFAULT_SLICES) {}

  async run(request: RunRequest): Promise<RunResult | undefined> {
    const { bundleKey } = request;
    let cache = this.caches.get(bundleKey);
    if (!cache) {
      cache = createAnalysisCache();
      this.caches.set(bundleKey, cache);
    }
    const sliceMs = Math.max(this.slices.sliceMs, this.budgets.get(bundleKey) ?? 0);
    request.onStarted?.();
    let result;
    try {
      result = await analyzeInSlices(request.articles, request.options, cache, request.token, { ...this.slices, sliceMs, onSlow: request.onSlow, budgetMs: request.budgetMs });
    } catch (err) {
      // On the host's own thread: look for the failing article no longer than one slice.
      throw new EngineError(engineFailure(err, request.articles, request.options, DEFAULT_SLICES.sliceMs));
    }
    if (!result) return undefined;
    this.budgets.set(bundleKey, result.budget);
    return { analysis: result.analysis, ranIn: 'slices' };
  }

  forget(bundleKey: string): void {
    this.caches.delete(bundleKey);
    this.budgets.delete(bundleKey);
  }

  dispose(): void {
    this.caches.clear();
    this.budgets.clear();
  }
}
