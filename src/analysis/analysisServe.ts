// The analysis worker's loop, whatever the platform (the Node worker thread, analysisWorker.ts; the
// Web Worker of VS Code for the Web, analysisWorker.web.ts): runs the engine off the extension host's
// thread, one run at a time, in the order asked; one engine cache per bundle. Pure: no vscode, no Node.
//
// The engine is synchronous and checks its token between units of work. Where the port can be read
// synchronously, the token reads it every few milliseconds, so a `cancel` sent mid-run stops the run
// at the next unit, without cutting it into slices that would each redo the uncached work.
import { analyzeBundle, createAnalysisCache } from '../core/analyze';
import type { AnalysisCache } from '../core/analyze';
import { CancelledError } from '../core/cancellation';
import type { CancellationLike } from '../core/cancellation';
import type { ArticleInput } from '../core/model';
import { isAnalysisRequest, splitAnalysis } from './analysisMessages';
import type { AnalysisPart, AnalysisRequest, AnalysisResponse } from './analysisMessages';
import { engineFailure } from './locateFailure';

type AnalyzeRequest = Extract<AnalysisRequest, { type: 'analyze' }>;

/** At most this long, after a failure, looking for the article that fails on its own. */
const LOCATE_MS = 3000;

/** How often a running analysis looks for a `cancel`, in milliseconds (where the port can be read mid-run). */
const POLL_MS = 2;

/** The worker's side of the channel to the host, whatever the platform. */
export interface EnginePort {
  onMessage(listener: (message: unknown) => void): void;
  post(response: AnalysisResponse, transfer: readonly ArrayBuffer[]): void;
  /**
   * The messages that arrived while a run holds the thread, read without giving it up (Node:
   * receiveMessageOnPort); none where the platform cannot (a Web Worker), where a `cancel` then
   * waits for the run to end and drops the runs queued behind it.
   */
  drain(): unknown[];
  /** One result part as a buffer to transfer (v8.serialize on Node, JSON text in a Web Worker). */
  encode(part: AnalysisPart): ArrayBuffer;
}

/** Answers the requests that arrive on `port` until the port closes. */
export function serveAnalysis(port: EnginePort): void {
  const caches = new Map<string, AnalysisCache>();
  const queue: AnalyzeRequest[] = [];
  /** Articles sent ahead of their run's `analyze`. */
  const inputs = new Map<number, ArticleInput[]>();
  const cancelled = new Set<number>();
  let running: number | undefined;
  let pumping = false;

  const reply = (response: AnalysisResponse): void => {
    // A result's buffers move to the host without a copy.
    port.post(response, response.type === 'result' ? response.parts : []);
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
          for (const m of port.drain()) handle(m);
        }
        return cancelled.has(request.id);
      },
    };
    const started = performance.now();
    running = request.id;
    // The run's time starts now: the host's time budget does not count the worker's start or the queue.
    reply({ type: 'started', id: request.id });
    try {
      const analysis = analyzeBundle(request.articles, request.options, token, cache);
      const parts = splitAnalysis(analysis).map((part) => port.encode(part));
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

  port.onMessage((message) => {
    handle(message);
    pump();
  });
}

