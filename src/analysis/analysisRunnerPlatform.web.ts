// VS Code for the Web's runner: the engine in time slices on the extension host's thread, loaded on
// the first run from dist/web/analysisWorker.js (so the web host's bundle does not carry it and the
// web ships it once). esbuild.config.mjs puts this module in place of analysisRunnerPlatform.ts.
//
// The same bundle can also serve a Web Worker (analysisRunnerWorkerWeb.ts, tested in Node). In one
// end-to-end run in code-server's web worker extension host (a machine at load ~26 on 2 cores, with the
// time budget then counted from the request, before the worker had started), every run through the
// worker hit the 10 s budget before any analysis showed; it has not been tried since the budget counts
// from the run's start, so the web keeps the in-host slices until it is.
import type { AnalysisRunner } from './analysisRunner';
import { inHostSlicesFromText } from './analysisRunnerWorkerWeb';

/** Same signature as the Node module's; `loadEngine` reads the web engine bundle's text from the extension. */
export function createAnalysisRunner(_extensionPath: string, _onFallback: (message: string) => void, loadEngine?: () => Promise<string>): AnalysisRunner {
  if (!loadEngine) throw new Error('the web runner needs the engine bundle’s text (loadEngine)');
  return inHostSlicesFromText(loadEngine);
}
