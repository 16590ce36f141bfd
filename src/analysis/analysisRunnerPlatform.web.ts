// VS Code for the Web's runner: the engine in a Web Worker started from dist/web/analysisWorker.js
// (analysisRunnerWorkerWeb.ts), loaded on the first run (so the web host's bundle does not carry it),
// so the extension host's thread only posts the articles and decodes the result's parts, one per turn
// of its event loop. Where no Web Worker can start, or it dies twice, the runs go to the same bundle's
// engine in time slices on the host's thread (inHostSlicesFromText), and the user is told once.
// esbuild.config.mjs puts this module in place of analysisRunnerPlatform.ts.
//
// The run's time budget goes to the worker with the run: past it the engine finishes with what it has
// (a partial result) by itself. A Web Worker reads a `cancel` only between the engine's time slices
// there (analysisServe.ts, WORKER_SLICES), so a stale run stops within a slice.
import type { AnalysisRunner } from './analysisRunner';
import { createWebWorkerRunner } from './analysisRunnerWorkerWeb';

/** Same signature as the Node module's; `loadEngine` reads the web engine bundle's text from the extension. */
export function createAnalysisRunner(_extensionPath: string, onFallback: (message: string) => void, loadEngine?: () => Promise<string>): AnalysisRunner {
  if (!loadEngine) throw new Error('the web runner needs the engine bundle’s text (loadEngine)');
  return createWebWorkerRunner({ loadEngine, onFallback });
}
