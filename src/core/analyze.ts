import type {
  AnalysisOptions, ArticleAnalysis, ArticleInput, BundleAnalysis, Match, QuoteGroup,
} from './model';
import type { CancellationLike } from './cancellation';
import { throwIfCancelled } from './cancellation';
import { contentHash } from './hash';
import { splitSentences } from './text/sentences';
import { findQuotes } from './text/quotes';
import { widenOverSharedPunctuation } from './match/passages';
import { groupQuotes } from './match/quoteGroups';
import { articleFeatures } from './match/articleFeatures';
import type { ArticleFeatures } from './match/articleFeatures';
import { comparePair } from './match/documentPair';
import type { PairComparison, SentenceLink } from './match/documentPair';
import { findCopies } from './match/copies';
import { limitsOf, MAX_ANCHOR_FANOUT, newTally } from './match/limits';
import type { WorkTally } from './match/limits';
import { candidateArticlePairs } from './match/shingleIndex';
import { summarizeReuse } from './match/reuse';
import { quoteAnchoredLinks } from './match/quoteAnchors';
import { DEFAULT_OPTIONS, resolveOptions } from './options';

// Re-exported for the CLI and the engine's tests; the editor imports them from their own light modules.
export { alignPair } from './alignPair';
export { DEFAULT_OPTIONS, resolveOptions };

/**
 * The one entry point of the engine: sentences, quotes, shared passages, quote groups and
 * per-source coverage of a bundle, as plain data with offsets into each article's text.
 */

/** How much of the last analysis was reused: tests and the status bar read it. */
export interface CacheStats {
  articleHits: number;
  articleMisses: number;
  pairHits: number;
  pairMisses: number;
}

/**
 * What analyzeBundle keeps between runs: per-article work by content hash, per-pair work by the
 * two hashes and the options. Entries the last run did not use are dropped, so it stays the size of one bundle.
 */
export interface AnalysisCache {
  readonly articles: Map<string, ArticleFeatures>;
  readonly pairs: Map<string, PairComparison>;
  /** Counts of the last run. */
  readonly stats: CacheStats;
}

export function createAnalysisCache(): AnalysisCache {
  return { articles: new Map(), pairs: new Map(), stats: { articleHits: 0, articleMisses: 0, pairHits: 0, pairMisses: 0 } };
}

interface PairLinks {
  readonly a: number;
  readonly b: number;
  readonly links: readonly SentenceLink[];
}

/**
 * Analyses a bundle. Cancellable between units of work (throws CancelledError); incremental when
 * given the cache of the previous run: unchanged articles and unchanged pairs are not recomputed.
 * The result depends only on the articles and options, never on what the cache held.
 * Near-linear whatever the text: copies are found first and compared with their original only,
 * common shingles and article partners are capped, and each pair's scoring has a budget
 * (match/limits.ts); what a cap cut is in `limits`.
 */
export function analyzeBundle(
  articles: readonly ArticleInput[],
  options?: Partial<AnalysisOptions>,
  token?: CancellationLike,
  cache: AnalysisCache = createAnalysisCache(),
): BundleAnalysis {
  const opts = resolveOptions(options);
  const stats = cache.stats;
  stats.articleHits = stats.articleMisses = stats.pairHits = stats.pairMisses = 0;
  throwIfCancelled(token);
  const tally = newTally();
  const { hashes, features } = featuresOf(articles, cache, tally, token);
  const copies = findCopies(articles.map((a) => a.text));
  const isCopy = new Uint8Array(articles.length);
  for (const c of copies) isCopy[c.article] = 1;
  // Copies find no candidates of their own: their original stands for them; each is compared with it once.
  const candidates = candidateArticlePairs(features.map((f, k) => (isCopy[k] ? [] : f.shingles)), token, tally)
    .filter(([a, b]) => !isCopy[a] && !isCopy[b]);
  for (const c of copies) candidates.push([c.of, c.article]);
  const pairLinks = comparePairs(candidates, hashes, features, opts, cache, tally, token);

  // Sentences that carry the same quotation report the same statement: add what the pairs missed.
  const quoteGroups = groupQuotes(features.map((f, k) => ({ quotes: f.quotes, text: articles[k].text, sentences: f.sentences })), token);
  const linked = new Set<string>();
  for (const p of pairLinks) for (const l of p.links) linked.add(`${p.a} ${p.b} ${l.i} ${l.j}`);
  const anchored = quoteAnchoredLinks(anchorGroups(quoteGroups, isCopy, tally), features, opts, (x, y, i, j) => linked.has(`${x} ${y} ${i} ${j}`));
  const allLinks = mergeLinks(pairLinks, anchored);
  throwIfCancelled(token);

  const matches = matchesOf(allLinks, articles, features);
  throwIfCancelled(token);
  // Boilerplate, direction of reuse, each quotation's original wording, coverage (match/reuse.ts).
  const reuse = summarizeReuse({ articles, sentences: features.map((f) => f.sentences), quotes: features.map((f) => f.quotes), pairs: allLinks, quoteGroups });
  const analysed: ArticleAnalysis[] = articles.map((a, k) => ({ name: a.name, sentences: features[k].sentences, quotes: features[k].quotes }));
  return { articles: analysed, matches: reuse.markMatches(matches), quoteGroups: reuse.quoteGroups, sources: reuse.sources, copies, limits: limitsOf(tally) };
}

