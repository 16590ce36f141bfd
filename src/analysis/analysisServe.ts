// The analysis worker's loop, whatever the platform (the Node worker thread, analysisWorker.ts; the
// Web Worker of VS Code for the Web, analysisWorker.web.ts): runs the engine off the extension host's
// thread, one run at a time, in the order asked; one engine cache per bundle. Pure: no vscode, no Node.
//
// The engine is synchronous and checks its token between units of work. Where the port can be read
// synchronously (Node), the token reads it every few milliseconds, so a `cancel` sent mid-run stops the
// run at the next unit, without cutting it into slices that would each redo the uncached work. Where it
// cannot (a Web Worker), the run goes in time slices (analysisSlices.ts) and the messages that came in
// are read between two, so a `cancel` (a newer edit) stops a stale run within a slice, cache kept.
import { analyzeBundle, createAnalysisCache } from '../core/analyze';
import type { AnalysisCache } from '../core/analyze';
import { CancelledError, deadlineToken } from '../core/cancellation';
import type { CancellationLike } from '../core/cancellation';
import type { ArticleInput, BundleAnalysis } from '../core/model';
import { analyzeInSlices } from './analysisSlices';
import type { SliceOptions } from './analysisSlices';
import { isAnalysisRequest, splitAnalysis } from './analysisMessages';
import type { AnalysisPart, AnalysisRequest, AnalysisResponse } from './analysisMessages';
import { engineFailure } from './locateFailure';

type AnalyzeRequest = Extract<AnalysisRequest, { type: 'analyze' }>;

/** At most this long, after a failure, looking for the article that fails on its own. */
const LOCATE_MS = 3000;

/** How often a running analysis looks for a `cancel`, in milliseconds (where the port can be read mid-run). */
const POLL_MS = 2;

/**
 * Slices of a worker that reads its messages only between them: short enough that a `cancel` stops a
 * stale run within about half a second (uncut phases aside), long enough that the part each slice
 * repeats (looking up the cached units) stays a small share of the run: on 1,000 articles, about 10%
 * more CPU than one run (100–250 ms slices: about 15–25%).
 */
const WORKER_SLICES: SliceOptions = { sliceMs: 200, growth: 2, maxSliceMs: 500 };

/** The worker's side of the channel to the host, whatever the platform. */
export interface EnginePort {
  onMessage(listener: (message: unknown) => void): void;
  post(response: AnalysisResponse, transfer: readonly ArrayBuffer[]): void;
  /**
   * The messages that arrived while a run holds the thread, read without giving it up (Node:
   * receiveMessageOnPort). Absent where the platform cannot (a Web Worker): runs then go in slices.
   */
  readonly drain?: () => unknown[];
  /** One result part as a buffer to transfer (v8.serialize on Node, JSON text in a Web Worker). */
  encode(part: AnalysisPart): ArrayBuffer;
}

/** What the serve loop keeps between messages. */
interface ServeState {
  readonly port: EnginePort;
  readonly caches: Map<string, AnalysisCache>;
  readonly queue: AnalyzeRequest[];
  /** Articles sent ahead of their run's `analyze`. */
  readonly inputs: Map<number, ArticleInput[]>;
  readonly cancelled: Set<number>;
  running: number | undefined;
  pumping: boolean;
}

/** Answers the requests that arrive on `port` until the port closes. */
export function serveAnalysis(port: EnginePort): void {
  const state: ServeState = { port, caches: new Map(), queue: [], inputs: new Map(), cancelled: new Set(), running: undefined, pumping: false };
  port.onMessage((message) => {
    handle(state, message);
    void pump(state);
  });
}

function reply(state: ServeState, response: AnalysisResponse): void {
  // A result's buffers move to the host without a copy.
  state.port.post(response, response.type === 'result' ? response.parts : []);
}

