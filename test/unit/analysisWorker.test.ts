import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deserialize, serialize } from 'v8';
import { Worker } from 'worker_threads';
import { analyzeBundle, createAnalysisCache } from '../../src/core/analyze';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { chunkArticles, createAnalysisJoiner, joinAnalysis, splitAnalysis } from '../../src/analysis/analysisMessages';
import type { AnalysisPart, AnalysisRequest, AnalysisResponse } from '../../src/analysis/analysisMessages';
import type { BundleAnalysis } from '../../src/core/model';
import { createRunnerToken } from '../../src/analysis/analysisRunner';
import { createNodeWorkerRunner } from '../../src/analysis/analysisRunnerWorkerNode';
import { EngineError } from '../../src/analysis/engineFailure';
import { makeEditorBundle } from '../../bench/editorBench';
import { seedsPath } from './paths';

// The worker as tsc compiles it (out/src/analysis/analysisWorker.js): the real engine runs in it.
const workerPath = path.resolve(__dirname, '..', '..', 'src', 'analysis', 'analysisWorker.js');
const seeds = parseBundle(fs.readFileSync(seedsPath, 'utf8')).articles.map((a) => ({ name: a.name, text: a.text }));
// Large enough that a run takes far longer than the worker's 2 ms look for a cancel.
const large = parseBundle(makeEditorBundle(120)).articles.map((a) => ({ name: a.name, text: a.text }));

/** A result's analysis, decoded from its transferred parts. */
function analysisOf(response: AnalysisResponse): BundleAnalysis {
  assert.strictEqual(response.type, 'result');
  return joinAnalysis((response.type === 'result' ? response.parts : []).map((b) => deserialize(new Uint8Array(b)) as AnalysisPart));
}

describe('splitAnalysis / joinAnalysis', () => {
  let whole: BundleAnalysis;
  before(() => {
    whole = analyzeBundle(large);
  });
  it('cut an analysis into parts of bounded size and put it back together exactly', () => {
    const parts = splitAnalysis(whole, 50_000);
    assert.ok(parts.length > 10, `${parts.length} parts`);
    assert.deepStrictEqual(new Set(parts.map((p) => p.field)), new Set(['articles', 'matches', 'quoteGroups', 'sources', 'rest']));
    for (const p of parts) assert.ok('items' in p ? p.items.length > 0 : Object.keys(p.value).length > 0);
    // Copies and limits travel too (the rest part), so the editor can show them.
    assert.ok(whole.limits && whole.copies, 'the engine sets copies and limits');
    // Serialized sizes stay near the budget (one item may cross it).
    const biggest = Math.max(...parts.map((p) => v8Size(p)));
    assert.ok(biggest < 200_000, `largest part ${biggest} bytes`);
    assert.deepStrictEqual(joinAnalysis(parts), whole);
  });
  it('join part by part as each is decoded, equal to the whole, telling onPart of each part in order', () => {
    const parts = splitAnalysis(whole, 50_000);
    const seen: AnalysisPart[] = [];
    const joiner = createAnalysisJoiner((p) => seen.push(p));
    for (const b of parts.map((p) => serialize(p))) joiner.add(deserialize(b) as AnalysisPart);
    assert.deepStrictEqual(joiner.finish(), whole);
    assert.deepStrictEqual(seen, parts);
  });
  it('keep an empty analysis empty', () => {
    const empty = { articles: [], matches: [], quoteGroups: [], sources: [] };
    assert.deepStrictEqual(splitAnalysis(empty), []);
    assert.deepStrictEqual(joinAnalysis([]), empty);
  });
});

function v8Size(value: unknown): number {
  return serialize(value).byteLength;
}