/** Per-article features, from the cache by content hash when the text is unchanged. */
function featuresOf(
  articles: readonly ArticleInput[], cache: AnalysisCache, tally: WorkTally, token?: CancellationLike,
): { hashes: string[]; features: ArticleFeatures[] } {
  const hashes: string[] = [];
  const features: ArticleFeatures[] = [];
  const used = new Set<string>();
  for (const article of articles) {
    const hash = contentHash(article.text);
    let f = cache.articles.get(hash);
    if (f === undefined) {
      const sentences = splitSentences(article.text);
      f = articleFeatures(article.text, sentences, findQuotes(article.text, sentences));
      cache.articles.set(hash, f);
      cache.stats.articleMisses++;
    } else {
      cache.stats.articleHits++;
    }
    used.add(hash);
    hashes.push(hash);
    features.push(f);
    tally.articles++;
    tally.sentences += f.sents.length;
    for (const s of f.sents) tally.words += s.words.length;
    throwIfCancelled(token);
  }
  for (const key of cache.articles.keys()) if (!used.has(key)) cache.articles.delete(key);
  return { hashes, features };
}

/** Compares each candidate pair (a < b), from the cache when both texts and the options are unchanged. */
function comparePairs(
  candidates: readonly (readonly [number, number])[], hashes: readonly string[], features: readonly ArticleFeatures[],
  opts: AnalysisOptions, cache: AnalysisCache, tally: WorkTally, token?: CancellationLike,
): PairLinks[] {
  const optionsKey = `${opts.minSharedWords}|${opts.paraphraseThreshold}`;
  const used = new Set<string>();
  const out: PairLinks[] = [];
  for (const [a, b] of candidates) {
    const key = `${hashes[a]}|${hashes[b]}|${optionsKey}`;
    let result = cache.pairs.get(key);
    if (result === undefined) {
      result = comparePair(features[a], features[b], opts);
      cache.pairs.set(key, result);
      cache.stats.pairMisses++;
    } else {
      cache.stats.pairHits++;
    }
    used.add(key);
    tally.articlePairs++;
    tally.sentencePairsScored += result.scored;
    if (result.capped) tally.cappedPairs++;
    if (result.links.length > 0) out.push({ a, b, links: result.links });
    throwIfCancelled(token);
  }
  for (const key of cache.pairs.keys()) if (!used.has(key)) cache.pairs.delete(key);
  return out;
}

/**
 * The quote groups whose occurrences anchor sentence links: without copies (their original
 * carries the quotation for them), and a quotation repeated very often links each occurrence to
 * the first MAX_ANCHOR_FANOUT ones only, so a refrain costs linear work, not all pairs.
 */
function anchorGroups(groups: readonly QuoteGroup[], isCopy: Uint8Array, tally: WorkTally): QuoteGroup[] {
  const out: QuoteGroup[] = [];
  for (const g of groups) {
    const occurrences = g.occurrences.filter((o) => !isCopy[o.article]);
    if (occurrences.length <= MAX_ANCHOR_FANOUT) {
      out.push({ ...g, occurrences });
      continue;
    }
    tally.trimmedQuotes++;
    const head = occurrences.slice(0, MAX_ANCHOR_FANOUT);
    out.push({ ...g, occurrences: head });
    for (const o of occurrences.slice(MAX_ANCHOR_FANOUT)) out.push({ ...g, occurrences: [...head, o] });
  }
  return out;
}

/** The pairs' own links with the quote-anchored ones they missed, by article pair (a < b), sorted. */
function mergeLinks(pairLinks: readonly PairLinks[], anchored: ReadonlyMap<string, readonly SentenceLink[]>): PairLinks[] {
  const byPair = new Map<string, PairLinks>();
  for (const p of pairLinks) byPair.set(`${p.a} ${p.b}`, p);
  for (const [pair, extra] of anchored) {
    const [a, b] = pair.split(' ').map(Number);
    const own = byPair.get(pair)?.links ?? [];
    const have = new Set(own.map((l) => `${l.i} ${l.j}`));
    const added = extra.filter((l) => !have.has(`${l.i} ${l.j}`));
    if (added.length === 0) continue;
    byPair.set(pair, { a, b, links: [...own, ...added].sort((x, y) => x.i - y.i || x.j - y.j) });
  }
  return [...byPair.values()].sort((x, y) => x.a - y.a || x.b - y.b);
}

/** The matches of the links: a verbatim link gives one match per shared run, any other the two sentences. */
function matchesOf(pairLinks: readonly PairLinks[], articles: readonly ArticleInput[], features: readonly ArticleFeatures[]): Match[] {
  const matches: Match[] = [];
  for (const p of pairLinks) {
    const ta = articles[p.a].text;
    const tb = articles[p.b].text;
    const fa = features[p.a];
    const fb = features[p.b];
    for (const l of p.links) {
      const sa = fa.sents[l.i];
      const sb = fb.sents[l.j];
      if (l.kind === 'verbatim' && l.runs.length > 0) {
        for (const r of l.runs) {
          const [a, b] = widenOverSharedPunctuation(
            ta, { start: sa.wordStarts[r.a], end: sa.wordEnds[r.a + r.length - 1] },
            tb, { start: sb.wordStarts[r.b], end: sb.wordEnds[r.b + r.length - 1] },
          );
          matches.push({
            kind: 'verbatim', score: 1,
            a: { article: p.a, ...a, text: ta.slice(a.start, a.end) },
            b: { article: p.b, ...b, text: tb.slice(b.start, b.end) },
          });
        }
      } else {
        const a = fa.sentences[l.i];
        const b = fb.sentences[l.j];
        matches.push({
          kind: l.kind, score: round(l.score),
          a: { article: p.a, start: a.start, end: a.end, text: ta.slice(a.start, a.end) },
          b: { article: p.b, start: b.start, end: b.end, text: tb.slice(b.start, b.end) },
        });
      }
    }
  }
  return matches.sort((x, y) => x.a.article - y.a.article || x.b.article - y.b.article || x.a.start - y.a.start || x.b.start - y.b.start);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
