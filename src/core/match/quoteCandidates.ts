import type { QuoteInfo } from './quoteWording';
import { internKey } from './internKey';
import { grownArray } from '../util/grownArray';

/**
 * Candidate pairs for quote grouping, near-linear whatever the text: each quote is indexed by keys
 * (content words, numbers by value, and its speaker with each unquoted word of its sentence),
 * and looks for earlier quotes through its rarest keys first, with a bound on the index entries it
 * reads and on the candidates it keeps. A quote-dense dialogue on a small vocabulary, where every
 * quote shares words with every other, costs a fixed amount per quote, not one per pair.
 */

/** Index entries one quote reads, at most (its rarest keys first, the nearest quotes first). */
export const MAX_SCAN = 512;
/** Candidates one quote is compared with, at most: those sharing the most keys. */
export const MAX_CANDIDATES = 16;

/** The keys a quote is found by: what a copy, a fragment or a rewording of it shares with it. */
export function quoteKeys(info: QuoteInfo): string[] {
  // Word senses are left out: they would lengthen every list, and a rewording that shares no
  // word is found through its speaker and sentence instead.
  const keys = [...info.meaning.keys];
  if (info.speakerKey !== null) for (const w of info.sentence) keys.push(`@${info.speakerKey} ${w}`);
  return keys;
}

/** The quotes' keys as integer ids (so the index is arrays, not maps of strings), with how many quotes carry each. */
interface KeyIds {
  readonly ids: Map<string, number>;
  readonly names: string[];
  /** The ids of every quote's keys, quote after quote (one array for the bundle, not one per quote)... */
  readonly flat: Int32Array;
  /** ... quote q's from start[q] to start[q + 1]. */
  readonly start: Int32Array;
  /** Per id, how many quotes carry the key. */
  readonly df: Int32Array;
}

function keyIds(keys: readonly (readonly string[])[]): KeyIds {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const counts: number[] = [];
  const start = new Int32Array(keys.length + 1);
  for (let q = 0; q < keys.length; q++) start[q + 1] = start[q] + keys[q].length;
  const flat = new Int32Array(start[keys.length]);
  // Index loops, no callback per quote and per key: this runs once per bundle, mostly before it is optimized.
  for (let q = 0; q < keys.length; q++) {
    const ks = keys[q];
    for (let n = 0; n < ks.length; n++) {
      const id = internKey(ids, names, ks[n]);
      if (id === counts.length) counts.push(0);
      counts[id]++;
      flat[start[q] + n] = id;
    }
  }
  return { ids, names, flat, start, df: Int32Array.from(counts) };
}

/** Whether key x comes before key y in a scan: the rarer first, ties by spelling. */
function rarerKey(x: number, y: number, t: KeyIds): boolean {
  const { df, names } = t;
  return df[x] < df[y] || (df[x] === df[y] && names[x] < names[y]);
}

/** Lists up to this long are sorted in place by insertion (most quotes have a few keys); longer ones by the built-in sort. */
const INSERTION_SORT_MAX = 16;

/** Quote q's key ids (in t.flat), rarest first (ties by spelling): the scan reads the most telling keys before its budget runs out. */
function sortRarestFirst(q: number, t: KeyIds): void {
  const { flat, start } = t;
  const from = start[q];
  const to = start[q + 1];
  if (to - from > INSERTION_SORT_MAX) {
    const { df, names } = t;
    flat.subarray(from, to).sort((x, y) => df[x] - df[y] || (names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : 0));
    return;
  }
  // No comparator closure and no call into the built-in sort per quote.
  for (let i = from + 1; i < to; i++) {
    const id = flat[i];
    let j = i - 1;
    for (; j >= from && rarerKey(id, flat[j], t); j--) flat[j + 1] = flat[j];
    flat[j + 1] = id;
  }
}

/** Keys a quote shares with another before they are worth comparing: two, or all either has when fewer. */
function enough(shared: number, a: number, b: number): boolean {
  return shared >= Math.min(2, a, b);
}

/** How many of a bundle's quotes a key may be in before it is common and tells no statement from another: 64, or 2% of them. */
function commonDf(quotes: number): number {
  return Math.max(64, 0.02 * quotes);
}

/** ... but this many common keys shared still tell one long statement. */
const MANY_COMMON = 5;

export interface QuoteIndex {
  /** The earlier quotes (j < i) worth comparing with quote i, best first. Ask in increasing i. */
  candidatesOf(i: number): number[];
  /** Whether two quotes share a content word that is not common among the bundle's quotes, or many common ones. */
  shareRareWord(i: number, j: number): boolean;
}

