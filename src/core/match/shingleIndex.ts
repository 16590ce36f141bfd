import type { CancellationLike, Progress } from '../cancellation';
import { throwIfCancelled } from '../cancellation';
import { MAX_PARTNERS, MAX_SHINGLE_POSTING } from './limits';
import type { WorkTally } from './limits';
import { grownArray } from '../util/grownArray';
import { sortRange } from '../util/sortRange';

/** Up to this many articles, every pair is compared: cheaper than indexing, and nothing is missed. */
const ALL_PAIRS_UP_TO = 16;
/** Two sentences must share this many distinct shingles for their articles to be compared. */
const MIN_SHARED_SHINGLES = 2;
/** Shingles found in more sentences than this are the story's common phrases: they find nothing specific. */
const MAX_POSTING = MAX_SHINGLE_POSTING;

/** The shingles (two consecutive content keys) of each sentence of one article. */
export type SentenceShingles = readonly ArrayLike<number>[];

/** Work per unit of the search: a few milliseconds each. */
export interface SearchUnits {
  /** Articles flattened, or whose strongest partners are kept. */
  readonly articles: number;
  /** Shingles counted or placed in their buckets, sentence pairs counted or placed by first sentence. */
  readonly items: number;
  /** Buckets read; a unit also ends once it has listed `pairs` sentence pairs (common shingles list many). */
  readonly buckets: number;
  readonly pairs: number;
  /** First sentences whose pairs are counted. */
  readonly sentences: number;
}

export const SEARCH_UNITS: SearchUnits = { articles: 64, items: 1 << 16, buckets: 2048, pairs: 1 << 14, sentences: 512 };

/**
 * The article pairs worth comparing: those with a sentence pair that shares at least two
 * shingles (two consecutive content words) that are not common across the bundle. Working on
 * sentences, not whole articles, keeps chance overlaps out; skipping common shingles keeps the cost
 * close to linear in the text, never all pairs. Pairs are [a, b] with a < b, sorted.
 */
export function candidateArticlePairs(shingles: readonly SentenceShingles[], token?: CancellationLike, tally?: WorkTally): [number, number][] {
  return continueCandidates(newCandidateSearch(shingles, tally), token);
}

/**
 * candidateArticlePairs cut into units of work (SearchUnits), its progress kept here:
 * a call stopped by its token between two units (a time slice) resumes after the last. The units
 * read the same items in the same order as one call, so the pairs are the same.
 */
export interface CandidateSearch extends Progress {
  /** The step under way (STEPS) and its cursor. */
  step: number;
  at: number;
  readonly shingles: readonly SentenceShingles[];
  readonly tally?: WorkTally;
  readonly per: SearchUnits;
  readonly flat: FlatShingles;
  /** Shingles by hash bucket (postingsUnit). */
  postings?: CountingSort;
  /** The sentence pairs found so far (sharingUnit): first and second sentence ids (first < second), and how many. */
  firsts: Int32Array;
  seconds: Int32Array;
  pairCount: number;
  /** The pairs' second sentences grouped by first (pairsBySentence). */
  byFirst?: CountingSort;
  readonly found: Map<number, number>;
  /** Each article's pairs, and the pairs kept so far (keepPartnersUnit). */
  partners?: { readonly byArticle: number[][]; readonly kept: Set<number> };
  done?: [number, number][];
}

export function newCandidateSearch(shingles: readonly SentenceShingles[], tally?: WorkTally, per: SearchUnits = SEARCH_UNITS): CandidateSearch {
  const n = shingles.length;
  const flat = allocateFlat(n <= ALL_PAIRS_UP_TO ? [] : shingles);
  // Room for as many sentence pairs as shingles to start with (dense reuse lists about two per shingle): fewer regrowths.
  const room = Math.max(1024, flat.hashes.length);
  const search: CandidateSearch = { units: 0, step: 0, at: 0, shingles, tally, per, flat, firsts: new Int32Array(room), seconds: new Int32Array(room), pairCount: 0, found: new Map() };
  if (n <= ALL_PAIRS_UP_TO) {
    search.done = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) search.done.push([a, b]);
  }
  return search;
}

