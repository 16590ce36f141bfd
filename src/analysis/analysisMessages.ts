// The messages between the extension host and the analysis worker (src/analysis/analysisWorker.ts), shared by
// both sides so that either one fails to compile when the other changes. Pure: plain data only.
import type { CacheStats } from '../core/analyze';
import type { RunInput } from './analysisRunner';
import type { EngineFailure } from './engineFailure';
import type { ArticleAnalysis, ArticleInput, BundleAnalysis, Match, QuoteGroup, SourceSummary } from '../core/model';

/** Extension host → worker. */
export type AnalysisRequest =
  /**
   * The first articles of run `id`, ahead of its `analyze`: a large bundle is sent in several
   * messages, one per turn of the host's event loop, because cloning 5 MB of text at once holds it ~7 ms.
   */
  | { readonly type: 'articles'; readonly id: number; readonly articles: readonly ArticleInput[] }
  /**
   * Analyse the articles sent for `id` followed by `articles`; the worker keeps one engine cache per
   * `bundleKey`, so re-runs are incremental. `budgetMs`: the run's time budget, counted from its
   * `started`; past it the engine finishes with what it has done (a partial result, `limits.partial`).
   */
  | ({ readonly type: 'analyze'; readonly id: number } & RunInput)
  /** Stop run `id` (running or queued): a newer edit made it useless. */
  | { readonly type: 'cancel'; readonly id: number }
  /** The bundle was closed: drop its cache. */
  | { readonly type: 'forget'; readonly bundleKey: string };

/**
 * Worker → extension host: per `analyze`, `started` when it begins (unless cancelled while queued),
 * then exactly one reply: `result`, `error` or `cancelled`.
 *
 * A result's analysis comes as `parts` (splitAnalysis), each serialized (v8.serialize) into its own
 * transferred buffer: a 1,000-article analysis is ~16 MB, and cloning it as one message costs the
 * host's thread ~60 ms at once; the runner decodes one part per turn of the event loop instead.
 * `stats`: what the run reused from the bundle's cache; `workerMs`: its time in the worker.
 */
export type AnalysisResponse =
  | { readonly type: 'result'; readonly id: number; readonly parts: readonly ArrayBuffer[]; readonly stats: CacheStats; readonly workerMs: number }
  /** The engine failed: its message and stack, and the article that fails on its own if one does. */
  | { readonly type: 'error'; readonly id: number; readonly failure: EngineFailure }
  | { readonly type: 'cancelled'; readonly id: number }
  /** Run `id` begins now (sent before its one reply): the engine is loaded and nothing runs ahead of it. */
  | { readonly type: 'started'; readonly id: number };

/** True when `value` looks like a request (the worker checks what it is sent before acting on it). */
export function isAnalysisRequest(value: unknown): value is AnalysisRequest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { type?: unknown; id?: unknown; bundleKey?: unknown; articles?: unknown; budgetMs?: unknown };
  switch (m.type) {
    case 'analyze':
      return typeof m.id === 'number' && typeof m.bundleKey === 'string' && Array.isArray(m.articles) && (m.budgetMs === undefined || typeof m.budgetMs === 'number');
    case 'articles':
      return typeof m.id === 'number' && Array.isArray(m.articles);
    case 'cancel':
      return typeof m.id === 'number';
    case 'forget':
      return typeof m.bundleKey === 'string';
    default:
      return false;
  }
}

/** The fields of BundleAnalysis that are long lists, sent in slices. */
type ListField = 'articles' | 'matches' | 'quoteGroups' | 'sources';
const LIST_FIELDS: ReadonlySet<string> = new Set<ListField>(['articles', 'matches', 'quoteGroups', 'sources']);

/** Every other field of the analysis (copies, limits, and whatever the engine adds), small enough for one part. */
export type AnalysisRest = Omit<BundleAnalysis, ListField>;

/** A slice of one of BundleAnalysis's lists, in order, or the rest of its fields. */
export type AnalysisPart =
  | { readonly field: 'articles'; readonly items: readonly ArticleAnalysis[] }
  | { readonly field: 'matches'; readonly items: readonly Match[] }
  | { readonly field: 'quoteGroups'; readonly items: readonly QuoteGroup[] }
  | { readonly field: 'sources'; readonly items: readonly SourceSummary[] }
  | { readonly field: 'rest'; readonly value: AnalysisRest };

/** About 100 KB of serialized data per part (or of article text per `articles` message): a fraction of a millisecond to decode. */
export const PART_BYTES = 100_000;

