// VS Code for the Web's runner: a Web Worker started from dist/web/analysisWorker.js, with in-host
// slices from the same bundle where no worker can start. esbuild.config.mjs puts this module in place
// of analysisRunnerPlatform.ts, so the web build never bundles worker_threads or the engine.
import type { AnalysisRunner } from './analysisRunner';
import { createWebWorkerRunner } from './analysisRunnerWorkerWeb';

/** Same signature as the Node module's; `loadEngine` reads the web engine bundle's text from the extension. */
export function createAnalysisRunner(_extensionPath: string, onFallback: (message: string) => void, loadEngine?: () => Promise<string>): AnalysisRunner {
  if (!loadEngine) throw new Error('the web runner needs the engine bundle’s text (loadEngine)');
  return createWebWorkerRunner({ loadEngine, onFallback });
}