/** One unit of a step of the search; true when the step is finished. */
type Step = (s: CandidateSearch) => boolean;

const STEPS: readonly Step[] = [flattenUnit, postingsUnit, sharingUnit, byFirstUnit, strengthsUnit, listPartnersUnit, keepPartnersUnit];

/** candidateArticlePairs from where `s` stopped: throws CancelledError between two units when `token` asks. */
export function continueCandidates(s: CandidateSearch, token?: CancellationLike): [number, number][] {
  while (s.done === undefined) {
    if (s.step < STEPS.length) {
      if (STEPS[s.step](s)) {
        s.step++;
        s.at = 0;
      }
    } else {
      s.done = keptPairs(s);
    }
    s.units++;
    throwIfCancelled(token);
  }
  return s.done;
}

/** Every shingle of the bundle with its sentence (global ids), in flat typed arrays. */
interface FlatShingles {
  readonly sentenceCount: number;
  /** Article of each sentence. */
  readonly articleOf: Int32Array;
  /** Hash and sentence of each shingle. */
  readonly hashes: Uint32Array;
  readonly owners: Int32Array;
  /** Where filling stopped: the next sentence id and shingle. */
  nextId: number;
  nextShingle: number;
}

/**
 * Sentences get global ids, shingles go into flat typed arrays, not a Map of arrays: a 1,000-article
 * bundle has ~400,000 shingles, and a Map of lists held ~50 MB for this step alone.
 */
function allocateFlat(shingles: readonly SentenceShingles[]): FlatShingles {
  let sentenceCount = 0;
  let shingleCount = 0;
  for (const article of shingles) {
    sentenceCount += article.length;
    for (const sentence of article) shingleCount += sentence.length;
  }
  return { sentenceCount, articleOf: new Int32Array(sentenceCount), hashes: new Uint32Array(shingleCount), owners: new Int32Array(shingleCount), nextId: 0, nextShingle: 0 };
}

/** Step 1: a unit's articles' shingles into the flat arrays. */
function flattenUnit(s: CandidateSearch): boolean {
  const { flat, shingles } = s;
  const end = Math.min(shingles.length, s.at + s.per.articles);
  let id = flat.nextId;
  let t = flat.nextShingle;
  for (let a = s.at; a < end; a++) {
    for (const sentence of shingles[a]) {
      flat.articleOf[id] = a;
      for (let k = 0; k < sentence.length; k++, t++) {
        flat.hashes[t] = sentence[k];
        flat.owners[t] = id;
      }
      id++;
    }
  }
  flat.nextId = id;
  flat.nextShingle = t;
  s.at = end;
  return end === shingles.length;
}

/**
 * A counting sort cut into units: items 0 … count - 1 into buckets by key, each bucket's values in item
 * order, bucket b at out[start[b] … start[b + 1]). Units count `per` items, then sum the counts (one
 * unit), then place `per` items.
 */
interface CountingSort {
  readonly start: Int32Array;
  readonly out: Int32Array;
  /** Items counted, and placed (once the counts are summed: `fill` is each bucket's next slot). */
  counted: number;
  placed: number;
  fill?: Int32Array;
}

function newCountingSort(buckets: number, count: number): CountingSort {
  return { start: new Int32Array(buckets + 1), out: new Int32Array(count), counted: 0, placed: 0 };
}

/**
 * One unit of the sort of `count` items (item k's bucket is keys[k] & mask, what goes in it values[k],
 * or k itself when `values` is null); true when all are placed. Arrays, not functions: the two sorts'
 * callbacks made every item a call the engine could not inline; a mask, not a modulo: the hashes are
 * unsigned 32-bit values, which V8 divides as doubles.
 */
