import type { CopyOf } from '../model';
import { fnv1aHash, FNV_OFFSET, FNV_PRIME } from '../hash';
import type { CancellationLike, Cursor, Progress } from '../cancellation';
import { inUnits } from '../cancellation';

/**
 * Identical and near-identical articles (one press release syndicated many times), found before
 * any matching so that a group of copies costs one comparison per copy, not one per pair:
 * first a hash of the normalised text (case, spacing and punctuation folded), then containment
 * of word 5-grams against earlier originals found through a bottom-k sketch. The original of a
 * group is its first article in bundle order.
 */

/** Both ways, this share of one article's distinct shingles must be in the other for a near-identical copy. */
export const NEAR_COPY_CONTAINMENT = 0.9;
/** Articles with fewer distinct shingles are too short to call near-identical (identical still counts). */
const MIN_SHINGLES = 16;
/** Size of the bottom-k sketch (the k smallest shingle hashes) each original is indexed by. */
const SKETCH = 8;
/** Sketch values two articles must share before their containment is computed. */
const MIN_SKETCH_HITS = 2;
/** Originals a sketch value points to (a boilerplate shingle in every article points to the first few only). */
const MAX_SKETCH_POSTING = 16;
/** Originals whose containment is computed for one article, most sketch hits first. */
const MAX_CHECKS = 4;

const WORD = /[\p{L}\p{N}]+/gu;

/** The article's words, lower-cased. */
function normalisedWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The article's words, lower-cased, one space apart: what "identical" compares. */
export function normalisedText(text: string): string {
  return normalisedWords(text).join(' ');
}

/** Words per shingle for copy detection: long enough that texts over a tiny vocabulary do not look alike. */
const COPY_SHINGLE_WORDS = 5;

/**
 * Distinct hashes of the runs of COPY_SHINGLE_WORDS consecutive words of a normalised text (its words), sorted
 * ascending. Word order counts: two texts drawn from the same few words still differ.
 */
function wordShingleSet(words: readonly string[], wordHash: Uint32Array, scratch: Scratch): Uint32Array {
  const n = Math.max(0, words.length - COPY_SHINGLE_WORDS + 1);
  const all = scratch.take(1, n);
  for (let k = 0; k < n; k++) {
    let h = FNV_OFFSET;
    for (let t = 0; t < COPY_SHINGLE_WORDS; t++) h = Math.imul(h ^ wordHash[k + t], FNV_PRIME);
    all[k] = h >>> 0;
  }
  all.sort();
  let distinct = 0;
  for (let k = 0; k < all.length; k++) if (k === 0 || all[k] !== all[k - 1]) all[distinct++] = all[k];
  return all.slice(0, distinct);
}

/** Each word's hash (wordShingleSet's input), in work array 0. */
function wordHashes(words: readonly string[], scratch: Scratch): Uint32Array {
  const wordHash = scratch.take(0, words.length);
  for (let k = 0; k < words.length; k++) wordHash[k] = fnv1aHash(words[k]);
  return wordHash;
}

/** A hash of the whole word sequence (from its words' hashes): the identical-text look-up's key, checked word by word on a hit. */
function sequenceHash(wordHash: Uint32Array): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < wordHash.length; k++) h = Math.imul(h ^ wordHash[k], FNV_PRIME);
  // Two 32-bit halves would need a second pass; the length makes a collision of different lengths impossible.
  return (h >>> 0) * 65536 + (wordHash.length % 65536);
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Two growable work arrays, reused from article to article: small typed arrays are slow to allocate. */
interface Scratch {
  /** A view of `length` elements of work array `which` (its old contents are garbage). */
  take(which: 0 | 1, length: number): Uint32Array;
}

function newScratch(): Scratch {
  const buffers = [new Uint32Array(1024), new Uint32Array(1024)];
  return {
    take: (which, length) => {
      if (buffers[which].length < length) buffers[which] = new Uint32Array(Math.max(length, 2 * buffers[which].length));
      return buffers[which].subarray(0, length);
    },
  };
}

/** Size of the intersection of two sorted distinct arrays. */
function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { n++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return n;
}

/**
 * The copies in a bundle, one entry per copy, sorted by article. Linear in the text: each article
 * is hashed once, and compared with at most MAX_CHECKS originals.
 */
export function findCopies(texts: readonly string[]): CopyOf[] {
  return continueCopies(newCopySearch(), texts);
}

/**
 * findCopies one article per unit of work, its progress kept here: a call stopped by its token
 * between two articles (a time slice) resumes after the last. Articles are read in bundle order
 * whatever the stops, so the copies are the same.
 */