/** The raw protocol: a worker, and the replies it sends, in order. */
function startWorker(): { send(m: AnalysisRequest): void; next(): Promise<AnalysisResponse>; stop(): Promise<number>; started: number[] } {
  const worker = new Worker(workerPath);
  const started: number[] = [];
  const replies: AnalysisResponse[] = [];
  const waiting: Array<(r: AnalysisResponse) => void> = [];
  worker.on('message', (r: AnalysisResponse) => {
    // `started` comes before each run's one reply; the tests read the replies.
    if (r.type === 'started') return void started.push(r.id);
    const w = waiting.shift();
    if (w) w(r);
    else replies.push(r);
  });
  return {
    send: (m) => worker.postMessage(m),
    next: () => {
      const r = replies.shift();
      return r ? Promise.resolve(r) : new Promise((resolve) => waiting.push(resolve));
    },
    stop: () => worker.terminate(),
    started,
  };
}

describe('analysis worker protocol', () => {
  let w: ReturnType<typeof startWorker>;
  beforeEach(() => (w = startWorker()));
  afterEach(async () => {
    await w.stop();
  });

  it('answers analyze with the engine’s analysis, and reuses the bundle’s cache on the next run', async () => {
    w.send({ type: 'analyze', id: 1, bundleKey: 'b', articles: seeds, options: {} });
    const first = await w.next();
    assert.strictEqual(first.id, 1);
    assert.deepStrictEqual(w.started, [1], 'the run said when it began');
    assert.deepStrictEqual(analysisOf(first), analyzeBundle(seeds, {}, undefined, createAnalysisCache()));
    assert.strictEqual(first.type === 'result' && first.stats.articleHits, 0);

    const edited = seeds.map((a, k) => (k === 1 ? { ...a, text: `${a.text}\nOne more sentence about the meeting, written for this test.` } : a));
    w.send({ type: 'analyze', id: 2, bundleKey: 'b', articles: edited, options: {} });
    const second = await w.next();
    assert.ok(second.type === 'result');
    assert.deepStrictEqual(analysisOf(second), analyzeBundle(edited, {}, undefined, createAnalysisCache()));
    assert.strictEqual(second.stats.articleHits, seeds.length - 1, 'only the edited article is computed again');
    assert.strictEqual(second.stats.articleMisses, 1);
  });

  it('takes a run’s articles in several messages: the ones sent ahead come first', async () => {
    const chunks = chunkArticles(seeds, 4_000);
    assert.ok(chunks.length >= 3, `${chunks.length} chunks`);
    const last = chunks.pop() ?? [];
    for (const articles of chunks) w.send({ type: 'articles', id: 5, articles });
    // Articles sent for another run stay with that run, which is cancelled before it starts.
    w.send({ type: 'articles', id: 6, articles: seeds });
    w.send({ type: 'cancel', id: 6 });
    w.send({ type: 'analyze', id: 5, bundleKey: 'b', articles: last, options: {} });
    const reply = await w.next();
    assert.strictEqual(reply.id, 5);
    assert.deepStrictEqual(analysisOf(reply), analyzeBundle(seeds));
    w.send({ type: 'analyze', id: 6, bundleKey: 'c', articles: seeds.slice(0, 2), options: {} });
    assert.strictEqual(analysisOf(await w.next()).articles.length, 2, 'the cancelled run’s articles were dropped');
  });

  it('forget drops a bundle’s cache; other bundles keep theirs', async () => {
    w.send({ type: 'analyze', id: 1, bundleKey: 'a', articles: seeds, options: {} });
    w.send({ type: 'analyze', id: 2, bundleKey: 'b', articles: seeds, options: {} });
    w.send({ type: 'forget', bundleKey: 'a' });
    w.send({ type: 'analyze', id: 3, bundleKey: 'a', articles: seeds, options: {} });
    w.send({ type: 'analyze', id: 4, bundleKey: 'b', articles: seeds, options: {} });
    const replies = [await w.next(), await w.next(), await w.next(), await w.next()];
    assert.deepStrictEqual(replies.map((r) => [r.type, r.id]), [['result', 1], ['result', 2], ['result', 3], ['result', 4]]);
    const [, , a, b] = replies;
    assert.ok(a?.type === 'result' && b?.type === 'result');
    assert.strictEqual(a.stats.articleHits, 0, 'forgotten: computed afresh');
    assert.strictEqual(b.stats.articleHits, seeds.length, 'kept');
  });

  it('cancel stops a running analysis mid-way and drops a queued one; the worker goes on', async () => {
    w.send({ type: 'analyze', id: 1, bundleKey: 'big', articles: large, options: {} });
    w.send({ type: 'analyze', id: 2, bundleKey: 'seeds', articles: seeds, options: {} });
    w.send({ type: 'cancel', id: 2 });
    // Run 1 (about a second of work) is under way when its cancel arrives: the engine's token reads it.
    await new Promise((resolve) => setTimeout(resolve, 150));
    w.send({ type: 'cancel', id: 1 });
    const replies = [await w.next(), await w.next()];
    assert.deepStrictEqual(replies.map((r) => [r.type, r.id]), [['cancelled', 2], ['cancelled', 1]]);
    w.send({ type: 'analyze', id: 3, bundleKey: 'seeds', articles: seeds, options: {} });
    const after = await w.next();
    assert.deepStrictEqual([after.type, after.id], ['result', 3]);
  });

  it('answers an engine failure with error (message, stack, the article that fails on its own), and keeps working', async () => {
    const articles = [seeds[0], { name: 'x', text: null as unknown as string }, seeds[1]];
    w.send({ type: 'analyze', id: 1, bundleKey: 'bad', articles, options: {} });
    const bad = await w.next();
    assert.strictEqual(bad.type, 'error');
    const failure = bad.type === 'error' ? bad.failure : undefined;
    assert.ok(failure && failure.message.length > 0);
    assert.strictEqual(failure.article, 'x');
    assert.match(failure.stack ?? '', /\n\s+at /, 'the stack, for the output channel');
    w.send({ type: 'analyze', id: 2, bundleKey: 'seeds', articles: seeds, options: {} });
    assert.strictEqual((await w.next()).type, 'result');
  });

  it('finishes a run with what it has at the run’s time budget, and the next run of the bundle completes it from the cache', async () => {
    // A budget of 0 ms: past it before the first article pair, so the worker compares none.
    w.send({ type: 'analyze', id: 1, bundleKey: 'big', articles: large, options: {}, budgetMs: 0 });
    const first = await w.next();
    const partial = analysisOf(first);
    assert.strictEqual(partial.limits?.partial, true);
    assert.match(partial.limits.notes.join(' '), /Time budget: compared 0 of [\d,]+ candidate article pairs/);
    assert.deepStrictEqual(partial.articles, analyzeBundle(large).articles, 'every article, with its sentences and quotes');
    w.send({ type: 'analyze', id: 2, bundleKey: 'big', articles: large, options: {} });
    const second = await w.next();
    assert.deepStrictEqual(analysisOf(second), analyzeBundle(large));
    assert.ok(second.type === 'result' && second.stats.articleHits === large.length, 'the partial run’s articles were kept');
  });

  it('ignores messages that are not requests', async () => {
    w.send({ type: 'explode' } as unknown as AnalysisRequest);
    w.send({ type: 'analyze', id: 7, bundleKey: 's', articles: seeds, options: {} });
    assert.deepStrictEqual(((r) => [r.type, r.id])(await w.next()), ['result', 7]);
  });
});

