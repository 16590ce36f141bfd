// Runs the engine in a worker, so the extension host's thread stays free for hovers, lenses and
// typing while a large bundle is analysed: a worker thread on the Node extension host
// (analysisRunnerWorkerNode.ts), a Web Worker in VS Code for the Web (analysisRunnerWorkerWeb.ts).
// If the worker dies, it is started once more and the runs it held are sent again; if it dies again,
// every run from then on goes to the in-host sliced runner, and the user is told once. Pure: the
// platform's worker comes in through WorkerPlatform.
import { chunkArticles, createAnalysisJoiner } from './analysisMessages';
import { createIndexBuilder } from './analysisIndex';
import type { AnalysisPart, AnalysisRequest, AnalysisResponse } from './analysisMessages';
import type { AnalysisRunner, RunRequest, RunResult, RunnerKind } from './analysisRunner';
import type { BundleAnalysis } from '../core/model';
import { EngineError } from './engineFailure';

/** One started worker, whatever the platform. */
export interface EngineWorker {
  postMessage(message: AnalysisRequest): void;
  terminate(): void;
}

/** What the runner needs of the platform: its kind of worker, how result parts are encoded, how to yield. */
export interface WorkerPlatform {
  /** Starts a worker (may throw); `died` is called when it fails or exits. */
  start(onMessage: (response: AnalysisResponse) => void, died: (err: unknown) => void): EngineWorker;
  /** One result part, from the buffer the worker encoded it into. */
  decodePart(buffer: ArrayBuffer): AnalysisPart;
  /** Resolves at the next turn of the event loop, so requests get in between two steps. */
  nextTurn(): Promise<void>;
  /** The in-host runner used once the worker is given up (loaded on demand: LazyAnalysisRunner). */
  fallback(): AnalysisRunner;
}

/**
 * Turns a worker's result, part by part, into the analysis: each part is decoded, joined and indexed
 * as it comes, so nothing walks the whole result at the end. The runner and the host bench use it.
 */
export function createResultDecoder(decodePart: (buffer: ArrayBuffer) => AnalysisPart): { add(buffer: ArrayBuffer): void; finish(): BundleAnalysis } {
  const index = createIndexBuilder();
  const joiner = createAnalysisJoiner((part) => {
    if (part.field === 'matches') index.addMatches(part.items);
    else if (part.field === 'quoteGroups') index.addQuoteGroups(part.items);
  });
  return {
    add: (buffer) => joiner.add(decodePart(buffer)),
    finish: () => {
      const analysis = joiner.finish();
      // Registered for indexOf: the service's call on the result finds it built.
      index.finish(analysis);
      return analysis;
    },
  };
}

export interface WorkerRunnerOptions {
  /** Told once, when the worker failed twice and runs go to the in-host fallback. */
  readonly onFallback?: (message: string) => void;
  /** A run still going after this many milliseconds calls its onSlow (default 50, like the first slice). */
  readonly slowAfterMs?: number;
}

interface InFlight {
  readonly request: RunRequest;
  settle(outcome: { result: RunResult | undefined } | { error: Error }): void;
}

/** How many times a dead worker is started again before the runner falls back. */
const RESTARTS = 1;

export class WorkerAnalysisRunner implements AnalysisRunner {
  private worker: EngineWorker | undefined;
  private restarts = 0;
  private fallbackRunner: AnalysisRunner | undefined;
  private nextId = 1;
  private readonly inFlight = new Map<number, InFlight>();
  private disposed = false;

  constructor(
    private readonly platform: WorkerPlatform,
    private readonly options: WorkerRunnerOptions = {},
  ) {}

  get kind(): RunnerKind {
    return this.fallbackRunner ? this.fallbackRunner.kind : 'worker';
  }

