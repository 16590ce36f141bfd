import type {
  AnalysisOptions, ArticleAnalysis, ArticleInput, BundleAnalysis, CopyOf, Match, QuoteGroup, SourceSummary,
} from './model';
import type { CancellationLike, Cursor, Progress } from './cancellation';
import { inUnits, throwIfCancelled } from './cancellation';
import { contentHash } from './hash';
import { splitSentences } from './text/sentences';
import { findQuotes } from './text/quotes';
import { pairMatches, sortMatches } from './match/passages';
import { continueGrouping, newQuoteGrouping } from './match/quoteGroups';
import type { QuoteGrouping } from './match/quoteGroups';
import { articleFeatures } from './match/articleFeatures';
import type { ArticleFeatures } from './match/articleFeatures';
import { comparePair } from './match/documentPair';
import type { MeasuredPairs, PairComparison, SentenceLink } from './match/documentPair';
import { continueCopies, newCopySearch } from './match/copies';
import type { CopySearch } from './match/copies';
import { addTally, limitsOf, MAX_ANCHOR_FANOUT, newTally } from './match/limits';
import type { WorkTally } from './match/limits';
import { continueCandidates, newCandidateSearch } from './match/shingleIndex';
import type { CandidateSearch } from './match/shingleIndex';
import { continueReuse, newReuseProgress } from './match/reuse';
import type { ReuseProgress } from './match/reuse';
import { anchorOrder, collectOccurrence, PairAnchors } from './match/quoteAnchors';
import type { AnchoredLinks, AnchorRequests } from './match/quoteAnchors';
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
  /**
   * What the bundle-wide phases of the last run produced, for exactly its articles, and how far the
   * one under way got: a run stopped between two units of work (a time slice) resumes after the last.
   */
  stage: BundleStage | undefined;
  /** Each position's text and content hash as last seen: a time slice resuming on the same texts hashes none again. */
  readonly seen: { readonly texts: string[]; readonly hashes: string[] };
}

/** The outputs of the bundle-wide phases (each a function of the articles' texts and the options), and their progress. */
interface BundleStage {
  /** The articles' content hashes, in order. */
  readonly key: string;
  /** Units of the cut phases finished: their progress is dropped then (it holds bundle-sized scratch). */
  doneUnits: number;
  /** The articles' features (the same for the same hashes). */
  features?: readonly ArticleFeatures[];
  /** Finding the copies so far (its progress), and the copies once found. */
  copySearch?: CopySearch;
  copies?: CopyOf[];
  /** Finding the candidate pairs so far (its progress, what it added to the work tally). */
  candidateSearch?: { readonly search: CandidateSearch; readonly tally: WorkTally };
  /** The candidate article pairs, and what finding them added to the work tally. */
  candidates?: { readonly pairs: readonly (readonly [number, number])[]; readonly tally: WorkTally };
  /** Quote grouping so far (its progress), and its groups once done. */
  grouping?: QuoteGrouping;
  quoteGroups?: readonly QuoteGroup[];
  /** The candidate pairs compared so far (comparePairs). */
  pairs?: PairProgress;
  /** The quote-anchored links found so far (anchoredLinksOf). */
  anchors?: AnchorProgress;
  /** The last phases so far (lastPhases). */
  last?: LastProgress;
}

export function createAnalysisCache(): AnalysisCache {
  return { articles: new Map(), pairs: new Map(), stats: { articleHits: 0, articleMisses: 0, pairHits: 0, pairMisses: 0 }, stage: undefined, seen: { texts: [], hashes: [] } };
}

/**
 * How many units of bundle-wide work the cache holds for its last bundle (the steps of copies, candidate
 * pairs, quote grouping, anchors and the last phases): a time slice that raised it made progress.
 */
export function finishedPhases(cache: AnalysisCache): number {
  const s = cache.stage;
  if (s === undefined) return 0;
  return s.doneUnits + (s.copySearch?.units ?? 0) + (s.candidateSearch?.search.units ?? 0) + (s.grouping?.units ?? 0) + (s.anchors?.units ?? 0)
    + (s.last === undefined ? 0 : s.last.units + s.last.reuse.units);
}