function countingSortUnit(c: CountingSort, count: number, per: number, keys: Uint32Array | Int32Array, values: Int32Array | null, mask: number): boolean {
  const buckets = c.start.length - 1;
  if (c.counted < count) {
    const end = Math.min(count, c.counted + per);
    const start = c.start;
    for (let k = c.counted; k < end; k++) start[(keys[k] & mask) + 1]++;
    c.counted = end;
    return false;
  }
  if (c.fill === undefined) {
    for (let b = 0; b < buckets; b++) c.start[b + 1] += c.start[b];
    c.fill = c.start.slice(0, buckets);
    return count === 0;
  }
  const end = Math.min(count, c.placed + per);
  const { fill, out } = c;
  if (values === null) for (let k = c.placed; k < end; k++) out[fill[keys[k] & mask]++] = k;
  else for (let k = c.placed; k < end; k++) out[fill[keys[k] & mask]++] = values[k];
  c.placed = end;
  return end === count;
}

/**
 * Step 2: shingles grouped by hash, by a counting sort by bucket (the hash's low bits: a power of two
 * buckets, one to two shingles each), so that each bucket lists its shingles in increasing sentence id:
 * bucket b lists out[start[b] … start[b + 1]). Which buckets hold which hashes changes nothing found:
 * the pairs are grouped by first sentence and each list sorted (strengthsUnit).
 */
function postingsUnit(s: CandidateSearch): boolean {
  const { hashes } = s.flat;
  let buckets = 1;
  while (2 * buckets <= hashes.length) buckets *= 2;
  const postings = (s.postings ??= newCountingSort(buckets, hashes.length));
  return countingSortUnit(postings, hashes.length, s.per.items, hashes, null, buckets - 1);
}

/**
 * Step 3: every sentence pair of two articles that shares a shingle, once per shared shingle (si < sj,
 * in firsts and seconds). A shingle in more than MAX_POSTING sentences is a
 * common phrase: skipped (a stop-shingle), and counted.
 */
function sharingUnit(s: CandidateSearch): boolean {
  const buckets = (s.postings as CountingSort).start.length - 1;
  const end = Math.min(buckets, s.at + s.per.buckets);
  const listed = s.pairCount;
  let b = s.at;
  for (; b < end && s.pairCount - listed < s.per.pairs; b++) bucketPairs(s, b);
  s.at = b;
  return b === buckets;
}

/** The sentence pairs that bucket b's shingles give (sharingUnit). */
function bucketPairs(s: CandidateSearch, b: number): void {
  const { hashes, owners, articleOf } = s.flat;
  const { start: bucketStart, out: order } = s.postings as CountingSort;
  const from = bucketStart[b];
  const to = bucketStart[b + 1];
  if (to - from < 2) return;
  // Distinct hashes rarely share a bucket; when they do, order it by hash (then by position, so ids stay increasing).
  let mixed = false;
  for (let x = from + 1; x < to && !mixed; x++) mixed = hashes[order[x]] !== hashes[order[from]];
  if (mixed) sortByHash(order, from, to, hashes);
  for (let x = from; x < to; ) {
    let end = x + 1;
    while (end < to && hashes[order[end]] === hashes[order[x]]) end++;
    if (end - x > MAX_POSTING && s.tally !== undefined) {
      s.tally.commonShingles++;
      if (articleOf[owners[order[x]]] !== articleOf[owners[order[end - 1]]]) s.tally.cutShingles++;
    }
    for (let i = x; i < end && end - x <= MAX_POSTING; i++) {
      const si = owners[order[i]];
      for (let j = i + 1; j < end; j++) {
        const sj = owners[order[j]];
        if (articleOf[si] === articleOf[sj]) continue;
        if (s.pairCount === s.firsts.length) growPairs(s);
        s.firsts[s.pairCount] = si;
        s.seconds[s.pairCount++] = sj;
      }
    }
    x = end;
  }
}

/** Buckets up to this size are sorted by insertion (sortByHash). */
const INSERTION_SORT_MAX = 32;

/**
 * Orders order[from … to) by hash, then by position: an insertion sort in place for the few shingles of
 * most buckets (each bucket is already in position order, which it keeps among equal hashes), a sort
 * for a large one (two common shingles in one bucket would make the insertion sort quadratic).
 */
function sortByHash(order: Int32Array, from: number, to: number, hashes: Uint32Array): void {
  if (to - from > INSERTION_SORT_MAX) {
    order.subarray(from, to).sort((p, q) => hashes[p] - hashes[q] || p - q);
    return;
  }
  for (let x = from + 1; x < to; x++) {
    const item = order[x];
    const h = hashes[item];
    let y = x - 1;
    while (y >= from && hashes[order[y]] > h) {
      order[y + 1] = order[y];
      y--;
    }
    order[y + 1] = item;
  }
}