/** The index of a bundle's quotes (a quote not asked for is still indexed for the later ones). */
export function quoteCandidates(infos: readonly QuoteInfo[]): QuoteIndex {
  const table = keyIds(infos.map(quoteKeys));
  for (let q = 0; q < infos.length; q++) sortRarestFirst(q, table);
  return new CandidateScan(table, infos, commonDf(infos.length));
}

/**
 * A scan reads a list in part (the list where its budget runs out) by asking, for each quote it
 * touched before, whether the list's window holds it, when that costs fewer steps than reading the window.
 */
const SEARCH_STEPS = 16;

/**
 * The posting lists of the quotes indexed so far, and the scan of one quote's keys: rarest first,
 * the nearest quotes first, MAX_SCAN entries in all, each quote touched counted by the keys it shares.
 */
class CandidateScan implements QuoteIndex {
  /** Per key id, the quotes indexed so far that carry it, in order. */
  private readonly postings: number[][];
  /**
   * Per key id, the quotes whose only key it is, in order (made on first use): of the entries a scan
   * reaches only in its last list, these are the only ones that can be kept (see `enough`).
   */
  private readonly singles: (number[] | undefined)[];
  private readonly count: Int32Array;
  /** The quotes one scan touches (at most MAX_SCAN), in scan order: one buffer for all scans, no array per quote. */
  private readonly touched = new Int32Array(MAX_SCAN);
  private next = 0;

  constructor(
    private readonly table: KeyIds, private readonly infos: readonly QuoteInfo[], private readonly common: number,
  ) {
    const names = table.names;
    // A map over the key names, not Array.from({ length }) or pushes: one preallocated array.
    this.postings = names.map(() => []);
    // Not filled: few keys are any quote's only key.
    this.singles = new Array<number[] | undefined>(names.length);
    this.count = new Int32Array(infos.length);
  }

  /** Quotes are indexed in order as they are asked for: i meets only those before it. */
  private indexUpTo(i: number): void {
    // Index loops over the typed arrays: for…of allocates an iterator result per element until optimized.
    for (; this.next < i; this.next++) {
      const { flat, start } = this.table;
      for (let k = start[this.next]; k < start[this.next + 1]; k++) this.postings[flat[k]].push(this.next);
      if (start[this.next + 1] - start[this.next] === 1) (this.singles[flat[start[this.next]]] ??= []).push(this.next);
    }
  }

  shareRareWord(i: number, j: number): boolean {
    const { infos, table, common } = this;
    let shared = 0;
    for (const k of infos[i].stems) {
      if (!infos[j].stems.has(k)) continue;
      const id = table.ids.get(k);
      if ((id === undefined ? 0 : table.df[id]) <= common || ++shared >= MANY_COMMON) return true;
    }
    return false;
  }

  candidatesOf(i: number): number[] {
    this.indexUpTo(i);
    const { count, touched } = this;
    let n = 0;
    let budget = MAX_SCAN;
    const { flat, start } = this.table;
    const keyCount = start[i + 1] - start[i];
    if (keyCount <= 1) return keyCount === 0 ? [] : this.nearest(this.postings[flat[start[i]]]);
    for (let kn = start[i]; kn < start[i + 1]; kn++) {
      const list = this.postings[flat[kn]];
      if (list.length >= budget && n * SEARCH_STEPS < budget) {
        // The budget runs out in this list: its window is its last `budget` entries.
        const found = this.windowed(n, keyCount, list, list.length - budget, flat[kn]);
        for (let t = 0; t < n; t++) count[touched[t]] = 0;
        return found;
      }
      // The entries read: the list's last `budget` (all of it when shorter), one bound for the loop.
      const stop = Math.max(0, list.length - budget);
      budget -= list.length - stop;
      for (let p = list.length - 1; p >= stop; p--) {
        const j = list[p];
        if (count[j]++ === 0) touched[n++] = j;
      }
      if (budget === 0) break;
    }
    // best clears the counts as it reads them.
    return best(touched, n, count, keyCount, start, true);
  }

  /**
   * The candidates of a quote of one key, whose list is `list`: each quote the scan touches shares that
   * key and no other (one list, each quote once), and one shared key is enough (see `enough`), so the
   * scan keeps the first MAX_CANDIDATES it reads: the list's last ones, nearest first.
   */
  private nearest(list: readonly number[]): number[] {
    const out: number[] = [];
    for (let p = list.length - 1; p >= 0 && out.length < MAX_CANDIDATES; p--) out.push(list[p]);
    return out;
  }