interface PairLinks {
  readonly a: number;
  readonly b: number;
  readonly links: readonly SentenceLink[];
}

/**
 * Analyses a bundle. Cancellable between units of work (throws CancelledError); incremental when
 * given the cache of the previous run: unchanged articles and unchanged pairs are not recomputed.
 * The result depends only on the articles and options, never on what the cache held, unless `finish`
 * asks to finish now (a time budget ran out): then no new article pair is compared and quotations
 * not yet grouped stay ungrouped, and the result holds the work done so far (cached pairs included),
 * with `limits.partial` set and a note saying what was left out.
 * Near-linear whatever the text: copies are found first and compared with their original only,
 * common shingles and article partners are capped, and each pair's scoring has a budget
 * (match/limits.ts); what a cap cut is in `limits`.
 */
export function analyzeBundle(
  articles: readonly ArticleInput[],
  options?: Partial<AnalysisOptions>,
  token?: CancellationLike,
  cache: AnalysisCache = createAnalysisCache(),
  finish?: CancellationLike,
): BundleAnalysis {
  const opts = resolveOptions(options);
  const stats = cache.stats;
  stats.articleHits = stats.articleMisses = stats.pairHits = stats.pairMisses = 0;
  throwIfCancelled(token);
  const tally = newTally();
  const fresh = featuresOf(articles, cache, tally, token);
  const hashes = fresh.hashes;
  const stage = stageOf(cache, hashes);
  // The stage's own array: what is remembered per features array (quoteAnchors.ts) outlives a time slice.
  const features = (stage.features ??= fresh.features);
  const run: Run = { articles, hashes, features, opts, cache, stage, tally, token, finish };
  const copies = copiesOf(run);
  const isCopy = new Uint8Array(articles.length);
  for (const c of copies) isCopy[c.article] = 1;
  const candidates = candidatesOf(run, isCopy);
  const { links: pairLinks, linked } = comparePairs(run, candidates);

  // Sentences that carry the same quotation report the same statement: add what the pairs missed.
  const quoteGroups = quoteGroupsOf(run);
  // What the links are made of: the options and the pairs compared (all, or those compared before a
  // time budget ran out: pairs are only ever added to the stage, so the same count is the same pairs).
  const linksKey = `${JSON.stringify(opts)}|${tally.articlePairs}`;
  const anchored = anchoredLinksOf(run, anchorGroups(quoteGroups, isCopy, tally), linked, linksKey);
  throwIfCancelled(token);
  // ... and the quote groups (none when a time budget ran out before they were grouped).
  const last = lastPhases(run, { pairLinks, anchored, linked, quoteGroups }, `${linksKey}|${quoteGroups.length}|${tally.ungroupedQuotes}`);
  const analysed: ArticleAnalysis[] = articles.map((a, k) => ({ name: a.name, sentences: features[k].sentences, quotes: features[k].quotes }));
  return { articles: analysed, matches: last.matches, quoteGroups: last.quoteGroups, sources: last.sources, copies, limits: limitsOf(tally) };
}

/** What one run reads, where it keeps its progress and counts its work: the phases' common context. */
interface Run {
  readonly articles: readonly ArticleInput[];
  /** The articles' content hashes, and their features. */
  readonly hashes: readonly string[];
  readonly features: readonly ArticleFeatures[];
  readonly opts: AnalysisOptions;
  readonly cache: AnalysisCache;
  /** The bundle-wide phases' outputs and progress, for these articles. */
  readonly stage: BundleStage;
  readonly tally: WorkTally;
  /** Asks to stop between two units of work (CancelledError). */
  readonly token?: CancellationLike;
  /** Once it asks to finish, only pairs already in the cache are taken; the others are counted as skipped. */
  readonly finish?: CancellationLike;
}

/** The bundle's copies, found one article per unit (the search kept in the stage until done). */
function copiesOf({ stage, articles, token }: Run): CopyOf[] {
  if (stage.copies === undefined) {
    const search = (stage.copySearch ??= newCopySearch());
    stage.copies = continueCopies(search, articles.map((a) => a.text), token);
    stage.doneUnits += search.units;
    stage.copySearch = undefined;
  }
  return stage.copies;
}