function growPairs(s: CandidateSearch): void {
  s.firsts = grownArray(s.firsts, s.firsts.length * 2);
  s.seconds = grownArray(s.seconds, s.firsts.length);
}

/**
 * Step 4: the sentence pairs' second sentences grouped by first sentence (a counting sort, so
 * that no unit sorts them all at once).
 */
function byFirstUnit(s: CandidateSearch): boolean {
  const byFirst = (s.byFirst ??= newCountingSort(s.flat.sentenceCount, s.pairCount));
  // Keys are sentence ids, below the bucket count: the mask −1 keeps them whole.
  return countingSortUnit(byFirst, s.pairCount, s.per.items, s.firsts, s.seconds, -1);
}

/**
 * Step 5: article pair (a · n + b, a < b) → number of its sentence pairs that share at least
 * MIN_SHARED_SHINGLES shingles (a sentence pair listed that many times shares that many): how much
 * the two share. Each first sentence sorts its own few seconds.
 */
function strengthsUnit(s: CandidateSearch): boolean {
  const { articleOf, sentenceCount } = s.flat;
  const { start, out: seconds } = s.byFirst as CountingSort;
  const n = s.shingles.length;
  const end = Math.min(sentenceCount, s.at + s.per.sentences);
  for (let x = s.at; x < end; x++) {
    const from = start[x];
    const to = start[x + 1];
    // Fewer seconds than the shingles a pair must share: no pair can reach it.
    if (to - from < MIN_SHARED_SHINGLES) continue;
    sortRange(seconds, from, to);
    const ax = articleOf[x];
    for (let k = from; k < to; ) {
      let same = k + 1;
      while (same < to && seconds[same] === seconds[k]) same++;
      if (same - k >= MIN_SHARED_SHINGLES) {
        const ay = articleOf[seconds[k]];
        const key = Math.min(ax, ay) * n + Math.max(ax, ay);
        s.found.set(key, (s.found.get(key) ?? 0) + 1);
      }
      k = same;
    }
  }
  s.at = end;
  return end === sentenceCount;
}


/** Step 6: each article's pairs (keys a · n + b), listed once from `found`. */
function listPartnersUnit(s: CandidateSearch): boolean {
  const n = s.shingles.length;
  const byArticle: number[][] = Array.from({ length: n }, () => []);
  for (const key of s.found.keys()) {
    byArticle[Math.floor(key / n)].push(key);
    byArticle[key % n].push(key);
  }
  s.partners = { byArticle, kept: new Set() };
  return true;
}

/**
 * Step 7: the article pairs to compare: each article's MAX_PARTNERS strongest pairs (a pair is kept
 * when it is among the strongest of either article), so the number of pairs stays linear in articles.
 * `per.articles` articles per unit.
 */
function keepPartnersUnit(s: CandidateSearch): boolean {
  const { byArticle, kept } = s.partners as NonNullable<CandidateSearch['partners']>;
  const found = s.found;
  const end = Math.min(byArticle.length, s.at + s.per.articles);
  for (let a = s.at; a < end; a++) {
    const list = byArticle[a];
    if (list.length > MAX_PARTNERS) list.sort((x, y) => (found.get(y) ?? 0) - (found.get(x) ?? 0) || x - y);
    for (let k = 0; k < Math.min(MAX_PARTNERS, list.length); k++) kept.add(list[k]);
  }
  s.at = end;
  return end === byArticle.length;
}

/** The kept pairs as [a, b], sorted, once every step is done. */
function keptPairs(s: CandidateSearch): [number, number][] {
  const n = s.shingles.length;
  const { kept } = s.partners as NonNullable<CandidateSearch['partners']>;
  if (s.tally !== undefined) s.tally.droppedPartners += s.found.size - kept.size;
  const pairs: [number, number][] = [...kept].map((key) => [Math.floor(key / n), key % n]);
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
