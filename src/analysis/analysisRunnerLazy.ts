// A runner whose implementation is loaded on its first run. The host's bundle does not carry the
// engine (about 300 KB of it is compromise, most of the activation time): the in-host runner comes
// from the engine's own bundle, and only when a run needs it. Pure: no vscode, no Node.
import type { AnalysisRunner, RunRequest, RunResult, RunnerKind } from './analysisRunner';

/** What an engine bundle (dist/analysisWorker.js, dist/web/analysisWorker.js) exports to the host. */
export interface EngineModule {
  /** A runner that analyses on the calling thread, in time slices. */
  createSlicedRunner(): AnalysisRunner;
}

export class LazyAnalysisRunner implements AnalysisRunner {
  private loading: Promise<AnalysisRunner> | undefined;
  private loaded: AnalysisRunner | undefined;
  private disposed = false;

  /** `load` is called at the first run, and again at the next run after it failed. */
  constructor(
    readonly kind: RunnerKind,
    private readonly load: () => Promise<AnalysisRunner>,
  ) {}

  async run(request: RunRequest): Promise<RunResult | undefined> {
    if (this.disposed || request.token.isCancellationRequested) return undefined;
    const runner = await this.ensure();
    if (this.disposed) return undefined;
    return runner.run(request);
  }

  forget(bundleKey: string): void {
    // Nothing loaded: nothing kept for the bundle.
    this.loaded?.forget(bundleKey);
  }

  dispose(): void {
    this.disposed = true;
    this.loaded?.dispose();
  }

  private ensure(): Promise<AnalysisRunner> {
    this.loading ??= this.load().then(
      (runner) => {
        if (this.disposed) runner.dispose();
        this.loaded = runner;
        return runner;
      },
      (err: unknown) => {
        this.loading = undefined;
        throw new Error(`Parallax could not load its analysis engine: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      },
    );
    return this.loading;
  }
}
