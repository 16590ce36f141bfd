// Per-article lookups over a BundleAnalysis, built once per analysis and shared by lenses, hovers,
// decorations and views, so a request on a 1,000-article bundle scans one article's matches, not all.
// Pure: no vscode import.
import type { BundleAnalysis, Match, MatchKind, MatchSide, QuoteGroup, QuoteOccurrence, Span } from '../core/model';
import { MATCH_KINDS } from '../presentation/kinds';
import { lastAtOrBefore } from '../core/util/binarySearch';

/** One match seen from one of its two articles. */
export interface SideMatch {
  readonly match: Match;
  readonly self: MatchSide;
  readonly other: MatchSide;
}

export interface AnalysisIndex {
  /** An article's matches, sorted by start offset in that article (sorted on first use). */
  matchesOf(article: number): readonly SideMatch[];
  /** The quote group holding quote `quote` of an article, and its occurrence, if grouped. */
  groupOfQuote(article: number, quote: number): { group: QuoteGroup; occurrence: QuoteOccurrence } | undefined;
}

const cache = new WeakMap<BundleAnalysis, AnalysisIndex>();

/**
 * Builds an analysis's index from its matches and quote groups fed in pieces (the worker runner feeds
 * each decoded part), so no single step buckets 15,000 matches at once; `finish` registers it for indexOf.
 */
export interface IndexBuilder {
  addMatches(matches: readonly Match[]): void;
  addQuoteGroups(groups: readonly QuoteGroup[]): void;
  /** The index of `analysis`, whose matches and quote groups were all fed, in order; indexOf returns it from now on. */
  finish(analysis: BundleAnalysis): AnalysisIndex;
}

export function createIndexBuilder(): IndexBuilder {
  const buckets: SideMatch[][] = [];
  const bucket = (article: number): SideMatch[] | undefined => {
    // Only real article positions get a bucket (finish drops those past the last article).
    if (!Number.isInteger(article) || article < 0) return undefined;
    let list = buckets[article];
    if (!list) buckets[article] = list = [];
    return list;
  };
  const groups = new Map<string, { group: QuoteGroup; occurrence: QuoteOccurrence }>();
  return {
    addMatches(matches) {
      for (const match of matches) {
        bucket(match.a.article)?.push({ match, self: match.a, other: match.b });
        bucket(match.b.article)?.push({ match, self: match.b, other: match.a });
      }
    },
    addQuoteGroups(quoteGroups) {
      for (const group of quoteGroups) {
        for (const occurrence of group.occurrences) groups.set(`${occurrence.article}:${occurrence.quote}`, { group, occurrence });
      }
    },
    finish(analysis) {
      const hit = cache.get(analysis);
      if (hit) return hit;
      const n = analysis.articles.length;
      if (buckets.length > n) buckets.length = n;
      for (let i = 0; i < n; i++) buckets[i] ??= [];
      const sorted = new Uint8Array(n);
      const index: AnalysisIndex = {
        matchesOf(article) {
          const list = buckets[article];
          if (!list) return [];
          if (!sorted[article]) {
            list.sort((x, y) => x.self.start - y.self.start || x.self.end - y.self.end);
            sorted[article] = 1;
          }
          return list;
        },
        groupOfQuote: (article, quote) => groups.get(`${article}:${quote}`),
      };
      cache.set(analysis, index);
      return index;
    },
  };
}

/**
 * The index of an analysis, built on first use and kept as long as the analysis lives. Building it
 * only buckets matches (linear); each article's bucket is sorted when first asked for, so no single
 * request on a 1,000-article bundle pays for sorting all of them.
 */
export function indexOf(analysis: BundleAnalysis): AnalysisIndex {
  const hit = cache.get(analysis);
  if (hit) return hit;
  const builder = createIndexBuilder();
  builder.addMatches(analysis.matches);
  builder.addQuoteGroups(analysis.quoteGroups);
  return builder.finish(analysis);
}

/** The union of overlapping spans, sorted. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** True when two half-open spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Offsets where each line of a text starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Per article: the spans of boilerplate matches that no other match covers (shown dimmed with parallax.showBoilerplate). */
export function boilerplateSpans(analysis: BundleAnalysis, article: number): { start: number; end: number }[] {
  const own = indexOf(analysis).matchesOf(article);
  const real = mergeSpans(own.filter((m) => m.match.boilerplate !== true).map((m) => m.self));
  return mergeSpans(own.filter((m) => m.match.boilerplate === true).map((m) => m.self)).filter((s) => !real.some((r) => r.start < s.end && s.start < r.end));
}

/** The 0-based line holding an offset, by binary search over `lineStarts`. */
export function lineOf(starts: readonly number[], offset: number): number {
  return Math.max(0, lastAtOrBefore(starts.length, (i) => (starts[i] ?? 0) <= offset));
}

/** Per article: the spans to paint for each kind, the strongest kind winning where matches overlap; boilerplate is not painted. */
export function spansByKind(analysis: BundleAnalysis, article: number): Map<MatchKind, { start: number; end: number }[]> {
  const own = indexOf(analysis).matchesOf(article).filter((m) => m.match.boilerplate !== true);
  const out = new Map<MatchKind, { start: number; end: number }[]>();
  // Paint strongest kinds last-to-first so a verbatim span is never hidden under a paraphrase.
  const taken: { start: number; end: number }[] = [];
  for (const kind of MATCH_KINDS) {
    const spans = mergeSpans(own.filter((m) => m.match.kind === kind).map((m) => m.self));
    const free: { start: number; end: number }[] = [];
    for (const s of spans) {
      // Subtract spans of stronger kinds already painted.
      let pieces = [s];
      for (const t of taken) {
        pieces = pieces.flatMap((p) => (p.end <= t.start || p.start >= t.end ? [p] : [
          ...(p.start < t.start ? [{ start: p.start, end: t.start }] : []),
          ...(p.end > t.end ? [{ start: t.end, end: p.end }] : []),
        ]));
      }
      free.push(...pieces);
    }
    out.set(kind, free);
    taken.push(...spans);
  }
  return out;
}
