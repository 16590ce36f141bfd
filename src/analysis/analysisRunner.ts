// The seam between the analysis service and where the engine runs: a worker thread on the Node
// extension host, a Web Worker in VS Code for the Web (src/analysis/analysisRunnerWorker.ts), time
// slices in the host itself where no worker can run (src/analysis/analysisRunnerSlices.ts). Pure: no
// vscode import, so benchmarks and unit tests use the real runners.
import type { CancellationLike } from '../core/cancellation';
import type { AnalysisOptions, ArticleInput, BundleAnalysis } from '../core/model';

/** A cancellation token that also tells when it fires; vscode.CancellationToken fits it. */
export interface RunnerToken extends CancellationLike {
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** Where an analysis ran: a worker thread, or slices on the extension host's own thread. */
export type RunnerKind = 'worker' | 'slices';

/** What a run analyses, with which options and budget: plain data, so it also goes to a worker as it is. */
export interface RunInput {
  /** One engine cache per key: runs of the same bundle reuse the units its articles did not change. */
  readonly bundleKey: string;
  readonly articles: readonly ArticleInput[];
  readonly options: Partial<AnalysisOptions>;
  /**
   * The run's time budget in milliseconds, counted from onStarted: past it the engine compares no
   * new article pair and finishes with what it has done (a partial result: `limits.partial`). None: no budget.
   */
  readonly budgetMs?: number;
}

/** A run as the service asks for it: its input, and how the runner is cancelled and reports back. */
export interface RunRequest extends RunInput {
  readonly token: RunnerToken;
  /** Called at most once, when the run takes longer than a moment (the status bar shows progress). */
  readonly onSlow?: () => void;
  /**
   * Called once, when the engine begins this run: after a worker has started and loaded the engine,
   * and after the runs ahead of it. The service's time budget counts from here.
   */
  readonly onStarted?: () => void;
}

export interface RunResult {
  readonly analysis: BundleAnalysis;
  /** Which runner produced it. */
  readonly ranIn: RunnerKind;
}

export interface AnalysisRunner {
  /** Where the next run goes. */
  readonly kind: RunnerKind;
  /** The analysis, or undefined when the token stopped it. Engine errors reject. */
  run(request: RunRequest): Promise<RunResult | undefined>;
  /** Drops what the runner keeps for a closed bundle. */
  forget(bundleKey: string): void;
  dispose(): void;
}

/** A token for callers outside VS Code (benchmarks, tests): `cancel()` fires it. */
export function createRunnerToken(): RunnerToken & { cancel(): void } {
  const listeners = new Set<() => void>();
  let cancelled = false;
  return {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested(listener) {
      if (cancelled) {
        listener();
        return { dispose() {} };
      }
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    cancel() {
      if (cancelled) return;
      cancelled = true;
      for (const l of [...listeners]) l();
      listeners.clear();
    },
  };
}
