// The Node extension host's worker: a worker thread running dist/analysisWorker.js, results as
// v8-serialized buffers; its in-host fallback is required from the same bundle, only when needed.
import { Worker } from 'worker_threads';
import type { AnalysisRunner } from './analysisRunner';
import { decodeV8Part } from './partCodecV8';
import { LazyAnalysisRunner } from './analysisRunnerLazy';
import type { EngineModule } from './analysisRunnerLazy';
import { WorkerAnalysisRunner } from './analysisRunnerWorker';
import type { WorkerPlatform, WorkerRunnerOptions } from './analysisRunnerWorker';

export interface NodeWorkerOptions extends WorkerRunnerOptions {
  /** The bundled worker script (dist/analysisWorker.js inside the extension). */
  readonly workerPath: string;
  /** The engine bundle the in-host fallback loads, on demand (default: `workerPath`, which exports it). */
  readonly enginePath?: string;
  /** The runner used once the worker is given up (default: in-host slices from `enginePath`). */
  readonly fallback?: () => AnalysisRunner;
}

/**
 * In-host slices from the engine bundle at `enginePath`, required only when the first fallback run
 * starts: the host's own bundle stays free of the engine, and the engine is shipped once.
 */
export function slicesFromEngine(enginePath: string): AnalysisRunner {
  return new LazyAnalysisRunner('slices', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle chosen at run time, loaded on demand
    const engine = require(enginePath) as Partial<EngineModule>;
    if (typeof engine.createSlicedRunner !== 'function') throw new Error(`${enginePath} does not export createSlicedRunner`);
    return engine.createSlicedRunner();
  });
}

export function nodeWorkerPlatform(options: NodeWorkerOptions): WorkerPlatform {
  return {
    start(onMessage, died) {
      const worker = new Worker(options.workerPath);
      worker.on('message', onMessage);
      worker.on('error', died);
      worker.on('exit', (code) => died(new Error(`the analysis worker exited with code ${code}`)));
      return { postMessage: (m) => worker.postMessage(m), terminate: () => void worker.terminate() };
    },
    decodePart: decodeV8Part,
    nextTurn: () => new Promise<void>((resolve) => setImmediate(resolve)),
    fallback: () => options.fallback?.() ?? slicesFromEngine(options.enginePath ?? options.workerPath),
  };
}

/** The worker-thread runner of the Node extension host. */
export function createNodeWorkerRunner(options: NodeWorkerOptions): WorkerAnalysisRunner {
  return new WorkerAnalysisRunner(nodeWorkerPlatform(options), options);
}
