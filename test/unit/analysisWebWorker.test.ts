// VS Code for the Web's analysis runtime (issue 8 §4, issue 10): the web engine bundle, built here
// in memory as esbuild.config.mjs builds dist/web/analysisWorker.js, served on a real thread through
// its Web Worker entry (serveInWorker, with the thread's port as `self`), and evaluated in the host
// for the fallback where no Web Worker can start (Node has none, like an old browser).
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import { analyzeBundle } from '../../src/core/analyze';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { joinAnalysis } from '../../src/analysis/analysisMessages';
import type { AnalysisResponse } from '../../src/analysis/analysisMessages';
import { createRunnerToken } from '../../src/analysis/analysisRunner';
import { createWebWorkerRunner, inHostSlicesFromText } from '../../src/analysis/analysisRunnerWorkerWeb';
import { decodeJsonPart } from '../../src/analysis/partCodecJson';
import { createAnalysisRunner } from '../../src/analysis/analysisRunnerPlatform.web';
import { installWebWorker, SELF_SHIM } from '../../bench/nodeWebWorker';
import { makeEditorBundle } from '../../bench/editorBench';
import { repoRoot, seedsPath } from './paths';

const seeds = parseBundle(fs.readFileSync(seedsPath, 'utf8')).articles.map((a) => ({ name: a.name, text: a.text }));
// A run of many slices (seconds of work), so a `cancel` sent after it started arrives mid-run.
const large = parseBundle(makeEditorBundle(120)).articles.map((a) => ({ name: a.name, text: a.text }));

async function webEngineText(): Promise<string> {
  const result = await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: ['src/analysis/analysisWorker.web.ts'],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    globalName: 'parallaxEngine',
    mainFields: ['browser', 'module', 'main'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** The bundle on a worker thread, its port standing in for a Web Worker's `self`. */
function startAsWebWorker(text: string): Worker {
  const shim = `${SELF_SHIM}
${text}
;parallaxEngine.serveInWorker(self);`;
  return new Worker(shim, { eval: true });
}

describe('the web analysis runtime', function () {
  this.timeout(60_000);
  let text: string;
  before(async () => {
    text = await webEngineText();
  });

  it('the web engine bundle is browser code: no Node built-in, no require', () => {
    assert.ok(text.includes('var parallaxEngine'), 'defines the global the host reads');
    assert.ok(!/\brequire\(["'](fs|path|v8|worker_threads)["']\)/.test(text));
  });

  it('serves the protocol from a worker: results as JSON parts equal to the engine’s analysis', async () => {
    const worker = startAsWebWorker(text);
    try {
      const reply = new Promise<AnalysisResponse>((resolve) => worker.on('message', (r: AnalysisResponse) => r.type !== 'started' && resolve(r)));
      worker.postMessage({ type: 'analyze', id: 1, bundleKey: 'b', articles: seeds, options: {} });
      const response = await reply;
      assert.strictEqual(response.type, 'result');
      const parts = response.type === 'result' ? response.parts.map((b) => decodeJsonPart(b)) : [];
      assert.deepStrictEqual(joinAnalysis(parts), analyzeBundle(seeds));
    } finally {
      await worker.terminate();
    }
  });

  it('a cancel sent mid-run stops the run between two slices (a Web Worker reads no message mid-slice); the worker goes on', async () => {
    const worker = startAsWebWorker(text);
    try {
      const replies: AnalysisResponse[] = [];
      const waiters: Array<() => void> = [];
      worker.on('message', (r: AnalysisResponse) => {
        replies.push(r);
        for (const w of waiters.splice(0)) w();
      });
      const reply = async (type: AnalysisResponse['type'], id: number): Promise<AnalysisResponse> => {
        for (;;) {
          const found = replies.find((r) => r.type === type && r.id === id);
          if (found) return found;
          await new Promise<void>((resolve) => waiters.push(resolve));
        }
      };
      worker.postMessage({ type: 'analyze', id: 1, bundleKey: 'big', articles: large, options: {} });
      await reply('started', 1);
      await new Promise((resolve) => setTimeout(resolve, 150));
      worker.postMessage({ type: 'cancel', id: 1 });
      const sent = performance.now();
      // Without slices the run would go on to its result and the cancel would find nothing to stop.
      const stopped = await Promise.race([reply('cancelled', 1), reply('result', 1)]);
      assert.strictEqual(stopped.type, 'cancelled', 'the stale run stopped');
      const waited = performance.now() - sent;
      worker.postMessage({ type: 'analyze', id: 2, bundleKey: 'big', articles: large, options: {} });
      const after = await reply('result', 2);
      assert.deepStrictEqual(joinAnalysis(after.type === 'result' ? after.parts.map((b) => decodeJsonPart(b)) : []), analyzeBundle(large));
      assert.ok(waited < 10_000, `stopped ${waited.toFixed(0)} ms after the cancel`);
    } finally {
      await worker.terminate();
    }
  });

  it('where no Web Worker can start, falls back to slices from the same bundle, evaluated in the host, and says so once', async () => {
    const messages: string[] = [];
    let reads = 0;
    const runner = createWebWorkerRunner({ loadEngine: async () => (reads++, text), onFallback: (m) => messages.push(m) });
    try {
      const r = await runner.run({ bundleKey: 'b', articles: seeds, options: {}, token: createRunnerToken() });
      assert.strictEqual(r?.ranIn, 'slices');
      assert.deepStrictEqual(r?.analysis, analyzeBundle(seeds));
      assert.strictEqual(messages.length, 1);
      assert.match(messages[0] ?? '', /cannot start a Web Worker/);
      assert.strictEqual(reads, 1, 'the engine text is read once');
    } finally {
      runner.dispose();
    }
  });

  it('the web’s runner: the engine in a Web Worker started from the bundle’s text, with the run’s time budget', async () => {
    const restore = installWebWorker();
    let reads = 0;
    const fallbacks: string[] = [];
    const runner = createAnalysisRunner('', (m) => fallbacks.push(m), async () => (reads++, text));
    try {
      assert.strictEqual(runner.kind, 'worker');
      const r = await runner.run({ bundleKey: 'b', articles: seeds, options: {}, token: createRunnerToken() });
      assert.strictEqual(r?.ranIn, 'worker');
      assert.deepStrictEqual(r?.analysis, analyzeBundle(seeds));
      // A Web Worker cannot read a `cancel` mid-run: the budget goes with the run, and it finishes early by itself.
      const partial = await runner.run({ bundleKey: 'b2', articles: seeds, options: {}, token: createRunnerToken(), budgetMs: 0 });
      assert.strictEqual(partial?.ranIn, 'worker');
      assert.strictEqual(partial.analysis.limits?.partial, true);
      assert.deepStrictEqual(fallbacks, []);
      assert.strictEqual(reads, 1, 'the engine text is read once');
    } finally {
      runner.dispose();
      restore();
    }
  });

  it('the fallback: in-host slices from the engine bundle’s text, read once at the first run', async () => {
    let reads = 0;
    const runner = inHostSlicesFromText(async () => (reads++, text));
    try {
      assert.strictEqual(reads, 0, 'nothing loaded before a run needs it');
      const r = await runner.run({ bundleKey: 'b', articles: seeds, options: {}, token: createRunnerToken() });
      assert.strictEqual(r?.ranIn, 'slices');
      assert.deepStrictEqual(r?.analysis, analyzeBundle(seeds));
      await runner.run({ bundleKey: 'b', articles: seeds, options: {}, token: createRunnerToken() });
      assert.strictEqual(reads, 1);
    } finally {
      runner.dispose();
    }
  });
});
