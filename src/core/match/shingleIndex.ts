import type { CancellationLike } from '../cancellation';
import { throwIfCancelled } from '../cancellation';
import { MAX_PARTNERS, MAX_SHINGLE_POSTING } from './limits';
import type { WorkTally } from './limits';

/** Up to this many articles, every pair is compared: cheaper than indexing, and nothing is missed. */
const ALL_PAIRS_UP_TO = 16;
/** Two sentences must share this many distinct shingles for their articles to be compared. */
const MIN_SHARED_SHINGLES = 2;
/** Shingles found in more sentences than this are the story's common phrases: they find nothing specific. */
const MAX_POSTING = MAX_SHINGLE_POSTING;

/** The shingles (two consecutive content keys) of each sentence of one article. */
export type SentenceShingles = readonly ArrayLike<number>[];

/**
 * The article pairs worth comparing: those with a sentence pair that shares at least two
 * shingles (two consecutive content words) that are not common across the bundle. Working on
 * sentences, not whole articles, keeps chance overlaps out; skipping common shingles keeps the cost
 * close to linear in the text, never all pairs. Pairs are [a, b] with a < b, sorted.
 */
export function candidateArticlePairs(shingles: readonly SentenceShingles[], token?: CancellationLike, tally?: WorkTally): [number, number][] {
  const n = shingles.length;
  const pairs: [number, number][] = [];
  if (n <= ALL_PAIRS_UP_TO) {
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push([a, b]);
    return pairs;
  }
  const flat = flattenShingles(shingles);
  const postings = postingsByHash(flat);
  throwIfCancelled(token);
  const sentencePairs = sharingSentencePairs(flat, postings, token, tally);
  throwIfCancelled(token);
  const found = articlePairStrengths(sentencePairs, flat, n);
  for (const key of strongestPartners(found, n, tally)) pairs.push([Math.floor(key / n), key % n]);
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** Every shingle of the bundle with its sentence (global ids), in flat typed arrays. */
interface FlatShingles {
  readonly sentenceCount: number;
  /** Article of each sentence. */
  readonly articleOf: Int32Array;
  /** Hash and sentence of each shingle. */
  readonly hashes: Uint32Array;
  readonly owners: Int32Array;
}

/**
 * Phase 1: sentences get global ids, shingles go into flat typed arrays, not a Map of arrays: a
 * 1,000-article bundle has ~400,000 shingles, and a Map of lists held ~50 MB for this step alone.
 */
function flattenShingles(shingles: readonly SentenceShingles[]): FlatShingles {
  let sentenceCount = 0;
  let shingleCount = 0;
  for (const article of shingles) {
    sentenceCount += article.length;
    for (const sentence of article) shingleCount += sentence.length;
  }
  const articleOf = new Int32Array(sentenceCount);
  const hashes = new Uint32Array(shingleCount);
  const owners = new Int32Array(shingleCount);
  for (let a = 0, id = 0, t = 0; a < shingles.length; a++) {
    for (const sentence of shingles[a]) {
      articleOf[id] = a;
      for (let k = 0; k < sentence.length; k++, t++) {
        hashes[t] = sentence[k];
        owners[t] = id;
      }
      id++;
    }
  }
  return { sentenceCount, articleOf, hashes, owners };
}

/** Shingles grouped by hash: bucket b lists order[bucketStart[b] … bucketStart[b + 1]). */
interface Postings {
  readonly bucketStart: Int32Array;
  readonly order: Int32Array;
}

/** Phase 2: counting sort by bucket (hash mod size): each bucket lists its shingles in increasing sentence id. */
function postingsByHash(flat: FlatShingles): Postings {
  const { hashes } = flat;
  const shingleCount = hashes.length;
  const buckets = Math.max(1, shingleCount);
  const bucketStart = new Int32Array(buckets + 1);
  for (let t = 0; t < shingleCount; t++) bucketStart[(hashes[t] % buckets) + 1]++;
  for (let b = 0; b < buckets; b++) bucketStart[b + 1] += bucketStart[b];
  const fill = bucketStart.slice(0, buckets);
  const order = new Int32Array(shingleCount);
  for (let t = 0; t < shingleCount; t++) order[fill[hashes[t] % buckets]++] = t;
  return { bucketStart, order };
}

/**
 * Phase 3: every sentence pair of two articles that shares a shingle, once per shared shingle, as
 * one number (si · sentenceCount + sj). A shingle in more than MAX_POSTING sentences is a common
 * phrase: skipped (a stop-shingle), and counted.
 */
function sharingSentencePairs(flat: FlatShingles, postings: Postings, token?: CancellationLike, tally?: WorkTally): Float64Array {
  const { hashes, owners, articleOf, sentenceCount } = flat;
  const { bucketStart, order } = postings;
  let pairKeys = new Float64Array(1024);
  let pairCount = 0;
  for (let b = 0; b + 1 < bucketStart.length; b++) {
    const from = bucketStart[b];
    const to = bucketStart[b + 1];
    if (to - from < 2) continue;
    // Distinct hashes rarely share a bucket; when they do, order it by hash (then by position, so ids stay increasing).
    let mixed = false;
    for (let x = from + 1; x < to && !mixed; x++) mixed = hashes[order[x]] !== hashes[order[from]];
    if (mixed) order.subarray(from, to).sort((p, q) => hashes[p] - hashes[q] || p - q);
    for (let x = from; x < to; ) {
      let end = x + 1;
      while (end < to && hashes[order[end]] === hashes[order[x]]) end++;
      if (end - x > MAX_POSTING && tally !== undefined) {
        tally.commonShingles++;
        if (articleOf[owners[order[x]]] !== articleOf[owners[order[end - 1]]]) tally.cutShingles++;
      }
      for (let i = x; i < end && end - x <= MAX_POSTING; i++) {
        const si = owners[order[i]];
        for (let j = i + 1; j < end; j++) {
          const sj = owners[order[j]];
          if (articleOf[si] === articleOf[sj]) continue;
          if (pairCount === pairKeys.length) {
            const grown = new Float64Array(pairKeys.length * 2);
            grown.set(pairKeys);
            pairKeys = grown;
          }
          pairKeys[pairCount++] = si * sentenceCount + sj;
        }
      }
      x = end;
    }
    if ((b & 4095) === 4095) throwIfCancelled(token);
  }
  return pairKeys.subarray(0, pairCount);
}

/**
 * Phase 4: article pair (a · n + b, a < b) → number of its sentence pairs that share at least
 * MIN_SHARED_SHINGLES shingles (a sentence pair listed that many times shares that many): how much the two share.
 */
function articlePairStrengths(sentencePairs: Float64Array, flat: FlatShingles, n: number): Map<number, number> {
  const { articleOf, sentenceCount } = flat;
  const sorted = sentencePairs.sort();
  const found = new Map<number, number>();
  for (let k = 0; k < sorted.length; ) {
    let end = k + 1;
    while (end < sorted.length && sorted[end] === sorted[k]) end++;
    if (end - k >= MIN_SHARED_SHINGLES) {
      const x = Math.floor(sorted[k] / sentenceCount);
      const ax = articleOf[x];
      const ay = articleOf[sorted[k] - x * sentenceCount];
      const key = Math.min(ax, ay) * n + Math.max(ax, ay);
      found.set(key, (found.get(key) ?? 0) + 1);
    }
    k = end;
  }
  return found;
}

/**
 * The article pairs to compare: each article's MAX_PARTNERS strongest pairs (a pair is kept when
 * it is among the strongest of either article), so the number of pairs stays linear in articles.
 */
function strongestPartners(found: ReadonlyMap<number, number>, n: number, tally?: WorkTally): number[] {
  const byArticle = new Map<number, number[]>();
  for (const key of found.keys()) {
    for (const article of [Math.floor(key / n), key % n]) {
      const list = byArticle.get(article);
      if (list === undefined) byArticle.set(article, [key]);
      else list.push(key);
    }
  }
  const kept = new Set<number>();
  for (const list of byArticle.values()) {
    if (list.length > MAX_PARTNERS) list.sort((x, y) => (found.get(y) ?? 0) - (found.get(x) ?? 0) || x - y);
    for (let k = 0; k < Math.min(MAX_PARTNERS, list.length); k++) kept.add(list[k]);
  }
  if (tally !== undefined) tally.droppedPartners += found.size - kept.size;
  return [...kept];
}
