import type {
  AlignedPair, AnalysisOptions, ArticleAnalysis, ArticleInput, BundleAnalysis, Match, MatchKind, Sentence, Span,
} from './model';
import type { CancellationLike } from './cancellation';
import { throwIfCancelled } from './cancellation';
import { contentHash } from './hash';
import { sentenceAt, splitSentences } from './text/sentences';
import { findQuotes } from './text/quotes';
import { groupQuotes } from './match/quoteGroups';
import { articleFeatures } from './match/articleFeatures';
import type { ArticleFeatures } from './match/articleFeatures';
import { compareArticles } from './match/documentPair';
import type { SentenceLink } from './match/documentPair';
import { candidateArticlePairs } from './match/shingleIndex';
import { summarizeSources } from './match/coverage';
import { monotoneChain } from './match/alignment';
import { quoteAnchoredLinks } from './match/quoteAnchors';
import type { AlignNode } from './match/alignment';

/**
 * The one entry point of the engine: sentences, quotes, shared passages, quote groups and
 * per-source coverage of a bundle, as plain data with offsets into each article's text.
 */

export const DEFAULT_OPTIONS: AnalysisOptions = Object.freeze({ minSharedWords: 6, paraphraseThreshold: 0.5 });

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

/** Checks the options a caller passes (settings can hold anything) and fills in the defaults. */
export function resolveOptions(options?: Partial<AnalysisOptions>): AnalysisOptions {
  const minSharedWords = Number.isFinite(options?.minSharedWords) ? Math.max(2, Math.round(options?.minSharedWords as number)) : DEFAULT_OPTIONS.minSharedWords;
  const t = options?.paraphraseThreshold;
  const paraphraseThreshold = typeof t === 'number' && Number.isFinite(t) ? Math.min(1, Math.max(0.05, t)) : DEFAULT_OPTIONS.paraphraseThreshold;
  return { minSharedWords, paraphraseThreshold };
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

const KIND_RANK: Record<MatchKind, number> = { verbatim: 3, 'near-verbatim': 2, paraphrase: 1 };

interface Link {
  kind: MatchKind;
  score: number;
}

/**
 * The aligned view of two articles for Compare Sources: every sentence of both appears exactly
 * once, in order; matched sentences side by side (a sentence split in two faces both halves as
 * one row), unmatched ones against null. `a` is the left article, `b` the right.
 */
export function alignPair(analysis: BundleAnalysis, a: number, b: number): AlignedPair[] {
  const left = analysis.articles[a];
  const right = analysis.articles[b];
  if (!left || !right) return [];
  const sa = left.sentences;
  const sb = right.sentences;
  const links = new Map<number, Link>();
  const m = sb.length;
  if (a !== b) {
    for (const match of analysis.matches) {
      let x: Span;
      let y: Span;
      if (match.a.article === a && match.b.article === b) [x, y] = [match.a, match.b];
      else if (match.a.article === b && match.b.article === a) [x, y] = [match.b, match.a];
      else continue;
      const i = sentenceAt(sa, x.start);
      const j = sentenceAt(sb, y.start);
      if (i < 0 || j < 0) continue;
      const key = i * m + j;
      const old = links.get(key);
      if (!old || KIND_RANK[match.kind] > KIND_RANK[old.kind] || (match.kind === old.kind && match.score > old.score)) {
        links.set(key, { kind: match.kind, score: Math.max(match.score, old?.score ?? 0) });
      }
    }
  } else {
    for (let i = 0; i < sa.length; i++) links.set(i * m + i, { kind: 'verbatim', score: 1 });
  }
  const nodes: (AlignNode & Link)[] = [];
  for (const [key, l] of links) {
    const j = key % m;
    const i = (key - j) / m;
    nodes.push({ i0: i, i1: i, j0: j, j1: j, weight: l.score + 0.01, ...l });
    // A sentence facing two adjacent sentences of the other side: one row.
    for (const [di, dj] of [[1, 0], [0, 1]] as const) {
      const other = links.get((i + di) * m + j + dj);
      if (other && i + di < sa.length && j + dj < m) {
        const kind = KIND_RANK[other.kind] > KIND_RANK[l.kind] ? other.kind : l.kind;
        nodes.push({ i0: i, i1: i + di, j0: j, j1: j + dj, weight: l.score + other.score + 0.02, kind, score: Math.max(l.score, other.score) });
      }
    }
  }
  const chain = monotoneChain(nodes).map((k) => nodes[k]);
  const rows: AlignedPair[] = [];
  const spanOf = (s: readonly Sentence[], from: number, to: number): Span => ({ start: s[from].start, end: s[to].end });
  let i = 0;
  let j = 0;
  for (const n of chain) {
    for (; i < n.i0; i++) rows.push({ a: spanOf(sa, i, i), b: null, kind: null, score: 0 });
    for (; j < n.j0; j++) rows.push({ a: null, b: spanOf(sb, j, j), kind: null, score: 0 });
    rows.push({ a: spanOf(sa, n.i0, n.i1), b: spanOf(sb, n.j0, n.j1), kind: n.kind, score: n.score });
    i = n.i1 + 1;
    j = n.j1 + 1;
  }
  for (; i < sa.length; i++) rows.push({ a: spanOf(sa, i, i), b: null, kind: null, score: 0 });
  for (; j < sb.length; j++) rows.push({ a: null, b: spanOf(sb, j, j), kind: null, score: 0 });
  return rows;
}
