// The messages between the extension host and the analysis worker (src/analysisWorker.ts), shared by
// both sides so that either one fails to compile when the other changes. Pure: plain data only.
import type { CacheStats } from './core/analyze';
import type { AnalysisOptions, ArticleInput, BundleAnalysis } from './core/model';

/** Extension host → worker. */
export type AnalysisRequest =
  /** Analyse `articles`; the worker keeps one engine cache per `bundleKey`, so re-runs are incremental. */
  | { readonly type: 'analyze'; readonly id: number; readonly bundleKey: string; readonly articles: readonly ArticleInput[]; readonly options: Partial<AnalysisOptions> }
  /** Stop run `id` (running or queued): a newer edit made it useless. */
  | { readonly type: 'cancel'; readonly id: number }
  /** The bundle was closed: drop its cache. */
  | { readonly type: 'forget'; readonly bundleKey: string };

/** Worker → extension host: exactly one reply per `analyze`. */
export type AnalysisResponse =
  /** `stats`: what the run reused from the bundle's cache; `workerMs`: its time in the worker. */
  | { readonly type: 'result'; readonly id: number; readonly analysis: BundleAnalysis; readonly stats: CacheStats; readonly workerMs: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  | { readonly type: 'cancelled'; readonly id: number };

/** True when `value` looks like a request (the worker checks what it is sent before acting on it). */
export function isAnalysisRequest(value: unknown): value is AnalysisRequest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { type?: unknown; id?: unknown; bundleKey?: unknown; articles?: unknown };
  switch (m.type) {
    case 'analyze':
      return typeof m.id === 'number' && typeof m.bundleKey === 'string' && Array.isArray(m.articles);
    case 'cancel':
      return typeof m.id === 'number';
    case 'forget':
      return typeof m.bundleKey === 'string';
    default:
      return false;
  }
}
