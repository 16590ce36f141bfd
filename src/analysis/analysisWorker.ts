// The analysis worker (bundled to dist/analysisWorker.js, started by src/analysis/analysisRunnerWorker.ts on
// the Node extension host): runs the engine off the extension host's thread, so hovers, lenses and
// typing never wait for it. One run at a time, in the order asked; one engine cache per bundle.
//
// The engine is synchronous and checks its token between units of work. The token here reads the
// port synchronously (receiveMessageOnPort) every few milliseconds, so a `cancel` sent mid-run stops
// the run at the next unit, without cutting it into slices that would each redo the uncached work.
import { serialize } from 'v8';
import { parentPort, receiveMessageOnPort } from 'worker_threads';
import type { MessagePort } from 'worker_threads';
import { analyzeBundle, createAnalysisCache } from '../core/analyze';
import type { AnalysisCache } from '../core/analyze';
import { CancelledError } from '../core/cancellation';
import type { CancellationLike } from '../core/cancellation';
import type { ArticleInput } from '../core/model';
import { isAnalysisRequest, splitAnalysis } from './analysisMessages';
import type { AnalysisRequest, AnalysisResponse } from './analysisMessages';
import { SlicedAnalysisRunner } from './analysisRunnerSlices';
import { engineFailure } from './locateFailure';
import type { EngineModule } from './analysisRunnerLazy';

type AnalyzeRequest = Extract<AnalysisRequest, { type: 'analyze' }>;

/** At most this long, after a failure, looking for the article that fails on its own. */
const LOCATE_MS = 3000;

/** How often a running analysis looks for a `cancel`, in milliseconds. */
const POLL_MS = 2;

/** Answers the requests that arrive on `port` until the port closes. */
export function serveAnalysis(port: MessagePort): void {
  const caches = new Map<string, AnalysisCache>();
  const queue: AnalyzeRequest[] = [];
  /** Articles sent ahead of their run's `analyze`. */
  const inputs = new Map<number, ArticleInput[]>();
  const cancelled = new Set<number>();
  let running: number | undefined;
  let pumping = false;

  const reply = (response: AnalysisResponse): void => {
    // A result's buffers move to the host without a copy.
    port.postMessage(response, response.type === 'result' ? [...response.parts] : []);
  };

  const handle = (message: unknown): void => {
    if (!isAnalysisRequest(message)) return;
    switch (message.type) {
      case 'articles': {
        const list = inputs.get(message.id) ?? [];
        for (const a of message.articles) list.push(a);
        inputs.set(message.id, list);
        break;
      }
      case 'analyze': {
        const ahead = inputs.get(message.id);
        inputs.delete(message.id);
        queue.push(ahead ? { ...message, articles: [...ahead, ...message.articles] } : message);
        break;
      }
      case 'cancel': {
        inputs.delete(message.id);
        const k = queue.findIndex((q) => q.id === message.id);
        if (k >= 0) {
          queue.splice(k, 1);
          reply({ type: 'cancelled', id: message.id });
        } else if (running === message.id) {
          cancelled.add(message.id);
        }
        break;
      }
      case 'forget':
        // A run of that bundle still holds its cache object; the next run starts afresh.
        caches.delete(message.bundleKey);
        break;
    }
  };

  const run = (request: AnalyzeRequest): void => {
    let cache = caches.get(request.bundleKey);
    if (!cache) {
      cache = createAnalysisCache();
      caches.set(request.bundleKey, cache);
    }
    let lastPoll = performance.now();
    const token: CancellationLike = {
      get isCancellationRequested(): boolean {
        const now = performance.now();
        if (now - lastPoll >= POLL_MS) {
          lastPoll = now;
          for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) handle(m.message);
        }
        return cancelled.has(request.id);
      },
    };
    const started = performance.now();
    running = request.id;
    try {
      const analysis = analyzeBundle(request.articles, request.options, token, cache);
      const parts = splitAnalysis(analysis).map((part) => {
        const bytes = serialize(part);
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      });
      reply({ type: 'result', id: request.id, parts, stats: { ...cache.stats }, workerMs: performance.now() - started });
    } catch (err) {
      if (err instanceof CancelledError) reply({ type: 'cancelled', id: request.id });
      else reply({ type: 'error', id: request.id, failure: engineFailure(err, request.articles, request.options, LOCATE_MS) });
    } finally {
      running = undefined;
      cancelled.delete(request.id);
    }
  };

  // Runs what is queued; requests read mid-run join the queue and run next.
  const pump = (): void => {
    if (pumping) return;
    pumping = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) run(next);
    } finally {
      pumping = false;
    }
  };

  port.on('message', (message: unknown) => {
    handle(message);
    pump();
  });
}

/**
 * The in-host runner, for the host's fallback when the worker is given up: the host requires this
 * bundle then (analysisRunnerWorker.ts, slicesFromEngine), so the engine ships once, here.
 */
export const createSlicedRunner: EngineModule['createSlicedRunner'] = () => new SlicedAnalysisRunner();

// Required on the host's own thread (the fallback), there is no parent port: nothing to serve.
if (parentPort) serveAnalysis(parentPort);
