// Extension-host latency WHILE a 1,000-article bundle is analysed: a hover or CodeLens request
// every ~10 ms, answered from the previous analysis on the host's thread, with the engine running
// in the worker thread (desktop), in the web's Web Worker (its runner as it ships, over a worker
// thread here: JSON parts), versus in time slices on the same thread (the fallback where no worker
// can start), whose longest slice is printed with its CPU time.
// Needs dist/analysisWorker.js and dist/web/analysisWorker.js (`npm run bench` builds them).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PerformanceObserver } from 'perf_hooks';
import { parseBundle } from '../src/core/bundle/parseBundle';
import { analyzeBundle, createAnalysisCache } from '../src/core/analyze';
import type { AnalysisCache } from '../src/core/analyze';
import type { ArticleInput, BundleAnalysis } from '../src/core/model';
import { indexOf } from '../src/analysis/analysisIndex';
import { headerLens, passageLenses } from '../src/presentation/lensModel';
import { quoteHover } from '../src/presentation/hoverModel';
import { shortLabels } from '../src/presentation/articleLabels';
import { createRunnerToken } from '../src/analysis/analysisRunner';
import type { AnalysisRunner } from '../src/analysis/analysisRunner';
import { createResultDecoder } from '../src/analysis/analysisRunnerWorker';
import { createNodeWorkerRunner } from '../src/analysis/analysisRunnerWorkerNode';
import { decodeV8Part, encodeV8Part } from '../src/analysis/partCodecV8';
import { decodeJsonPart, encodeJsonPart } from '../src/analysis/partCodecJson';
import { analyzeInSlices, DEFAULT_SLICES } from '../src/analysis/analysisSlices';
import { createWebWorkerRunner } from '../src/analysis/analysisRunnerWorkerWeb';
import { installWebWorker } from './nodeWebWorker';
import { makeEditorBundle } from './editorBench';
import { chunkArticles, splitAnalysis } from '../src/analysis/analysisMessages';
import type { AnalysisPart } from '../src/analysis/analysisMessages';

const INTERVAL_MS = 10;

/**
 * Run in a fresh Node process: loads an extension bundle as the extension host does (require), with
 * `vscode` an inert stand-in that has every top-level name of the API (from @types/vscode) — enough
 * for the bundle's top-level code, which only defines things. Prints the load's wall and CPU time.
 */
const LOAD_SCRIPT = `
const fs = require('fs');
const Module = require('module');
const [file, types] = process.argv.slice(1);
const names = [...fs.readFileSync(types, 'utf8').matchAll(/^\\s*export (?:class|enum|namespace|function|const|let|var) (\\w+)/gm)].map((m) => m[1]);
const inert = new Proxy(function () {}, { get: (_, p) => (p === 'prototype' ? {} : inert), apply: () => inert, construct: () => inert });
const api = Object.create(null);
for (const n of names) api[n] = inert;
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? api : load.call(this, request, ...rest); };
const c0 = process.cpuUsage();
const t0 = performance.now();
const ext = require(file);
const wall = performance.now() - t0;
const c = process.cpuUsage(c0);
if (typeof ext.activate !== 'function') throw new Error(file + ' exports no activate');
console.log(JSON.stringify({ wall, cpu: (c.user + c.system) / 1000 }));
`;

/**
 * The desktop activation's code loading (VS Code's "codeLoadingTime", most of "Activation" in Developer:
 * Show Running Extensions): requiring dist/extension.js in a fresh process, median of 5. The
 * activate() call itself needs the real API; the integration suite prints it (analysisRunner.test.ts).
 */
