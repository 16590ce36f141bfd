import type { CopyOf } from '../model';
import { FNV_OFFSET, FNV_PRIME } from '../hash';
import { grownArray } from '../util/grownArray';
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

/** One code point of a word: what the words of a text are runs of (a letter or a number, as /[\p{L}\p{N}]+/u reads them). */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 code unit outside ASCII: 0 not yet known, 1 not a word character, 2 a word character (filled on first sight). */
const wordUnit = new Uint8Array(65536);
/** Code points beyond the BMP asked so far (astral letters are rare: a Map is enough). */
const wordAstral = new Map<number, boolean>();

/** Whether code point `cp` (a code unit, or a surrogate pair's code point) is a letter or a number. */
function isWordPoint(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
  if (cp < 65536) {
    let known = wordUnit[cp];
    if (known === 0) wordUnit[cp] = known = WORD_CHAR.test(String.fromCharCode(cp)) ? 2 : 1;
    return known === 2;
  }
  let word = wordAstral.get(cp);
  if (word === undefined) wordAstral.set(cp, (word = WORD_CHAR.test(String.fromCodePoint(cp))));
  return word;
}

/** The code point at `k` (a whole surrogate pair, or the lone code unit), and its length in code units. */
function codePointAt(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if (c < 0xd800 || c > 0xdbff || k + 1 >= text.length) return c;
  const d = text.charCodeAt(k + 1);
  return d >= 0xdc00 && d <= 0xdfff ? (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000 : c;
}

/**
 * A text's words, lower-cased: the runs of letters and numbers of its lower-cased text, as word k's
 * code units lower[starts[k] … ends[k]), with each word's FNV-1a hash (fnv1aHash of the word). Read
 * code unit by code unit, not as a string per word (the regex's array of words was copies' largest allocation).
 */
interface NormalisedWords {
  readonly lower: string;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly hashes: Int32Array;
}

/** The words of `text` (NormalisedWords), in the given arrays when they are long enough, else in new ones. */
function readWords(text: string, room: { starts: Int32Array; ends: Int32Array; hashes: Int32Array }): NormalisedWords {
  const lower = text.toLowerCase();
  let { starts, ends, hashes } = room;
  // Int32Array hashes: the shingle and sequence hashes read them through ^, which sees the same 32 bits.
  let count = 0;
  let h = FNV_OFFSET;
  let start = -1;
  for (let k = 0; k < lower.length; ) {
    const cp = codePointAt(lower, k);
    const units = cp > 0xffff ? 2 : 1;
    if (isWordPoint(cp)) {
      if (start < 0) {
        start = k;
        h = FNV_OFFSET;
      }
      h = Math.imul(h ^ lower.charCodeAt(k), FNV_PRIME);
      if (units === 2) h = Math.imul(h ^ lower.charCodeAt(k + 1), FNV_PRIME);
    } else if (start >= 0) {
      if (count === starts.length) ({ starts, ends, hashes } = grown(starts, ends, hashes));
      starts[count] = start;
      ends[count] = k;
      hashes[count++] = h;
      start = -1;
    }
    k += units;
  }
  if (start >= 0) {
    if (count === starts.length) ({ starts, ends, hashes } = grown(starts, ends, hashes));
    starts[count] = start;
    ends[count] = lower.length;
    hashes[count++] = h;
  }
  room.starts = starts;
  room.ends = ends;
  room.hashes = hashes;
  return { lower, count, starts, ends, hashes };
}

function grown(starts: Int32Array, ends: Int32Array, hashes: Int32Array): { starts: Int32Array; ends: Int32Array; hashes: Int32Array } {
  const size = Math.max(64, 2 * starts.length);
  return { starts: grownArray(starts, size), ends: grownArray(ends, size), hashes: grownArray(hashes, size) };
}

/** Word k of `w` as a string. */
function wordAt(w: NormalisedWords, k: number): string {
  return w.lower.slice(w.starts[k], w.ends[k]);
}

/** The article's words, lower-cased, one space apart: what "identical" compares. */
export function normalisedText(text: string): string {
  const w = readWords(text, { starts: new Int32Array(0), ends: new Int32Array(0), hashes: new Int32Array(0) });
  return Array.from({ length: w.count }, (_, k) => wordAt(w, k)).join(' ');
}

/** Words per shingle for copy detection: long enough that texts over a tiny vocabulary do not look alike. */
const COPY_SHINGLE_WORDS = 5;

/**
 * Distinct hashes of the runs of COPY_SHINGLE_WORDS consecutive words of a normalised text (its words), sorted
 * ascending. Word order counts: two texts drawn from the same few words still differ.
 */
function wordShingleSet(words: NormalisedWords, scratch: Scratch): Uint32Array {
  const wordHash = words.hashes;
  const n = Math.max(0, words.count - COPY_SHINGLE_WORDS + 1);
  const all = scratch.take(n);
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

/** A hash of the whole word sequence (from its words' hashes): the identical-text look-up's key, checked word by word on a hit. */
function sequenceHash(words: NormalisedWords): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < words.count; k++) h = Math.imul(h ^ words.hashes[k], FNV_PRIME);
  // Two 32-bit halves would need a second pass; the length makes a collision of different lengths impossible.
  return (h >>> 0) * 65536 + (words.count % 65536);
}

/** Whether two texts have the same normalised words (code unit by code unit). */
function sameWords(a: NormalisedWords, b: NormalisedWords): boolean {
  if (a.count !== b.count) return false;
  for (let k = 0; k < a.count; k++) {
    const from = a.starts[k];
    const length = a.ends[k] - from;
    const other = b.starts[k];
    if (b.ends[k] - other !== length || a.hashes[k] !== b.hashes[k]) return false;
    for (let c = 0; c < length; c++) if (a.lower.charCodeAt(from + c) !== b.lower.charCodeAt(other + c)) return false;
  }
  return true;
}

/** Work arrays reused from article to article (small typed arrays are slow to allocate): the words read, and the shingles. */
interface Scratch {
  readonly words: { starts: Int32Array; ends: Int32Array; hashes: Int32Array };
  /** A view of `length` shingle slots (their old contents are garbage). */
  take(length: number): Uint32Array;
}

function newScratch(): Scratch {
  let shingles = new Uint32Array(1024);
  return {
    words: { starts: new Int32Array(1024), ends: new Int32Array(1024), hashes: new Int32Array(1024) },
    take: (length) => {
      if (shingles.length < length) shingles = new Uint32Array(Math.max(length, 2 * shingles.length));
      return shingles.subarray(0, length);
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
  checked?: { readonly article: number; readonly words: NormalisedWords };
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
  const words = readWords(texts[a], s.scratch.words);
  if (words.count === 0) return;
  const key = sequenceHash(words);
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
  const set = wordShingleSet(words, s.scratch);
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
function firstWithWords(s: CopySearch, firsts: readonly number[] | undefined, words: NormalisedWords, texts: readonly string[]): number | undefined {
  for (const f of firsts ?? []) {
    // Its own arrays: the scratch holds the article being read.
    if (s.checked?.article !== f) s.checked = { article: f, words: readWords(texts[f], { starts: new Int32Array(0), ends: new Int32Array(0), hashes: new Int32Array(0) }) };
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