export interface CopySearch extends Progress {
  /** The next article to read. */
  readonly at: Cursor;
  readonly copies: CopyOf[];
  readonly copyOf: Map<number, CopyOf>;
  /**
   * The first article of each distinct normalised text, by a hash of its words (sequenceHash; a hit is
   * checked word by word, so the look-up is exact without keeping every text joined).
   */
  readonly firstByText: Map<number, number[]>;
  /** The words of the article last checked against (a run of identical copies checks the same one). */
  checked?: { readonly article: number; readonly words: readonly string[] };
  readonly scratch: Scratch;
  readonly sketchIndex: Map<number, number[]>;
  readonly sets: (Uint32Array | null)[];
  done?: CopyOf[];
}

export function newCopySearch(): CopySearch {
  return { units: 0, at: { next: 0 }, copies: [], copyOf: new Map(), firstByText: new Map(), scratch: newScratch(), sketchIndex: new Map(), sets: [] };
}

/** findCopies from where `s` stopped (the same texts each call): throws CancelledError between two articles when `token` asks. */
export function continueCopies(s: CopySearch, texts: readonly string[], token?: CancellationLike): CopyOf[] {
  inUnits(s, s.at, texts.length, 1, token, (a) => readArticle(s, a, texts));
  s.done ??= [...s.copies].sort((x, y) => x.article - y.article);
  return s.done;
}

/** Article a: a copy of an earlier one (recorded), or an original (indexed by its sketch when long enough). */
function readArticle(s: CopySearch, a: number, texts: readonly string[]): void {
  s.sets.push(null);
  const words = normalisedWords(texts[a]);
  if (words.length === 0) return;
  const wordHash = wordHashes(words, s.scratch);
  const key = sequenceHash(wordHash);
  const firsts = s.firstByText.get(key);
  const first = firstWithWords(s, firsts, words, texts);
  if (first !== undefined) {
    // The same text as an earlier article: a copy of that article's original, as that article is.
    const firstCopy = s.copyOf.get(first);
    addCopy(s, firstCopy === undefined ? { article: a, of: first, kind: 'identical', similarity: 1 } : { ...firstCopy, article: a });
    return;
  }
  if (firsts === undefined) s.firstByText.set(key, [a]);
  else firsts.push(a);
  const set = wordShingleSet(words, wordHash, s.scratch);
  if (set.length < MIN_SHINGLES) return;
  const near = nearestOriginal(set, s.sketchIndex, s.sets);
  if (near !== null) {
    addCopy(s, { article: a, of: near.of, kind: 'near-identical', similarity: Math.round(near.similarity * 1000) / 1000 });
    return;
  }
  s.sets[a] = set;
  for (let k = 0; k < Math.min(SKETCH, set.length); k++) {
    const list = s.sketchIndex.get(set[k]);
    if (list === undefined) s.sketchIndex.set(set[k], [a]);
    else if (list.length < MAX_SKETCH_POSTING) list.push(a);
  }
}

/** The article among `firsts` whose normalised words are `words`, if any. */
function firstWithWords(s: CopySearch, firsts: readonly number[] | undefined, words: readonly string[], texts: readonly string[]): number | undefined {
  for (const f of firsts ?? []) {
    if (s.checked?.article !== f) s.checked = { article: f, words: normalisedWords(texts[f]) };
    if (sameWords(s.checked.words, words)) return f;
  }
  return undefined;
}

function addCopy(s: CopySearch, entry: CopyOf): void {
  s.copies.push(entry);
  s.copyOf.set(entry.article, entry);
}

/** The earlier original this shingle set nearly equals, if any: the one with the most containment. */
function nearestOriginal(set: Uint32Array, sketchIndex: ReadonlyMap<number, readonly number[]>, sets: readonly (Uint32Array | null)[]): { of: number; similarity: number } | null {
  const hits = new Map<number, number>();
  for (let k = 0; k < Math.min(SKETCH, set.length); k++) {
    for (const o of sketchIndex.get(set[k]) ?? []) hits.set(o, (hits.get(o) ?? 0) + 1);
  }
  const candidates = [...hits].filter(([, n]) => n >= MIN_SKETCH_HITS).sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_CHECKS);
  let best: { of: number; similarity: number } | null = null;
  for (const [o] of candidates) {
    const other = sets[o];
    if (other === null) continue;
    const shared = intersectionSize(set, other);
    const similarity = Math.min(shared / set.length, shared / other.length);
    if (similarity >= NEAR_COPY_CONTAINMENT && (best === null || similarity > best.similarity)) best = { of: o, similarity };
  }
  return best;
}
