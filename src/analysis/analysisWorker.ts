// The analysis worker (bundled to dist/analysisWorker.js, started by src/analysis/analysisRunnerWorker.ts
// on the Node extension host): the serve loop (analysisServe.ts) on this thread's parent port. The host
// also requires this bundle, on its own thread, for the in-host fallback (createSlicedRunner).
import { parentPort, receiveMessageOnPort } from 'worker_threads';
import type { MessagePort } from 'worker_threads';
import { serveAnalysis } from './analysisServe';
import { encodeV8Part } from './partCodecV8';
import { SlicedAnalysisRunner } from './analysisRunnerSlices';
import type { EngineModule } from './analysisRunnerLazy';

/** The serve loop on a worker_threads port: results as v8-serialized buffers, `cancel` read mid-run. */
export function serveOnPort(port: MessagePort): void {
  serveAnalysis({
    onMessage: (listener) => port.on('message', listener),
    post: (response, transfer) => port.postMessage(response, [...transfer]),
    drain: () => {
      const messages: unknown[] = [];
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) messages.push(m.message);
      return messages;
    },
    encode: encodeV8Part,
  });
}

/**
 * The in-host runner, for the host's fallback when the worker is given up: the host requires this
 * bundle then (analysisRunnerWorker.ts, slicesFromEngine), so the engine ships once, here.
 */
export const createSlicedRunner: EngineModule['createSlicedRunner'] = () => new SlicedAnalysisRunner();

// Required on the host's own thread (the fallback), there is no parent port: nothing to serve.
if (parentPort) serveOnPort(parentPort);