function activationLine(extensionPath: string): string {
  // dist/bench.js runs from the repository's dist/.
  const types = path.join(__dirname, '..', 'node_modules', '@types', 'vscode', 'index.d.ts');
  const runs: { wall: number; cpu: number }[] = [];
  for (let k = 0; k < 5; k++) {
    runs.push(JSON.parse(execFileSync(process.execPath, ['-e', LOAD_SCRIPT, extensionPath, types], { encoding: 'utf8' })) as { wall: number; cpu: number });
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const kb = (fs.statSync(extensionPath).size / 1024).toFixed(0);
  return `host: activation: load ${path.basename(extensionPath)} (${kb} KB) in a fresh process: median of 5 ${median(runs.map((r) => r.wall)).toFixed(1)} ms wall, ${median(runs.map((r) => r.cpu)).toFixed(1)} ms CPU`;
}

/**
 * CPU time of this process's main thread so far, in ms (Linux: /proc; undefined elsewhere). Unlike
 * wall-clock stalls, it does not count time the OS gave to other processes on a busy machine.
 */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the file (11 and 12 after the name), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

interface Probe {
  /** Per request: from when it was due (its interval tick) to its answer, waiting for the thread included. */
  readonly answered: number[];
  /** Per request: the hover or lens computation alone. */
  readonly compute: number[];
  /** Longest time the thread ran something else between two ticks (setInterval drift). */
  blockedMs: number;
  /**
   * Most CPU time the thread used between two ticks (Linux, 10 ms resolution): the longest block as
   * the thread's own work, without the time the OS gave other processes on a loaded machine.
   */
  blockedCpuMs: number;
  /** Stretches over 10 ms: [start ms since the probe began, length]. */
  readonly stalls: Array<[number, number]>;
}

function percentiles(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(2)} ms`;
}

/** A random pseudo-request from the editor: a quote hover or a CodeLens request on some article. */
function makeRequests(previous: BundleAnalysis, articles: readonly ArticleInput[], labels: readonly string[]): (k: number) => void {
  let seed = 12345;
  const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  return (k) => {
    const i = Math.floor(random() * articles.length);
    if (k % 2 === 0) {
      headerLens(previous, labels, i);
      passageLenses(previous, labels, i, articles[i]?.text ?? '');
    } else {
      const quotes = previous.articles[i]?.quotes ?? [];
      const q = quotes[Math.floor(random() * quotes.length)];
      quoteHover({ analysis: previous, labels, bundle: 'file:///bench.bundle', article: i, offset: q ? Math.floor((q.start + q.end) / 2) : 0 });
    }
  };
}

/** Fires a request every INTERVAL_MS until stopped. */
function startProbe(request: (k: number) => void): { stop(): Probe } {
  const probe: Probe = { answered: [], compute: [], blockedMs: 0, blockedCpuMs: 0, stalls: [] };
  const began = performance.now();
  let last = began;
  let lastCpu = mainThreadCpuMs();
  let k = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const due = last + INTERVAL_MS;
    probe.blockedMs = Math.max(probe.blockedMs, now - due);
    const cpu = mainThreadCpuMs();
    if (cpu !== undefined && lastCpu !== undefined) probe.blockedCpuMs = Math.max(probe.blockedCpuMs, cpu - lastCpu);
    lastCpu = cpu;
    if (now - due > 10) probe.stalls.push([due - began, now - due]);
    request(k++);
    const end = performance.now();
    probe.compute.push(end - now);
    probe.answered.push(end - Math.min(due, now));
    last = now;
  }, INTERVAL_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return probe;
    },
  };
}

async function measure(label: string, runner: AnalysisRunner, articles: readonly ArticleInput[], request: (k: number) => void, extra: () => string = () => ''): Promise<void> {
  // Garbage-collection pauses of the host's thread during the run: a long one blocks requests too.
  const gcs: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcs.push(e.duration);
      if (process.env.PARALLAX_BENCH_GC) console.log(`gc kind ${(e as { detail?: { kind?: number } }).detail?.kind} ${e.duration.toFixed(2)} ms`);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const probe = startProbe(request);
  const cpu0 = mainThreadCpuMs();
  const process0 = process.cpuUsage();
  const started = performance.now();
  const result = await runner.run({ bundleKey: `bench-${label}`, articles, options: {}, token: createRunnerToken() });
  if (!result) throw new Error('the analysis was cancelled');
  const extraText = extra();
  // The service builds the per-article index on the host's thread as soon as a result arrives.
  indexOf(result.analysis);
  const ms = performance.now() - started;
  const p = probe.stop();
  const cpu1 = mainThreadCpuMs();
  const processCpu = process.cpuUsage(process0);
  await new Promise((resolve) => setImmediate(resolve)); // let the observer see the last entries
  observer.disconnect();
  const cpu = (cpu0 === undefined || cpu1 === undefined ? '' : `; host thread CPU ${cpu1 - cpu0} ms (requests included)`)
    + `; process CPU ${((processCpu.user + processCpu.system) / 1000).toFixed(0)} ms (worker included)`;
  if (process.env.PARALLAX_BENCH_STALLS) console.log(`host: ${label} stalls over 10 ms (at ms, for ms): ${p.stalls.map(([at, ms]) => `${at.toFixed(0)}:${ms.toFixed(0)}`).join(' ')}`);
  console.log(`host: ${label.padEnd(7)} analysis ${ms.toFixed(0)} ms (ran in ${result.ranIn}); ${p.answered.length} requests: answered ${percentiles(p.answered)}; compute alone ${percentiles(p.compute)}; host thread longest blocked ${p.blockedMs.toFixed(0)} ms wall, ${p.blockedCpuMs} ms CPU${cpu}; ${gcs.length} GC pauses, ${percentiles(gcs)}${extraText}`);
}

/**
 * Times the in-host runner's slices: each runs from one yield to the next (the last one to the end
 * of the run). Wall time counts what the OS gave other processes; CPU time does not: the main thread's
 * own (Linux, 10 ms ticks), else this process's (which counts V8's parallel GC threads too).
 */
function sliceTimer(phase: () => string): { yieldToEventLoop: () => Promise<void>; report: () => string } {
  let wall = performance.now();
  const processCpu = (): number => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const threadCpu = (): number => mainThreadCpuMs() ?? processCpu();
  let cpu = threadCpu();
  let from = phase();
  const longest = { wall: 0, cpu: 0, phases: '' };
  const cpus: number[] = [];
  const end = (to: string): void => {
    const c = threadCpu() - cpu;
    longest.wall = Math.max(longest.wall, performance.now() - wall);
    if (c > longest.cpu) Object.assign(longest, { cpu: c, phases: from === to ? from : `${from} → ${to}` });
    cpus.push(c);
  };
  return {
    yieldToEventLoop: async () => {
      end(phase());
      await new Promise((resolve) => setTimeout(resolve, 0));
      wall = performance.now();
      cpu = threadCpu();
      from = phase();
    },
    report: () => {
      end('the end');
      const over = cpus.filter((c) => c > 50).length;
      return `; ${cpus.length} slices (main thread CPU ${percentiles(cpus)}; ${over} over 50 ms), longest ${longest.wall.toFixed(0)} ms wall, ${longest.cpu.toFixed(0)} ms CPU (longest CPU: ${longest.phases})`;
    },
  };
}

/** The engine phase a run on `cache` is in (or about to start), for the slice timer. */
function phaseOf(cache: AnalysisCache, articles: number): string {
  const stage = cache.stage;
  if (stage === undefined || cache.articles.size < articles) return `article features (${cache.articles.size} of ${articles})`;
  if (stage.copies === undefined) return 'copies';
  if (stage.candidates === undefined) return 'candidate pairs';
  if (cache.pairs.size < stage.candidates.pairs.length) return `article pairs (${cache.pairs.size} of ${stage.candidates.pairs.length})`;
  if (stage.quoteGroups === undefined) return 'quote grouping';
  // The last phases' progress is dropped once they are done: after them is the end of the run.
  if (stage.last === undefined) return `quote anchors (${stage.anchors?.units ?? 0} occurrences)`;
  return 'last phases (links merged, matches, summarizeReuse)';
}

/** The in-host slices as SlicedAnalysisRunner runs them (a fresh cache: a cold run), the slices timed with their phase. */
function slicedRunner(articles: number): { runner: AnalysisRunner; report: () => string } {
  const cache = createAnalysisCache();
  const timer = sliceTimer(() => phaseOf(cache, articles));
  const runner: AnalysisRunner = {
    kind: 'slices',
    run: async (r) => {
      const sliced = await analyzeInSlices(r.articles, r.options, cache, r.token, { ...DEFAULT_SLICES, yieldToEventLoop: timer.yieldToEventLoop });
      return sliced && { analysis: sliced.analysis, ranIn: 'slices' };
    },
    forget: () => undefined,
    dispose: () => undefined,
  };
  return { runner, report: timer.report };
}

/**
 * A newer edit during a web run: the run is cancelled `afterMs` after it started and the edited bundle
 * (one article longer) is run at once. A Web Worker reads the cancel between two of its slices: how
 * long the stale run held the worker is the wait from the cancel to the next run's start.
 */
async function webCancelLine(web: AnalysisRunner, articles: readonly ArticleInput[], afterMs: number): Promise<string> {
  const stale = createRunnerToken();
  let started = 0;
  const first = web.run({ bundleKey: 'bench-cancel', articles, options: {}, token: stale, onStarted: () => (started = performance.now()) });
  while (started === 0 || performance.now() - started < afterMs) await new Promise((resolve) => setTimeout(resolve, 5));
  const cancelled = performance.now();
  stale.cancel();
  if ((await first) !== undefined) return 'host: web cancel: the run finished before its cancel';
  const edited = articles.map((a, k) => (k === 0 ? { ...a, text: `${a.text}\nOne more sentence, typed while the analysis ran.` } : a));
  let next = 0;
  const cpu0 = process.cpuUsage();
  const rerun = await web.run({ bundleKey: 'bench-cancel', articles: edited, options: {}, token: createRunnerToken(), onStarted: () => (next = performance.now()) });
  const cpu = process.cpuUsage(cpu0);
  if (!rerun) throw new Error('the edited run was cancelled');
  return `host: web cancel: a run cancelled ${(cancelled - started).toFixed(0)} ms in; the next run (one article edited) started ${(next - cancelled).toFixed(0)} ms after the cancel, finished ${(performance.now() - next).toFixed(0)} ms later (process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, worker included)`;
}

/** How result parts cross from the worker: v8 from a Node worker thread, JSON text from a Web Worker. */
interface PartCodec {
  readonly name: string;
  encode(part: AnalysisPart): ArrayBuffer;
  decode(buffer: ArrayBuffer): AnalysisPart;
}
const CODECS: readonly PartCodec[] = [
  { name: 'worker (desktop, v8 parts)', encode: encodeV8Part, decode: decodeV8Part },
  { name: 'web worker (JSON parts)', encode: encodeJsonPart, decode: decodeJsonPart },
];

/**
 * The host thread's own steps of a worker run, as the runner does them, each alone in a turn of the
 * event loop: cloning one chunk of articles to post, decoding one part of the result and adding it to
 * the joined analysis and its per-article index, then finishing both (5 repetitions). A max far above
 * p95 is a garbage collection or the OS running another process.
 */
function workerRunSteps(articles: readonly ArticleInput[], analysis: BundleAnalysis, codec: PartCodec): string {
  const chunks = chunkArticles(articles);
  const buffers = splitAnalysis(analysis).map((p) => codec.encode(p));
  if (process.env.PARALLAX_BENCH_GC) console.log(`part bytes: ${buffers.map((b) => b.byteLength).sort((a, b) => a - b).join(' ')}`);
  const post: number[] = [];
  const decode: number[] = [];
  const finish: number[] = [];
  for (let run = 0; run < 5; run++) {
    for (const chunk of chunks) {
      const t = performance.now();
      structuredClone(chunk);
      post.push(performance.now() - t);
    }
    // The runner's own decoder (what ships), one part at a time as the runner feeds it.
    const decoder = createResultDecoder(codec.decode);
    for (const b of buffers) {
      const t = performance.now();
      decoder.add(b);
      decode.push(performance.now() - t);
    }
    const t = performance.now();
    decoder.finish();
    finish.push(performance.now() - t);
  }
  return `host: ${codec.name} run's steps on the host thread: post one of ${chunks.length} article chunks ${percentiles(post)}; decode + join + index one of ${buffers.length} result parts ${percentiles(decode)}; finish join + index ${percentiles(finish)}`;
}

