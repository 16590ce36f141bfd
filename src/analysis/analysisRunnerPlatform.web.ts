// VS Code for the Web's runner: the engine in time slices on the extension host's thread, loaded on
// the first run from dist/web/analysisWorker.js (so the web host's bundle does not carry it and the
// web ships it once). esbuild.config.mjs puts this module in place of analysisRunnerPlatform.ts.
//
// The same bundle can also serve a Web Worker (analysisRunnerWorkerWeb.ts, tested in Node), but in
// code-server's web worker extension host a worker started from it delivered no analysis within the
// end-to-end tests' time (not yet diagnosed), so the web keeps the in-host slices for now.
import type { AnalysisRunner } from './analysisRunner';
import { inHostSlicesFromText } from './analysisRunnerWorkerWeb';

/** Same signature as the Node module's; `loadEngine` reads the web engine bundle's text from the extension. */
export function createAnalysisRunner(_extensionPath: string, _onFallback: (message: string) => void, loadEngine?: () => Promise<string>): AnalysisRunner {
  if (!loadEngine) throw new Error('the web runner needs the engine bundle’s text (loadEngine)');
  return inHostSlicesFromText(loadEngine);
}