/** Files one request: articles wait for their `analyze`, which joins the queue; `cancel` and `forget` act at once. */
function handle(state: ServeState, message: unknown): void {
  if (!isAnalysisRequest(message)) return;
  switch (message.type) {
    case 'articles': {
      const list = state.inputs.get(message.id) ?? [];
      for (const a of message.articles) list.push(a);
      state.inputs.set(message.id, list);
      break;
    }
    case 'analyze': {
      const ahead = state.inputs.get(message.id);
      state.inputs.delete(message.id);
      state.queue.push(ahead ? { ...message, articles: [...ahead, ...message.articles] } : message);
      break;
    }
    case 'cancel':
      cancel(state, message.id);
      break;
    case 'forget':
      // A run of that bundle still holds its cache object; the next run starts afresh.
      state.caches.delete(message.bundleKey);
      break;
  }
}

function cancel(state: ServeState, id: number): void {
  state.inputs.delete(id);
  const k = state.queue.findIndex((q) => q.id === id);
  if (k >= 0) {
    state.queue.splice(k, 1);
    reply(state, { type: 'cancelled', id });
  } else if (state.running === id) {
    state.cancelled.add(id);
  }
}

/** The run's cancellation token: reads the port every POLL_MS (where it can) for a `cancel` of this run. */
function runToken(state: ServeState, id: number): CancellationLike {
  let lastPoll = performance.now();
  return {
    get isCancellationRequested(): boolean {
      const now = performance.now();
      if (state.port.drain && now - lastPoll >= POLL_MS) {
        lastPoll = now;
        for (const m of state.port.drain()) handle(state, m);
      }
      return state.cancelled.has(id);
    },
  };
}

async function run(state: ServeState, request: AnalyzeRequest): Promise<void> {
  let cache = state.caches.get(request.bundleKey);
  if (!cache) {
    cache = createAnalysisCache();
    state.caches.set(request.bundleKey, cache);
  }
  const token = runToken(state, request.id);
  const started = performance.now();
  state.running = request.id;
  // The run's time starts now: the host's time budget does not count the worker's start or the queue.
  reply(state, { type: 'started', id: request.id });
  try {
    const analysis = await analyzeOnPort(state, request, cache, token);
    if (analysis === undefined) throw new CancelledError();
    const parts = splitAnalysis(analysis).map((part) => state.port.encode(part));
    reply(state, { type: 'result', id: request.id, parts, stats: { ...cache.stats }, workerMs: performance.now() - started });
  } catch (err) {
    if (err instanceof CancelledError) reply(state, { type: 'cancelled', id: request.id });
    else reply(state, { type: 'error', id: request.id, failure: engineFailure(err, request.articles, request.options, LOCATE_MS) });
  } finally {
    state.running = undefined;
    state.cancelled.delete(request.id);
  }
}

/**
 * The run's analysis: in one go where the token reads the port mid-run, else in slices with the port's
 * messages read between two. Undefined when cancelled between slices. Past its time budget the engine
 * finishes with what it has.
 */
async function analyzeOnPort(state: ServeState, request: AnalyzeRequest, cache: AnalysisCache, token: CancellationLike): Promise<BundleAnalysis | undefined> {
  if (state.port.drain) {
    const finish = request.budgetMs === undefined ? undefined : deadlineToken(performance.now() + request.budgetMs, () => performance.now());
    return analyzeBundle(request.articles, request.options, token, cache, finish);
  }
  const sliced = await analyzeInSlices(request.articles, request.options, cache, token, { ...WORKER_SLICES, budgetMs: request.budgetMs });
  return sliced?.analysis;
}

/** Runs what is queued; requests read mid-run (or between slices) join the queue and run next. */
async function pump(state: ServeState): Promise<void> {
  if (state.pumping) return;
  state.pumping = true;
  try {
    for (let next = state.queue.shift(); next; next = state.queue.shift()) await run(state, next);
  } finally {
    state.pumping = false;
  }
}