export async function runHostLatencyBench(): Promise<void> {
  const workerPath = path.join(__dirname, 'analysisWorker.js');
  console.log(activationLine(path.join(__dirname, 'extension.js')));
  if (!fs.existsSync(workerPath)) throw new Error(`${workerPath} is missing: run "npm run bench" (it builds the worker) rather than dist/bench.js alone.`);
  const parsed = parseBundle(makeEditorBundle(1000));
  const articles = parsed.articles.map((a) => ({ name: a.name, text: a.text }));
  const labels = shortLabels(articles.map((a) => a.name));
  // The previous completed analysis, which hovers and lenses read while the next one runs.
  const previous = analyzeBundle(articles);
  indexOf(previous);
  const request = makeRequests(previous, articles, labels);
  for (let k = 0; k < 400; k++) request(k); // warm-up: let the JIT compile the request paths

  const idle = startProbe(request);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const p = idle.stop();
  console.log(`host: idle    ${p.answered.length} requests: answered ${percentiles(p.answered)}; host thread longest blocked ${p.blockedMs.toFixed(0)} ms`);

  // A cold run each (fresh cache): the first analysis of a freshly opened bundle, the longest one.
  const worker = createNodeWorkerRunner({ workerPath });
  try {
    await measure('worker', worker, articles, request);
  } finally {
    worker.dispose();
  }
  const web = createWebWorkerRunner({ loadEngine: async () => fs.readFileSync(path.join(__dirname, 'web', 'analysisWorker.js'), 'utf8') });
  const restore = installWebWorker();
  try {
    await measure('web', web, articles, request);
    console.log(await webCancelLine(web, articles, 3000));
  } finally {
    web.dispose();
    restore();
  }
  const slices = slicedRunner(articles.length);
  await measure('slices', slices.runner, articles, request, slices.report);
  for (const codec of CODECS) console.log(workerRunSteps(articles, previous, codec));
}