/** The cache's phase outputs when they are of these articles, else a fresh (empty) stage in their place. */
function stageOf(cache: AnalysisCache, hashes: readonly string[]): BundleStage {
  const key = hashes.join(' ');
  if (cache.stage?.key !== key) cache.stage = { key, doneUnits: 0 };
  return cache.stage;
}

/** The content hash of article `k`'s text, hashed only when it is not the text last seen there. */
function hashOf(cache: AnalysisCache, k: number, text: string): string {
  const seen = cache.seen;
  if (seen.texts[k] !== text) {
    seen.hashes[k] = contentHash(text);
    seen.texts[k] = text;
  }
  return seen.hashes[k];
}

/**
 * The article pairs to compare: those whose sentences share uncommon shingles (copies find none of
 * their own: their original stands for them), then each copy with its original, once.
 */
function candidatesOf({ stage, features, tally, token }: Run, isCopy: Uint8Array): readonly (readonly [number, number])[] {
  if (stage.candidates === undefined) {
    const own = newTally();
    const { search, tally: found } = (stage.candidateSearch ??= { search: newCandidateSearch(features.map((f, k) => (isCopy[k] ? [] : f.shingles)), own), tally: own });
    const pairs: [number, number][] = continueCandidates(search, token).filter(([a, b]) => !isCopy[a] && !isCopy[b]);
    for (const c of stage.copies ?? []) pairs.push([c.of, c.article]);
    stage.candidates = { pairs, tally: found };
    stage.doneUnits += search.units;
    stage.candidateSearch = undefined;
  }
  addTally(tally, stage.candidates.tally);
  return stage.candidates.pairs;
}

/** The bundle's quote groups; none when asked to finish before they were grouped (the limits say so). */
function quoteGroupsOf({ stage, articles, features, tally, token, finish }: Run): readonly QuoteGroup[] {
  if (stage.quoteGroups !== undefined) return stage.quoteGroups;
  if (finish?.isCancellationRequested) {
    tally.ungroupedQuotes = features.reduce((n, f) => n + f.quotes.length, 0);
    return [];
  }
  const grouping = (stage.grouping ??= newQuoteGrouping());
  stage.quoteGroups = continueGrouping(grouping, features.map((f, k) => ({ quotes: f.quotes, text: articles[k].text, sentences: f.sentences, sentenceWords: f.sents })), token);
  stage.doneUnits += grouping.units;
  stage.grouping = undefined;
  return stage.quoteGroups;
}

/** Per-article features, from the cache by content hash when the text is unchanged. */
function featuresOf(
  articles: readonly ArticleInput[], cache: AnalysisCache, tally: WorkTally, token?: CancellationLike,
): { hashes: string[]; features: ArticleFeatures[] } {
  const hashes: string[] = [];
  const features: ArticleFeatures[] = [];
  const used = new Set<string>();
  for (const article of articles) {
    const hash = hashOf(cache, hashes.length, article.text);
    const f = cached(cache.articles, hash, () => {
      const sentences = splitSentences(article.text);
      return articleFeatures(article.text, sentences, findQuotes(article.text, sentences));
    }, (hit) => void (hit ? cache.stats.articleHits++ : cache.stats.articleMisses++));
    used.add(hash);
    hashes.push(hash);
    features.push(f);
    tally.articles++;
    tally.sentences += f.sents.length;
    for (const s of f.sents) tally.words += s.words.length;
    throwIfCancelled(token);
  }
  for (const key of cache.articles.keys()) if (!used.has(key)) cache.articles.delete(key);
  cache.seen.texts.length = articles.length;
  cache.seen.hashes.length = articles.length;
  return { hashes, features };
}

