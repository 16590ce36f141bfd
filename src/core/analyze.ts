import type {
  AnalysisOptions, ArticleAnalysis, ArticleInput, BundleAnalysis, Match,
} from './model';
import type { CancellationLike } from './cancellation';
import { throwIfCancelled } from './cancellation';
import { contentHash } from './hash';
import { splitSentences } from './text/sentences';
import { findQuotes } from './text/quotes';
import { groupQuotes } from './match/quoteGroups';
import { articleFeatures } from './match/articleFeatures';
import type { ArticleFeatures } from './match/articleFeatures';
import { compareArticles } from './match/documentPair';
import type { SentenceLink } from './match/documentPair';
import { candidateArticlePairs } from './match/shingleIndex';
import { summarizeSources } from './match/coverage';
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
  readonly pairs: Map<string, readonly SentenceLink[]>;
  /** Counts of the last run. */
  readonly stats: CacheStats;
}

export function createAnalysisCache(): AnalysisCache {
  return { articles: new Map(), pairs: new Map(), stats: { articleHits: 0, articleMisses: 0, pairHits: 0, pairMisses: 0 } };
}

/**
 * Analyses a bundle. Cancellable between units of work (throws CancelledError); incremental when
 * given the cache of the previous run: unchanged articles and unchanged pairs are not recomputed.
 * The result depends only on the articles and options, never on what the cache held.
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

  const hashes: string[] = [];
  const features: ArticleFeatures[] = [];
  const usedArticles = new Set<string>();
  for (const article of articles) {
    const hash = contentHash(article.text);
    let f = cache.articles.get(hash);
    if (f === undefined) {
      const sentences = splitSentences(article.text);
      f = articleFeatures(article.text, sentences, findQuotes(article.text, sentences));
      cache.articles.set(hash, f);
      stats.articleMisses++;
    } else {
      stats.articleHits++;
    }
    usedArticles.add(hash);
    hashes.push(hash);
    features.push(f);
    throwIfCancelled(token);
  }

  const pairs = candidateArticlePairs(features.map((f) => f.shingles), token);
  const optionsKey = `${opts.minSharedWords}|${opts.paraphraseThreshold}`;
  const usedPairs = new Set<string>();
  const pairLinks: { a: number; b: number; links: readonly SentenceLink[] }[] = [];
  for (const [a, b] of pairs) {
    const key = `${hashes[a]}|${hashes[b]}|${optionsKey}`;
    let links = cache.pairs.get(key);
    if (links === undefined) {
      links = compareArticles(features[a], features[b], opts);
      cache.pairs.set(key, links);
      stats.pairMisses++;
    } else {
      stats.pairHits++;
    }
    usedPairs.add(key);
    if (links.length > 0) pairLinks.push({ a, b, links });
    throwIfCancelled(token);
  }
  for (const key of cache.articles.keys()) if (!usedArticles.has(key)) cache.articles.delete(key);
  for (const key of cache.pairs.keys()) if (!usedPairs.has(key)) cache.pairs.delete(key);

  // Sentences that carry the same quotation report the same statement: add what the pairs missed.
  const quoteGroups = groupQuotes(features.map((f, k) => ({ quotes: f.quotes, text: articles[k].text, sentences: f.sentences })), token);
  for (const [pair, extra] of quoteAnchoredLinks(quoteGroups, features, opts)) {
    const [a, b] = pair.split(' ').map(Number);
    const k = pairLinks.findIndex((p) => p.a === a && p.b === b);
    const own = k >= 0 ? pairLinks[k].links : [];
    const have = new Set(own.map((l) => `${l.i} ${l.j}`));
    const added = extra.filter((l) => !have.has(`${l.i} ${l.j}`));
    if (added.length === 0) continue;
    const links = [...own, ...added].sort((x, y) => x.i - y.i || x.j - y.j);
    if (k >= 0) pairLinks[k] = { a, b, links };
    else pairLinks.push({ a, b, links });
  }
  pairLinks.sort((x, y) => x.a - y.a || x.b - y.b);
  throwIfCancelled(token);

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
          const a = { start: sa.wordStarts[r.a], end: sa.wordEnds[r.a + r.length - 1] };
          const b = { start: sb.wordStarts[r.b], end: sb.wordEnds[r.b + r.length - 1] };
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
  matches.sort((x, y) => x.a.article - y.a.article || x.b.article - y.b.article || x.a.start - y.a.start || x.b.start - y.b.start);
  throwIfCancelled(token);

  const sources = summarizeSources(articles.map((a) => a.name), features.map((f) => f.sentences.length), pairLinks);
  const analysed: ArticleAnalysis[] = articles.map((a, k) => ({ name: a.name, sentences: features[k].sentences, quotes: features[k].quotes }));
  return { articles: analysed, matches, quoteGroups, sources };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
