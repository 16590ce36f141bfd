// The analysis worker of VS Code for the Web (bundled to dist/web/analysisWorker.js as a script that
// defines `parallaxEngine`): the host reads the bundle's text and starts a Web Worker from it, which
// calls serveInWorker (analysisRunnerWorkerWeb.ts); where no worker can start, the host evaluates the
// same text on its own thread and uses createSlicedRunner. So the web ships the engine once, here.
import { serveAnalysis } from './analysisServe';
import { encodeJsonPart } from './partCodecJson';
import { SlicedAnalysisRunner } from './analysisRunnerSlices';
import type { EngineModule } from './analysisRunnerLazy';

/** The part of a dedicated worker's global scope the loop uses. */
export interface WorkerScope {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}

/**
 * The serve loop on a Web Worker's scope: results as JSON text in transferred buffers. A Web Worker
 * cannot read its messages mid-run, so the engine runs in slices (WORKER_SLICES) and a `cancel` (the
 * bundle was edited again) is read between two: the stale run stops within a slice, its cache kept
 * for the next run.
 */
export function serveInWorker(scope: WorkerScope): void {
  serveAnalysis({
    onMessage: (listener) => scope.addEventListener('message', (event) => listener(event.data)),
    post: (response, transfer) => scope.postMessage(response, [...transfer]),
    encode: encodeJsonPart,
  });
}

export const createSlicedRunner: EngineModule['createSlicedRunner'] = () => new SlicedAnalysisRunner();