describe('WorkerAnalysisRunner', () => {
  it('runs the analysis in the worker', async () => {
    const runner = createNodeWorkerRunner({ workerPath });
    try {
      assert.strictEqual(runner.kind, 'worker');
      let started = 0;
      const r = await runner.run({ bundleKey: 's', articles: seeds, options: { minSharedWords: 8 }, token: createRunnerToken(), onStarted: () => started++ });
      assert.strictEqual(started, 1, 'told once when the engine began the run');
      assert.strictEqual(r?.ranIn, 'worker');
      assert.deepStrictEqual(r?.analysis, analyzeBundle(seeds, { minSharedWords: 8 }));
    } finally {
      runner.dispose();
    }
  });

  it('passes the run’s time budget to the worker: past it, a partial result', async () => {
    const runner = createNodeWorkerRunner({ workerPath });
    try {
      const r = await runner.run({ bundleKey: 'big', articles: large, options: {}, token: createRunnerToken(), budgetMs: 0 });
      assert.strictEqual(r?.ranIn, 'worker');
      assert.strictEqual(r.analysis.limits?.partial, true);
    } finally {
      runner.dispose();
    }
  });

  it('settles undefined as soon as the token fires, and tells the worker to stop', async () => {
    const runner = createNodeWorkerRunner({ workerPath });
    try {
      const token = createRunnerToken();
      let slow = 0;
      const pending = runner.run({ bundleKey: 'big', articles: large, options: {}, token, onSlow: () => slow++ });
      await new Promise((resolve) => setTimeout(resolve, 120));
      token.cancel();
      assert.strictEqual(await pending, undefined);
      assert.strictEqual(slow, 1, 'a run that outlasts a moment says so once');
      // The worker is free again: the cancelled run stopped there too.
      const r = await runner.run({ bundleKey: 's', articles: seeds, options: {}, token: createRunnerToken() });
      assert.strictEqual(r?.ranIn, 'worker');
    } finally {
      runner.dispose();
    }
  });

  it('rejects with an EngineError: the engine’s message and the failing article', async () => {
    const runner = createNodeWorkerRunner({ workerPath });
    try {
      const articles = [seeds[0], { name: 'x', text: null as unknown as string }];
      await assert.rejects(runner.run({ bundleKey: 'bad', articles, options: {}, token: createRunnerToken() }), (err: unknown) => {
        assert.ok(err instanceof EngineError);
        assert.strictEqual(err.failure.article, 'x');
        assert.ok(err.message.length > 0);
        return true;
      });
    } finally {
      runner.dispose();
    }
  });

  it('starts a worker that died once again, and the run it held completes there', async () => {
    // A real worker script that dies at its first start (marker file absent) and serves from the second on.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-worker-'));
    const marker = path.join(dir, 'started-once');
    const flaky = path.join(dir, 'flakyWorker.js');
    fs.writeFileSync(flaky, `const fs = require('fs');\nif (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(3); }\nrequire(${JSON.stringify(workerPath)});\n`);
    const messages: string[] = [];
    const runner = createNodeWorkerRunner({ workerPath: flaky, onFallback: (m) => messages.push(m) });
    try {
      const r = await runner.run({ bundleKey: 's', articles: seeds, options: {}, token: createRunnerToken() });
      assert.ok(fs.existsSync(marker), 'the first worker started and died');
      assert.strictEqual(r?.ranIn, 'worker');
      assert.deepStrictEqual(r?.analysis, analyzeBundle(seeds));
      assert.strictEqual(runner.kind, 'worker');
      assert.deepStrictEqual(messages, [], 'no message while the worker works');
    } finally {
      runner.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when the worker cannot run: starts it once more, then falls back to in-host slices and says so once', async () => {
    const messages: string[] = [];
    // The fallback loads the engine from the real worker bundle, which exports it.
    const runner = createNodeWorkerRunner({ workerPath: path.join(__dirname, 'no-such-worker.js'), enginePath: workerPath, onFallback: (m) => messages.push(m) });
    try {
      const r = await runner.run({ bundleKey: 's', articles: seeds, options: {}, token: createRunnerToken() });
      assert.strictEqual(r?.ranIn, 'slices');
      assert.deepStrictEqual(r?.analysis, analyzeBundle(seeds));
      assert.strictEqual(runner.kind, 'slices');
      const again = await runner.run({ bundleKey: 's', articles: seeds, options: {}, token: createRunnerToken() });
      assert.strictEqual(again?.ranIn, 'slices');
      assert.strictEqual(messages.length, 1);
      assert.match(messages[0] ?? '', /analysis worker stopped .*Reload the window/);
    } finally {
      runner.dispose();
    }
  });

  it('resolves pending runs and runs nothing more once disposed', async () => {
    const runner = createNodeWorkerRunner({ workerPath });
    const pending = runner.run({ bundleKey: 'big', articles: large, options: {}, token: createRunnerToken() });
    runner.dispose();
    assert.strictEqual(await pending, undefined);
    assert.strictEqual(await runner.run({ bundleKey: 's', articles: seeds, options: {}, token: createRunnerToken() }), undefined);
  });
});