/** The value cached under `key`, else what `compute` gives (kept, and counted as a miss; undefined is neither). */
function cached<V>(map: Map<string, V>, key: string, compute: () => V, count: (hit: boolean) => void): V;
function cached<V>(map: Map<string, V>, key: string, compute: () => V | undefined, count: (hit: boolean) => void): V | undefined;
function cached<V>(map: Map<string, V>, key: string, compute: () => V | undefined, count: (hit: boolean) => void): V | undefined {
  let value = map.get(key);
  if (value !== undefined) {
    count(true);
    return value;
  }
  value = compute();
  if (value === undefined) return undefined;
  map.set(key, value);
  count(false);
  return value;
}

/**
 * The candidate pairs compared so far in this stage, by candidate index, for one options key: a slice
 * resumes after the last without building and looking up every pair's cache key again.
 */
interface PairProgress {
  readonly options: string;
  /** Per candidate: its comparison, once done (from the cache or computed). */
  readonly results: (PairComparison | undefined)[];
  /** Per candidate: its key in cache.pairs, once looked at. */
  readonly keys: string[];
  /**
   * What the comparisons computed in this stage scored without linking, by article pair (a·n + b): the
   * quote anchors read it instead of scoring again (a pair from the cache has none; the anchors score it).
   * Dropped once the anchors are done; never in the cache, which would hold it for as long as the pair.
   */
  readonly measured: Map<number, MeasuredPairs>;
  /** Once every candidate is compared: the pairs' links, and which sentence pairs they link. */
  done?: { readonly links: PairLinks[]; readonly linked: LinkedSentences };
}

/** Compares each candidate pair (a < b), from the cache when both texts and the options are unchanged. */
function comparePairs(w: Run, candidates: readonly (readonly [number, number])[]): { links: PairLinks[]; linked: LinkedSentences } {
  const { cache, tally, stage } = w;
  const options = `${w.opts.minSharedWords}|${w.opts.paraphraseThreshold}`;
  if (stage.pairs?.options !== options) stage.pairs = { options, results: [], keys: [], measured: new Map() };
  const progress = stage.pairs;
  tally.candidatePairs += candidates.length;
  const out: PairLinks[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const known = progress.results[k];
    if (known !== undefined) cache.stats.pairHits++;
    const result = known ?? pairResult(progress, k, candidates[k], w);
    if (result === undefined) {
      tally.skippedPairs++;
      continue;
    }
    tally.articlePairs++;
    tally.sentencePairsScored += result.scored;
    if (result.capped) tally.cappedPairs++;
    if (result.links.length > 0) out.push({ a: candidates[k][0], b: candidates[k][1], links: result.links });
  }
  if (progress.done !== undefined) return progress.done;
  // Entries this bundle's pairs do not use are dropped; once for a stage whose pairs are all compared.
  const used = new Set(progress.keys);
  for (const key of cache.pairs.keys()) if (!used.has(key)) cache.pairs.delete(key);
  const done = { links: out, linked: linkedSentences(out, w.features) };
  if (tally.skippedPairs === 0) progress.done = done;
  return done;
}

/** Candidate k's comparison from the cache, else computed (none once asked to finish); kept in `progress`. */
function pairResult(progress: PairProgress, k: number, [a, b]: readonly [number, number], w: Run): PairComparison | undefined {
  const stats = w.cache.stats;
  const key = (progress.keys[k] ??= `${w.hashes[a]}|${w.hashes[b]}|${progress.options}`);
  const result = cached(w.cache.pairs, key, () => (w.finish?.isCancellationRequested ? undefined : measuredComparison(progress, a, b, w)),
    (hit) => void (hit ? stats.pairHits++ : stats.pairMisses++));
  progress.results[k] = result;
  throwIfCancelled(w.token);
  return result;
}

