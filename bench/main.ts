// `npm run bench`: every benchmark, each printing its own figures. Speed targets live here, not in tests.
// `npm run bench -- <table>` runs one: parse, analysis, dense, adversarial, editor, host, activation.
import { runParseBench } from './parseBench';
import { runAnalysisBench, runAnalysisChild } from './analysisBench';
import { runEditorBench } from './editorBench';
import { runHostLatencyBench } from './hostLatency';
import { runActivationBench } from './activationBench';
import { runDenseBench, writeDenseFile } from './denseBench';
import { runAdversarialBench, writeAdversarialFile } from './adversarialBench';

async function main(): Promise<void> {
  const only = process.argv[2];
  // The analysis bench's fresh process that measures the engine alone.
  if (only === 'analysis-child') return runAnalysisChild(process.argv.slice(3));
  // `dense-file <count> <file>`: writes the dense bundle as JSON, to profile `analysis-child <file>` with --cpu-prof.
  if (only === 'dense-file') return writeDenseFile(Number(process.argv[3]), process.argv[4]);
  // `adversarial-file <row> <file>`: the same for one row of the adversarial table (0 = the reference; dialogue-large = the slope's larger dialogue).
  if (only === 'adversarial-file') return writeAdversarialFile(process.argv[3], process.argv[4]);
  if (!only || only === 'parse') await runParseBench();
  if (!only || only === 'analysis') await runAnalysisBench();
  if (!only || only === 'dense') await runDenseBench(process.argv.slice(3));
  if (!only || only === 'adversarial') await runAdversarialBench();
  if (!only || only === 'editor') await runEditorBench();
  if (!only || only === 'host') await runHostLatencyBench();
  if (!only || only === 'activation') runActivationBench();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exit(1);
});
