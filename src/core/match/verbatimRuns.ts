import { nextCommonRunIn } from './sentenceGrams';
import type { CommonRun } from './sentenceGrams';

/** A run of the same words in two word sequences: [a, a + length) and [b, b + length). */
export interface WordRun {
  readonly a: number;
  readonly b: number;
  readonly length: number;
}

/** The runs found, longest first, each kept when it overlaps none kept before it on either side; in order of A. */
function disjointRuns(found: WordRun[], n: number, m: number): WordRun[] {
  if (found.length === 0) return found;
  found.sort((x, y) => y.length - x.length || x.a - y.a || x.b - y.b);
  if (taken.length < n + m) taken = new Uint8Array(Math.max(n + m, 2 * taken.length));
  taken.fill(0, 0, n + m);
  const takenA = taken.subarray(0, n);
  const takenB = taken.subarray(n, n + m);
  const runs: WordRun[] = [];
  for (const r of found) {
    let free = true;
    for (let k = 0; k < r.length && free; k++) free = takenA[r.a + k] === 0 && takenB[r.b + k] === 0;
    if (!free) continue;
    for (let k = 0; k < r.length; k++) {
      takenA[r.a + k] = 1;
      takenB[r.b + k] = 1;
    }
    runs.push(r);
  }
  return runs.sort((x, y) => x.a - y.a);
}

/** Words of the two sentences a kept run covers (disjointRuns), reused from pair to pair. */
let taken = new Uint8Array(256);

/** Beyond this many cells (two "sentences" of hundreds of words: text without punctuation), runs are found from seeds. */
export const MAX_CELLS = 250000;

/** Runs grown from shared `min`-word seeds, left to right: linear in the words, for very long sentences. */
function seededRuns(a: readonly string[], b: readonly string[], min: number): WordRun[] {
  const seeds = new SeedTable(a, b, min);
  const runs: WordRun[] = [];
  const takenA = new Uint8Array(a.length);
  for (let j = 0; j + min <= b.length; j++) {
    const i = seeds.firstIn(j);
    if (i === undefined || takenA[i]) continue;
    let len = min;
    while (i + len < a.length && j + len < b.length && a[i + len] === b[j + len] && !takenA[i + len]) len++;
    for (let k = 0; k < len; k++) takenA[i + k] = 1;
    runs.push({ a: i, b: j, length: len });
    j += len - 1;
  }
  return runs.sort((x, y) => x.a - y.a);
}

/**
 * The first position in `a` of each `min`-word gram, looked up for the grams of `b`. Grams are keyed
 * by a hash of word ids, not by a joined string per position (that string cost ~1 µs a word on
 * text without punctuation); grams whose hash an earlier, different gram holds go by their string.
 */
class SeedTable {
  private readonly ids: Int32Array;
  private readonly byHash = new Map<number, number>();
  private readonly collided = new Map<string, number>();

  constructor(private readonly a: readonly string[], private readonly b: readonly string[], private readonly min: number) {
    const idOf = new Map<string, number>();
    this.ids = new Int32Array(a.length + b.length);
    [...a, ...b].forEach((w, k) => {
      let id = idOf.get(w);
      if (id === undefined) idOf.set(w, (id = idOf.size));
      this.ids[k] = id;
    });
    for (let i = 0; i + min <= a.length; i++) {
      const h = this.hashAt(i);
      const held = this.byHash.get(h);
      if (held === undefined) this.byHash.set(h, i);
      else if (!this.sameGram(held, i)) {
        const key = a.slice(i, i + min).join(' ');
        if (!this.collided.has(key)) this.collided.set(key, i);
      }
    }
  }

  /** First position in `a` of the gram at position j of `b`, if `a` has it. */
  firstIn(j: number): number | undefined {
    const at = this.a.length + j;
    const held = this.byHash.get(this.hashAt(at));
    if (held === undefined) return undefined;
    if (this.sameGram(held, at)) return held;
    return this.collided.get(this.b.slice(j, j + this.min).join(' '));
  }

  /** Hash of the gram at position k of a then b (ids concatenated). */
  private hashAt(k: number): number {
    let h = 0x811c9dc5;
    for (let t = k; t < k + this.min; t++) h = Math.imul(h ^ this.ids[t], 0x01000193);
    return h >>> 0;
  }

  private sameGram(x: number, y: number): boolean {
    for (let t = 0; t < this.min; t++) if (this.ids[x + t] !== this.ids[y + t]) return false;
    return true;
  }
}

/** Each word of A's first and last place among B's words sorted by hash (sparseRunsAndCommon), and the LCS thresholds, reused from pair to pair. */
let matchFrom = new Int32Array(64);
let matchTo = new Int32Array(64);
let thresholds = new Int32Array(64);

