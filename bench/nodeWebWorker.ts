// A browser's Worker (the part the web runner uses, analysisRunnerWorkerWeb.ts) over a Node worker
// thread, so the benchmark and the unit tests run VS Code for the Web's runner as it ships: the
// engine's text as a blob URL, JSON result parts, a `cancel` read between the engine's slices.
import { resolveObjectURL } from 'buffer';
import { Worker } from 'worker_threads';

/** A worker thread's port as a Web Worker's `self` (what serveInWorker uses of it). */
export const SELF_SHIM = `
const { parentPort } = require('worker_threads');
const self = { postMessage: (m, t) => parentPort.postMessage(m, t), addEventListener: (type, l) => parentPort.on(type, (data) => l({ data })) };`;

export class ThreadAsWebWorker {
  onmessage: ((event: { readonly data: unknown }) => void) | null = null;
  onerror: ((event: { readonly message?: string }) => void) | null = null;
  private thread: Worker | undefined;
  private readonly waiting: unknown[] = [];
  private ended = false;

  /** `url`: a blob URL holding the worker's script, as the web runner makes it. */
  constructor(url: string) {
    const blob = resolveObjectURL(url);
    if (!blob) throw new Error(`no blob at ${url}`);
    void blob.text().then((code) => {
      if (this.ended) return;
      const thread = new Worker(`${SELF_SHIM}\n${code}`, { eval: true });
      thread.on('message', (data: unknown) => this.onmessage?.({ data }));
      thread.on('error', (err: Error) => this.onerror?.({ message: err.message }));
      this.thread = thread;
      for (const m of this.waiting.splice(0)) thread.postMessage(m);
    });
  }

  postMessage(message: unknown): void {
    if (this.thread) this.thread.postMessage(message);
    else this.waiting.push(message);
  }

  terminate(): void {
    this.ended = true;
    void this.thread?.terminate();
  }
}

/** Gives this process a global Worker, as a browser (and the web worker extension host) has; returns the undo. */
export function installWebWorker(): () => void {
  const scope = globalThis as { Worker?: unknown };
  const before = scope.Worker;
  scope.Worker = ThreadAsWebWorker;
  return () => {
    scope.Worker = before;
  };
}