/**
 * Cuts items into runs in order: a run closes once its weight reaches `max`, and the last run holds
 * what is left (empty when the items end exactly at a close, or there are none).
 */
function cutRuns<T>(items: readonly T[], weigh: (item: T) => number, max: number): T[][] {
  const runs: T[][] = [[]];
  let weight = 0;
  for (const item of items) {
    runs[runs.length - 1].push(item);
    weight += weigh(item);
    if (weight >= max) {
      runs.push([]);
      weight = 0;
    }
  }
  return runs;
}

/** Cuts `articles` into runs of about `maxChars` characters of text; the last (maybe empty) goes with `analyze`. */
export function chunkArticles(articles: readonly ArticleInput[], maxChars = PART_BYTES): ArticleInput[][] {
  // Text is checked by the engine, in the worker; here a bad one only must not throw.
  return cutRuns(articles, (article) => String(article.text).length + String(article.name).length, maxChars);
}

/** Rough serialized sizes, enough to cut parts of similar weight. */
const weight = {
  articles: (a: ArticleAnalysis): number => 64 + a.name.length + a.sentences.length * 40 + a.quotes.reduce((n, q) => n + 140 + q.text.length + (q.speaker?.length ?? 0) * 2, 0),
  matches: (m: Match): number => 160 + m.a.text.length + m.b.text.length,
  quoteGroups: (g: QuoteGroup): number => 40 + g.occurrences.reduce((n, o) => n + 110 + o.text.length + (o.speaker?.length ?? 0), 0),
  sources: (s: SourceSummary): number => 64 + s.name.length + s.covers.length * 70,
};

/** The analysis's fields other than its lists (only those it has). */
function restOf(analysis: BundleAnalysis): AnalysisRest {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(analysis)) if (!LIST_FIELDS.has(key) && value !== undefined) rest[key] = value;
  return rest as AnalysisRest;
}

/** Cuts an analysis into parts of about `maxBytes` each; joinAnalysis puts them back together. */
export function splitAnalysis(analysis: BundleAnalysis, maxBytes = PART_BYTES): AnalysisPart[] {
  const parts: AnalysisPart[] = [];
  const cut = <T>(items: readonly T[], size: (item: T) => number, make: (items: T[]) => AnalysisPart): void => {
    for (const run of cutRuns(items, size, maxBytes)) if (run.length > 0) parts.push(make(run));
  };
  cut(analysis.articles, weight.articles, (items) => ({ field: 'articles', items }));
  cut(analysis.matches, weight.matches, (items) => ({ field: 'matches', items }));
  cut(analysis.quoteGroups, weight.quoteGroups, (items) => ({ field: 'quoteGroups', items }));
  cut(analysis.sources, weight.sources, (items) => ({ field: 'sources', items }));
  const rest = restOf(analysis);
  if (Object.keys(rest).length > 0) parts.push({ field: 'rest', value: rest });
  return parts;
}

/**
 * Puts an analysis back together one part at a time, as each is decoded, so no single step of the
 * host's thread walks all of a large result. `onPart` sees each part as it is added (the runner feeds
 * the per-article index with it).
 */
export interface AnalysisJoiner {
  add(part: AnalysisPart): void;
  /** The analysis of the parts added so far, in the order they were added. */
  finish(): BundleAnalysis;
}

/** BundleAnalysis's lists, growing as their parts arrive. */
type AnalysisLists = { [F in ListField]: BundleAnalysis[F][number][] };

export function createAnalysisJoiner(onPart?: (part: AnalysisPart) => void): AnalysisJoiner {
  const lists: AnalysisLists = { articles: [], matches: [], quoteGroups: [], sources: [] };
  let rest: AnalysisRest = {};
  return {
    add(part) {
      if (part.field === 'rest') rest = part.value;
      else {
        // AnalysisPart pairs each field with its items' type; TypeScript cannot follow that pairing
        // through lists[part.field], so the list is widened here, where the pairing is plain.
        const list: unknown[] = lists[part.field];
        for (const item of part.items) list.push(item);
      }
      onPart?.(part);
    },
    finish: () => ({ ...rest, ...lists }),
  };
}

/** The analysis whose parts these are, in the order splitAnalysis made them. */
export function joinAnalysis(parts: readonly AnalysisPart[]): BundleAnalysis {
  const joiner = createAnalysisJoiner();
  for (const part of parts) joiner.add(part);
  return joiner.finish();
}