/** Where a sentence's words and their hashes lie in its grams (SentenceGrams: buf, hashAt, wordOrderAt, wordSortedAt). */
export interface HashedWords {
  readonly words: readonly string[];
  readonly buf: Int32Array;
  /** Each word's hash, in order. */
  readonly hashAt: number;
  /** The word positions sorted by hash (then position), and their hashes in that order. */
  readonly orderAt: number;
  readonly sortedAt: number;
}

/** The stretch of equal hashes sparseRunsAndCommon is at in both sorted lists (reused from call to call). */
const sameHashes: CommonRun = { x: 0, xe: 0, y: 0, ye: 0 };

/**
 * Maximal runs of at least `min` equal words shared by two sentences (longest first, none
 * overlapping another on either side; returned in order of A), and the length of their longest
 * common subsequence. Found from the places where their words match (equal hash, then equal word),
 * by merging their words sorted by hash: most cells of the full n x m table hold no match, so the
 * common subsequence is measured over the matches only (Hunt–Szymanski: each match moves a
 * threshold, found by binary search) and each maximal diagonal of matches is one run (disjointRuns
 * orders the runs found by a total order, so the runs are those of the full table). Above
 * MAX_CELLS, runs are grown from seeds and the words they cover stand in for the subsequence.
 */
export function sparseRunsAndCommon(x: HashedWords, y: HashedWords, min: number): { runs: WordRun[]; common: number } {
  const a = x.words;
  const b = y.words;
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    const runs = n < min || m < min ? [] : seededRuns(a, b, min);
    return { runs, common: runs.reduce((k, r) => k + r.length, 0) };
  }
  if (matchFrom.length < n) [matchFrom, matchTo] = [new Int32Array(Math.max(n, 2 * matchFrom.length)), new Int32Array(Math.max(n, 2 * matchFrom.length))];
  matchFrom.fill(0, 0, n);
  matchTo.fill(0, 0, n);
  // Each hash both hold: A's positions with it get B's stretch of the sorted order.
  const xs = x.buf;
  const ys = y.buf;
  const run = sameHashes;
  run.xe = x.sortedAt;
  run.ye = y.sortedAt;
  while (nextCommonRunIn(xs, x.sortedAt, x.sortedAt + n, ys, y.sortedAt, y.sortedAt + m, run)) {
    for (let p = run.x - x.sortedAt; p < run.xe - x.sortedAt; p++) {
      matchFrom[xs[x.orderAt + p]] = run.y - y.sortedAt;
      matchTo[xs[x.orderAt + p]] = run.ye - y.sortedAt;
    }
  }
  return { runs: disjointRuns(diagonalRuns(x, y, min), n, m), common: sparseCommon(x, y) };
}

/** Whether word i of A and word j of B are the same word (hash first). */
function sameWord(x: HashedWords, i: number, y: HashedWords, j: number): boolean {
  return x.buf[x.hashAt + i] === y.buf[y.hashAt + j] && x.words[i] === y.words[j];
}

/** The length of the longest common subsequence from the matches matchFrom/matchTo hold (Hunt–Szymanski). */
function sparseCommon(x: HashedWords, y: HashedWords): number {
  const n = x.words.length;
  if (thresholds.length < n + 1) thresholds = new Int32Array(Math.max(n + 1, 2 * thresholds.length));
  // thresholds[k]: the smallest position of B at which a common subsequence of length k + 1 ends.
  let length = 0;
  for (let i = 0; i < n; i++) {
    // B's positions of this word, last first, so that one row never extends itself.
    for (let q = matchTo[i] - 1; q >= matchFrom[i]; q--) {
      const j = y.buf[y.orderAt + q];
      if (x.words[i] !== y.words[j]) continue;
      let lo = 0;
      let hi = length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (thresholds[mid] < j) lo = mid + 1;
        else hi = mid;
      }
      thresholds[lo] = j;
      if (lo === length) length++;
    }
  }
  return length;
}

/** Every maximal diagonal of matches at least `min` long, from the matches matchFrom/matchTo hold. */
function diagonalRuns(x: HashedWords, y: HashedWords, min: number): WordRun[] {
  const found: WordRun[] = [];
  const n = x.words.length;
  const m = y.words.length;
  for (let i = 0; i + min <= n; i++) {
    for (let q = matchFrom[i]; q < matchTo[i]; q++) {
      const j = y.buf[y.orderAt + q];
      if (j + min > m || x.words[i] !== y.words[j]) continue;
      // A run starts here only when the words before do not match.
      if (i > 0 && j > 0 && sameWord(x, i - 1, y, j - 1)) continue;
      let len = 1;
      while (i + len < n && j + len < m && sameWord(x, i + len, y, j + len)) len++;
      if (len >= min) found.push({ a: i, b: j, length: Math.min(len, 65535) });
    }
  }
  return found;
}