  run(request: RunRequest): Promise<RunResult | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    if (this.fallbackRunner) return this.fallbackRunner.run(request);
    if (request.token.isCancellationRequested) return Promise.resolve(undefined);
    return new Promise<RunResult | undefined>((resolve, reject) => {
      const id = this.nextId++;
      const slow = setTimeout(() => request.onSlow?.(), this.options.slowAfterMs ?? 50);
      const subscription = request.token.onCancellationRequested(() => {
        if (!this.inFlight.has(id)) return;
        this.worker?.postMessage({ type: 'cancel', id } satisfies AnalysisRequest);
        entry.settle({ result: undefined });
      });
      const entry: InFlight = {
        request,
        settle: (outcome) => {
          if (this.inFlight.get(id) !== entry) return;
          this.inFlight.delete(id);
          clearTimeout(slow);
          subscription.dispose();
          if ('error' in outcome) reject(outcome.error);
          else resolve(outcome.result);
        },
      };
      this.inFlight.set(id, entry);
      this.send(id, request).catch((err: unknown) => entry.settle({ error: err instanceof Error ? err : new Error(String(err)) }));
    });
  }

  forget(bundleKey: string): void {
    this.fallbackRunner?.forget(bundleKey);
    // No worker running: no cache to drop.
    this.worker?.postMessage({ type: 'forget', bundleKey } satisfies AnalysisRequest);
  }

  dispose(): void {
    this.disposed = true;
    for (const entry of [...this.inFlight.values()]) entry.settle({ result: undefined });
    const worker = this.worker;
    this.worker = undefined;
    worker?.terminate();
    this.fallbackRunner?.dispose();
  }

  /** Sends the articles in chunks, one per turn of the event loop, then the request itself. */
  private async send(id: number, request: RunRequest): Promise<void> {
    const { bundleKey, options, budgetMs } = request;
    // Plain copies: the structured clone must not meet getters or class instances.
    const chunks = chunkArticles(request.articles.map((a) => ({ name: a.name, text: a.text, attributes: a.attributes?.map((x) => ({ key: x.key, value: x.value })) })));
    const last = chunks.pop() ?? [];
    // Stop when the run was cancelled (the worker drops what it has) or the worker was replaced (a new send began).
    const generation = this.restarts;
    const current = (): boolean => this.inFlight.has(id) && this.restarts === generation;
    for (const articles of chunks) {
      if (!current()) return;
      this.post({ type: 'articles', id, articles });
      await this.platform.nextTurn();
    }
    if (!current()) return;
    this.post({ type: 'analyze', id, bundleKey, articles: last, options: { ...options }, ...(budgetMs === undefined ? {} : { budgetMs }) });
  }

  private post(message: AnalysisRequest): void {
    if (this.fallbackRunner || this.disposed) return;
    const worker = this.worker ?? this.start();
    worker?.postMessage(message);
  }

  private start(): EngineWorker | undefined {
    let worker: EngineWorker | undefined;
    try {
      worker = this.platform.start(
        (response) => this.receive(response),
        (err) => this.crashed(worker, err),
      );
    } catch (err) {
      this.crashed(undefined, err);
      return undefined;
    }
    this.worker = worker;
    return worker;
  }

  private receive(response: AnalysisResponse): void {
    const entry = this.inFlight.get(response.id);
    if (!entry) return; // cancelled here already
    switch (response.type) {
      case 'result':
        this.decode(response.parts, entry).then(
          (analysis) => analysis && entry.settle({ result: { analysis, ranIn: 'worker' } }),
          (err: unknown) => entry.settle({ error: err instanceof Error ? err : new Error(String(err)) }),
        );
        break;
      case 'error':
        entry.settle({ error: new EngineError(response.failure) });
        break;
      case 'cancelled':
        entry.settle({ result: undefined });
        break;
      case 'started':
        entry.request.onStarted?.();
        break;
    }
  }

  /**
   * One part per turn of the event loop, so hovers and keystrokes get in between; each part is joined
   * and indexed as it is decoded, so nothing walks the whole result at the end. Undefined once cancelled.
   */
  private async decode(buffers: readonly ArrayBuffer[], entry: InFlight): Promise<BundleAnalysis | undefined> {
    const decoder = createResultDecoder((buffer) => this.platform.decodePart(buffer));
    for (const buffer of buffers) {
      if (entry.request.token.isCancellationRequested || this.disposed) return undefined;
      decoder.add(buffer);
      await this.platform.nextTurn();
    }
    return decoder.finish();
  }

  /** The worker died (or never started): start it again once, then fall back to slices. */
  private crashed(worker: EngineWorker | undefined, err: unknown): void {
    if (this.disposed || (worker && this.worker !== worker)) return; // terminated on purpose, or already handled
    this.worker = undefined;
    worker?.terminate();
    const reason = err instanceof Error ? err.message : String(err);
    if (this.restarts < RESTARTS) {
      this.restarts++;
      // The new worker has no caches: every run it held starts again from scratch.
      for (const [id, entry] of this.inFlight) void this.send(id, entry.request);
      return;
    }
    const fallback = this.platform.fallback();
    this.fallbackRunner = fallback;
    this.options.onFallback?.(
      `Parallax's analysis worker stopped (${reason}). Parallax now analyses on the extension host's own thread: hovers and lenses may wait while a large bundle is analysed. Reload the window to use the worker again.`,
    );
    // The runs the worker held finish in the fallback; each stays in flight until then, so cancelling still settles it.
    for (const entry of [...this.inFlight.values()]) {
      fallback.run(entry.request).then((result) => entry.settle({ result }), (error: unknown) => entry.settle({ error: error instanceof Error ? error : new Error(String(error)) }));
    }
  }
}
