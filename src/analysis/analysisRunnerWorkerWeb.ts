// VS Code for the Web's worker: a Web Worker started from the text of dist/web/analysisWorker.js (the
// web extension host lets an extension start workers; a blob URL works whatever scheme the extension
// is served from), results as JSON text. Where no worker can start, the same text is evaluated on the
// host's thread for the in-host fallback, on demand. Pure: no vscode, no Node (the host reads the text).
import type { AnalysisRequest, AnalysisResponse } from './analysisMessages';
import type { AnalysisRunner } from './analysisRunner';
import { LazyAnalysisRunner } from './analysisRunnerLazy';
import type { EngineModule } from './analysisRunnerLazy';
import { WorkerAnalysisRunner } from './analysisRunnerWorker';
import type { EngineWorker, WorkerPlatform, WorkerRunnerOptions } from './analysisRunnerWorker';
import { decodeJsonPart } from './partCodecJson';

export interface WebWorkerOptions extends WorkerRunnerOptions {
  /** The text of the engine bundle (dist/web/analysisWorker.js), read from the extension once. */
  readonly loadEngine: () => Promise<string>;
}

/** The parts of the browser's Worker the runner uses (the Node typings this project builds with have none). */
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
}
type WebWorkerConstructor = new (url: string, options?: { name?: string }) => WebWorker;

/** The global the engine bundle defines (esbuild's globalName in esbuild.config.mjs). */
const ENGINE_GLOBAL = 'parallaxEngine';

/** The engine bundle evaluated on this thread, as the web extension host evaluates extension code. */
function engineFromText(text: string): EngineModule {
  // Our own bundle, read from the extension: the web extension host has no module loader to ask.
  const engine = new Function(`${text}\n;return ${ENGINE_GLOBAL};`)() as Partial<EngineModule>;
  if (typeof engine.createSlicedRunner !== 'function') throw new Error('the engine bundle does not export createSlicedRunner');
  return engine as EngineModule;
}

/** The next turn of the event loop without the browsers' 4 ms clamp on nested timers. */
function nextTurn(): Promise<void> {
  const Channel = (globalThis as unknown as { MessageChannel?: new () => { port1: { onmessage: (() => void) | null; close(): void }; port2: { postMessage(m: unknown): void } } }).MessageChannel;
  if (!Channel) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new Channel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Starts a Web Worker from the engine's text; messages posted before it exists wait for it. */
function startWebWorker(engineText: () => Promise<string>, onMessage: (r: AnalysisResponse) => void, died: (err: unknown) => void): EngineWorker {
  const Worker = (globalThis as { Worker?: WebWorkerConstructor }).Worker;
  if (!Worker) throw new Error('this extension host cannot start a Web Worker');
  const waiting: AnalysisRequest[] = [];
  let worker: WebWorker | undefined;
  let ended = false;
  engineText().then((text) => {
    if (ended) return;
    const url = URL.createObjectURL(new Blob([text, `\n;${ENGINE_GLOBAL}.serveInWorker(self);\n`], { type: 'text/javascript' }));
    worker = new Worker(url, { name: 'Parallax analysis' });
    worker.onmessage = (event) => onMessage(event.data as AnalysisResponse);
    worker.onerror = (event) => died(new Error(event.message ?? 'the analysis Web Worker failed'));
    for (const m of waiting.splice(0)) worker.postMessage(m);
  }).catch(died);
  return {
    postMessage: (m) => (worker ? worker.postMessage(m) : void waiting.push(m)),
    terminate: () => {
      ended = true;
      worker?.terminate();
    },
  };
}

export function webWorkerPlatform(options: WebWorkerOptions): WorkerPlatform {
  let text: Promise<string> | undefined;
  const engineText = (): Promise<string> => {
    text ??= options.loadEngine().catch((err: unknown) => {
      text = undefined;
      throw err;
    });
    return text;
  };
  return {
    start: (onMessage, died) => startWebWorker(engineText, onMessage, died),
    decodePart: decodeJsonPart,
    nextTurn,
    fallback: () => inHostSlicesFromText(engineText),
  };
}

/** In-host slices from the engine bundle's text, evaluated on the first run. */
export function inHostSlicesFromText(engineText: () => Promise<string>): AnalysisRunner {
  return new LazyAnalysisRunner('slices', async () => engineFromText(await engineText()).createSlicedRunner());
}

/** The Web Worker runner of VS Code for the Web. */
export function createWebWorkerRunner(options: WebWorkerOptions): WorkerAnalysisRunner {
  return new WorkerAnalysisRunner(webWorkerPlatform(options), options);
}
