// VS Code for the Web's runner: no worker_threads there, so the engine runs in time slices on the
// extension host's thread. esbuild.config.mjs puts this module in place of analysisRunnerPlatform.ts.
import type { AnalysisRunner } from './analysisRunner';
import { SlicedAnalysisRunner } from './analysisRunnerSlices';

/** Same signature as the Node module's; the web has no worker to fall back from. */
export function createAnalysisRunner(_extensionPath: string, _onFallback: (message: string) => void): AnalysisRunner {
  return new SlicedAnalysisRunner();
}
