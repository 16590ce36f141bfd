// The Node extension host's runner: a worker thread. The web build swaps this module for
// analysisRunnerPlatform.web.ts (esbuild.config.mjs), so it never bundles worker_threads.
import * as path from 'path';
import type { AnalysisRunner } from './analysisRunner';
import { createNodeWorkerRunner } from './analysisRunnerWorkerNode';

/**
 * The runner for this platform; `onFallback` tells the user when the worker is given up. `loadEngine`
 * is the web's (analysisRunnerPlatform.web.ts): Node loads the worker by path.
 */
export function createAnalysisRunner(extensionPath: string, onFallback: (message: string) => void, _loadEngine?: () => Promise<string>): AnalysisRunner {
  return createNodeWorkerRunner({ workerPath: path.join(extensionPath, 'dist', 'analysisWorker.js'), onFallback });
}