/** comparePair of articles a and b, keeping what it scored without linking for the anchors. */
function measuredComparison(progress: PairProgress, a: number, b: number, w: Run): PairComparison {
  const measured: MeasuredPairs = new Map();
  const result = comparePair(w.features[a], w.features[b], w.opts, measured);
  if (measured.size > 0) progress.measured.set(a * w.features.length + b, measured);
  return result;
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

/** Which sentence pairs the article pairs' own comparisons linked, by number (no string per link). */
interface LinkedSentences {
  readonly articles: number;
  /** True when sentence i of article x is linked to sentence j of article y (x < y). */
  readonly has: (x: number, y: number, i: number, j: number) => boolean;
}

function linkedSentences(pairLinks: readonly PairLinks[], features: readonly ArticleFeatures[]): LinkedSentences {
  const n = features.length;
  const linksOf = new Map<number, readonly SentenceLink[]>();
  for (const p of pairLinks) linksOf.set(p.a * n + p.b, p.links);
  // Each pair's linked sentence pairs as a set, built when first asked: the anchors ask of a few pairs at a
  // time, and building all of them at once held a time slice for tens of milliseconds.
  const sets = new Map<number, Set<number>>();
  return {
    articles: n,
    has: (x, y, i, j) => {
      const width = features[y]?.sents.length ?? 0;
      if (j < 0 || j >= width || i < 0) return false;
      let set = sets.get(x * n + y);
      if (set === undefined) {
        const links = linksOf.get(x * n + y);
        if (links === undefined) return false;
        set = new Set();
        for (const l of links) set.add(l.i * width + l.j);
        sets.set(x * n + y, set);
      }
      return set.has(i * width + j);
    },
  };
}

/**
 * Quote-anchored links found so far: first the quoted sentence pairs, read group by group and in a
 * group occurrence by occurrence, then scored article pair by article pair, a quoted sentence pair
 * at a time. A run stopped between two units resumes after the last.
 */
interface AnchorProgress extends Progress {
  /** What the links they add to are made of (the options and the pairs compared). */
  readonly key: string;
  /** The next group to read, and its next occurrence. */
  next: number;
  occurrence: number;
  /** The quoted sentence pairs read, by article pair; dropped once all are scored. */
  requests: AnchorRequests;
  /** Once all are read: the article pairs in scoring order, the next one, and its next request. */
  order?: number[];
  pairAt: number;
  requestAt: number;
  /** The article pair being scored. */
  current?: PairAnchors;
  readonly links: AnchoredLinks;
}

/**
 * quoteAnchoredLinks cut into units, the token checked between two (a time slice can stop there).
 * A sentence pair gets the same link whichever quotation leads to it, so the order of the work
 * does not change the links; mergeLinks sorts each pair's links.
 */
function anchoredLinksOf({ stage, features, opts, token }: Run, groups: readonly QuoteGroup[], linked: LinkedSentences, key: string): AnchoredLinks {
  if (stage.anchors?.key !== key) stage.anchors = { key, units: 0, next: 0, occurrence: 0, requests: new Map(), pairAt: 0, requestAt: 0, links: new Map() };
  const progress = stage.anchors;
  for (; progress.next < groups.length; progress.next++, progress.occurrence = 0) {
    const group = groups[progress.next];
    for (; progress.occurrence < group.occurrences.length; progress.occurrence++) {
      throwIfCancelled(token);
      collectOccurrence(group, progress.occurrence, features, progress.requests);
      progress.units++;
    }
  }
  const order = (progress.order ??= anchorOrder(progress.requests));
  while (progress.pairAt < order.length) {
    throwIfCancelled(token);
    anchorUnit(progress, order, features, opts, linked, stage.pairs?.measured);
    progress.units++;
  }
  progress.requests.clear();
  stage.pairs?.measured.clear();
  return progress.links;
}

/** Quoted sentence pairs scored per unit of the anchors: up to five scorings each, so a unit stays short on long sentences. */
const ANCHOR_REQUESTS_PER_UNIT = 4;

/** One unit of the anchors: the next ANCHOR_REQUESTS_PER_UNIT quoted sentence pairs, article pair by article pair. */
function anchorUnit(
  progress: AnchorProgress, order: readonly number[], features: readonly ArticleFeatures[], opts: AnalysisOptions, linked: LinkedSentences,
  measured?: Map<number, MeasuredPairs>,
): void {
  for (let budget = ANCHOR_REQUESTS_PER_UNIT; budget > 0 && progress.pairAt < order.length; ) {
    const pair = order[progress.pairAt];
    const flat = progress.requests.get(pair) ?? [];
    const anchors = (progress.current ??= new PairAnchors(pair, features, opts, linked.has, measured?.get(pair)));
    for (; budget > 0 && progress.requestAt < flat.length; budget--, progress.requestAt += 2) anchors.anchor(flat[progress.requestAt], flat[progress.requestAt + 1]);
    if (anchors.links.size > 0) progress.links.set(pair, anchors.links);
    if (progress.requestAt >= flat.length) {
      progress.pairAt++;
      progress.requestAt = 0;
      progress.current = undefined;
      measured?.delete(pair);
    }
  }
}

/** The pairs' own links with the quote-anchored ones they missed, by article pair (a < b), sorted. */
function mergeLinks(pairLinks: readonly PairLinks[], anchored: AnchoredLinks, linked: LinkedSentences): PairLinks[] {
  const merged = [...pairLinks];
  // Where each article pair's own links sit in `merged`, by a < b as one number.
  const at = new Map<number, number>();
  const n = linked.articles;
  for (let k = 0; k < merged.length; k++) at.set(merged[k].a * n + merged[k].b, k);
  for (const [pair, extra] of anchored) {
    const a = Math.floor(pair / n);
    const b = pair % n;
    const added = [...extra.values()].filter((l) => !linked.has(a, b, l.i, l.j));
    if (added.length === 0) continue;
    const k = at.get(a * n + b);
    const own = k === undefined ? [] : merged[k].links;
    const links = [...own, ...added].sort((x, y) => x.i - y.i || x.j - y.j);
    if (k === undefined) merged.push({ a, b, links });
    else merged[k] = { a, b, links };
  }
  return merged.sort((x, y) => x.a - y.a || x.b - y.b);
}

/** Article pairs whose links become matches per unit of work. */
const MATCH_PAIRS_PER_UNIT = 64;

/**
 * The last phases so far: the links merged, the matches of the pairs read, whether they are sorted,
 * and summarizeReuse's progress. Kept in the stage while they run (a time slice resumes after the last
 * unit), dropped once done: the matches are the result's own, fresh each run.
 */
interface LastProgress extends Progress {
  /** What the links and groups it reads are made of (lastPhases). */
  readonly key: string;
  merged?: PairLinks[];
  readonly matchesAt: Cursor;
  readonly matches: Match[];
  sorted: boolean;
  readonly reuse: ReuseProgress;
}

/** What the last phases read: the pairs' own links, the anchored ones, and the quote groups. */
interface LinkParts {
  readonly pairLinks: readonly PairLinks[];
  readonly anchored: AnchoredLinks;
  readonly linked: LinkedSentences;
  readonly quoteGroups: readonly QuoteGroup[];
}

/**
 * Links merged, matches, then boilerplate, direction of reuse, each quotation's original wording and
 * coverage (match/reuse.ts), in units, resumed while `key` (what `parts` are made of) is the same.
 */
function lastPhases(run: Run, parts: LinkParts, key: string): { matches: Match[]; quoteGroups: QuoteGroup[]; sources: SourceSummary[] } {
  const { stage, articles, features, token } = run;
  if (stage.last?.key !== key) stage.last = { key, units: 0, matchesAt: { next: 0 }, matches: [], sorted: false, reuse: newReuseProgress() };
  const p = stage.last;
  if (p.merged === undefined) {
    p.merged = mergeLinks(parts.pairLinks, parts.anchored, parts.linked);
    p.units++;
    throwIfCancelled(token);
  }
  const links = p.merged;
  inUnits(p, p.matchesAt, links.length, MATCH_PAIRS_PER_UNIT, token, (k) => pairMatches(links[k], articles, features, p.matches));
  if (!p.sorted) {
    sortMatches(p.matches);
    p.sorted = true;
    p.units++;
    throwIfCancelled(token);
  }
  const reuse = continueReuse(p.reuse, { articles, sentences: features.map((f) => f.sentences), quotes: features.map((f) => f.quotes), pairs: links, quoteGroups: parts.quoteGroups }, token);
  stage.doneUnits += p.units + p.reuse.units;
  stage.last = undefined;
  return { matches: reuse.markMatches(p.matches), quoteGroups: reuse.quoteGroups, sources: reuse.sources };
}