  /**
   * What the scan finds when its last list is read from `from` on, without reading it entry by entry:
   * the `n` quotes touched before gain a key each where the window holds them (a binary search, as a
   * list is in order), and rank as the scan ranks them; the quotes the window alone touches share one
   * key, are kept only when either quote has one key (`enough`), and come last, nearest first.
   */
  private windowed(n: number, keyCount: number, list: readonly number[], from: number, key: number): number[] {
    const { count, touched } = this;
    const least = list[from];
    for (let t = 0; t < n; t++) {
      const j = touched[t];
      if (j >= least && holds(list, from, j)) count[j]++;
    }
    const found = best(touched, n, count, keyCount, this.table.start, false);
    const only = keyCount <= 1 ? list : this.singles[key];
    if (only === undefined) return found;
    for (let p = only.length - 1; p >= 0 && only[p] >= least && found.length < MAX_CANDIDATES; p--) {
      if (count[only[p]] === 0) found.push(only[p]);
    }
    return found;
  }
}

/** Whether the ordered list holds `j` at or after index `from`. */
function holds(list: readonly number[], from: number, j: number): boolean {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < j) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === j;
}

/**
 * Up to MAX_CANDIDATES of the first `n` of `touched` that share enough keys with the quote (of
 * `keyCount` keys; quote j has keyStart[j + 1] − keyStart[j]), the most shared keys first (ties in scan order: the rarer
 * key, the nearer quote). Two shared keys are always enough (see `enough`): one pass in scan order
 * keeps, per count c ≥ 2, the first MAX_CANDIDATES quotes that share c keys (no more can be taken
 * from any count), and the first MAX_CANDIDATES that share one key enough, and the answer is read
 * from the highest count down, then those of one key, without sorting the touched quotes.
 * `clear`: set each touched quote's count back to 0 as it is read.
 */
function best(touched: Int32Array, n: number, count: Int32Array, keyCount: number, keyStart: Int32Array, clear: boolean): number[] {
  // Index loops: for…of over a typed array allocated an iterator result per element here.
  let top = 0;
  let rows = keyCount + 1;
  let ones = 0;
  // Quotes of two keys or more read so far: as many fewer of one key can be wanted.
  let more = 0;
  if (kept.length < rows * MAX_CANDIDATES) kept = new Int32Array(2 * rows * MAX_CANDIDATES);
  if (keptOf.length < rows) keptOf = new Int32Array(2 * rows);
  keptOf.fill(0, 0, rows);
  for (let t = 0; t < n; t++) {
    const j = touched[t];
    const c = count[j];
    if (clear) count[j] = 0;
    if (c < 2) {
      if (c === 1 && ones + more < MAX_CANDIDATES && enough(1, keyCount, keyStart[j + 1] - keyStart[j])) keptOnes[ones++] = j;
      continue;
    }
    more++;
    // A quote shares each of its lists' keys once: c ≤ keyCount, unless a key was listed twice.
    if (c >= rows) rows = moreRows(c + 1, rows);
    if (keptOf[c] < MAX_CANDIDATES) kept[c * MAX_CANDIDATES + keptOf[c]++] = j;
    if (c > top) top = c;
  }
  const out: number[] = [];
  for (let c = top; c >= 2 && out.length < MAX_CANDIDATES; c--) {
    for (let k = 0; k < keptOf[c] && out.length < MAX_CANDIDATES; k++) out.push(kept[c * MAX_CANDIDATES + k]);
  }
  for (let k = 0; k < ones && out.length < MAX_CANDIDATES; k++) out.push(keptOnes[k]);
  return out;
}

/** best's scratch grown to `rows` counts (its first `had` rows kept): returns `rows`. */
function moreRows(rows: number, had: number): number {
  if (kept.length < rows * MAX_CANDIDATES) kept = grownArray(kept, 2 * rows * MAX_CANDIDATES);
  if (keptOf.length < rows) keptOf = grownArray(keptOf, 2 * rows);
  keptOf.fill(0, had, rows);
  return rows;
}

/** best's scratch buffers, reused across calls: per count, the quotes kept (MAX_CANDIDATES a row) and how many. */
let kept = new Int32Array(16 * MAX_CANDIDATES);
let keptOf = new Int32Array(16);
/** ... and the first quotes that share one key enough, in scan order. */
const keptOnes = new Int32Array(MAX_CANDIDATES);
