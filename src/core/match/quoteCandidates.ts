import type { QuoteInfo } from './quoteWording';
import { internKey } from './internKey';

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
  const keys = Array.from(info.meaning.keys);
  if (info.speakerKey !== null) for (const w of info.sentence) keys.push(`@${info.speakerKey} ${w}`);
  return keys;
}

/** The quotes' keys as integer ids (so the index is arrays, not maps of strings), with how many quotes carry each. */
interface KeyIds {
  readonly ids: Map<string, number>;
  readonly names: string[];
  /** Per quote, the ids of its keys. */
  readonly of: Int32Array[];
  /** Per id, how many quotes carry the key. */
  readonly df: Int32Array;
}

function keyIds(keys: readonly (readonly string[])[]): KeyIds {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const counts: number[] = [];
  const of = keys.map((ks) => {
    const out = new Int32Array(ks.length);
    ks.forEach((k, n) => {
      const id = internKey(ids, names, k);
      if (id === counts.length) counts.push(0);
      counts[id]++;
      out[n] = id;
    });
    return out;
  });
  return { ids, names, of, df: Int32Array.from(counts) };
}

/** A quote's key ids, rarest first (ties by spelling): the scan reads the most telling keys before its budget runs out. */
function sortRarestFirst(ids: Int32Array, t: KeyIds): void {
  const { df, names } = t;
  ids.sort((x, y) => df[x] - df[y] || (names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : 0));
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
  readonly candidatesOf: (i: number) => number[];
  /** Whether two quotes share a content word that is not common among the bundle's quotes, or many common ones. */
  readonly shareRareWord: (i: number, j: number) => boolean;
}

/** The index of a bundle's quotes (a quote not asked for is still indexed for the later ones). */
export function quoteCandidates(infos: readonly QuoteInfo[]): QuoteIndex {
  const table = keyIds(infos.map(quoteKeys));
  const keys = table.of;
  for (const ks of keys) sortRarestFirst(ks, table);
  const common = commonDf(infos.length);
  // postings of key id k: the quotes indexed so far that carry it, in order.
  const postings: number[][] = table.names.map(() => []);
  const count = new Int32Array(infos.length);
  let next = 0;
  // Quotes are indexed in order as they are asked for: i meets only those before it.
  // Index loops over the typed arrays: for…of allocates an iterator result per element until optimized.
  const indexUpTo = (i: number): void => {
    for (; next < i; next++) {
      const ks = keys[next];
      for (let n = 0; n < ks.length; n++) postings[ks[n]].push(next);
    }
  };
  // The quotes one scan touches (at most MAX_SCAN), in scan order: one buffer for all scans, no array per quote.
  const touched = new Int32Array(MAX_SCAN);
  const candidatesOf = (i: number): number[] => {
    indexUpTo(i);
    let n = 0;
    let budget = MAX_SCAN;
    const ks = keys[i];
    for (let kn = 0; kn < ks.length; kn++) {
      const list = postings[ks[kn]];
      for (let p = list.length - 1; p >= 0 && budget > 0; p--, budget--) {
        const j = list[p];
        if (count[j]++ === 0) touched[n++] = j;
      }
      if (budget === 0) break;
    }
    const found = best(touched, n, count, ks.length, keys);
    for (let t = 0; t < n; t++) count[touched[t]] = 0;
    return found;
  };
  const shareRareWord = (i: number, j: number): boolean => {
    let shared = 0;
    for (const k of infos[i].stems) {
      if (!infos[j].stems.has(k)) continue;
      const id = table.ids.get(k);
      if ((id === undefined ? 0 : table.df[id]) <= common || ++shared >= MANY_COMMON) return true;
    }
    return false;
  };
  return { candidatesOf, shareRareWord };
}

/**
 * Up to MAX_CANDIDATES of the first `n` of `touched` that share enough keys with the quote (of
 * `keyCount` keys; `keys[j]`, quote j's), the most shared keys first (ties in scan order: the rarer
 * key, the nearer quote). A counting sort by count instead of sorting every quote the scan touched,
 * of only the counts that can reach the answer: two shared keys are always enough (see `enough`),
 * so when MAX_CANDIDATES share at least c ≥ 2 keys, the quotes that share fewer are never read.
 */
function best(touched: Int32Array, n: number, count: Int32Array, keyCount: number, keys: readonly Int32Array[]): number[] {
  // Index loops: for…of over a typed array allocated an iterator result per element here.
  let top = 0;
  for (let t = 0; t < n; t++) top = Math.max(top, count[touched[t]]);
  if (startOfScratch.length < top + 2) startOfScratch = new Int32Array(2 * (top + 2));
  // startOf[top - c]: how many share c keys, then where their run starts (highest count first).
  const startOf = startOfScratch.fill(0, 0, top + 2);
  for (let t = 0; t < n; t++) startOf[top - count[touched[t]]]++;
  let least = 1;
  for (let c = top, atLeast = 0; c >= 2; c--) {
    atLeast += startOf[top - c];
    if (atLeast >= MAX_CANDIDATES) {
      least = c;
      break;
    }
  }
  for (let c = top, at = 0; c >= least; c--) {
    const size = startOf[top - c];
    startOf[top - c] = at;
    at += size;
  }
  if (sorted.length < n) sorted = new Int32Array(Math.max(n, 2 * sorted.length));
  let placed = 0;
  for (let t = 0; t < n; t++) {
    const c = count[touched[t]];
    if (c >= least) {
      sorted[startOf[top - c]++] = touched[t];
      placed++;
    }
  }
  const out: number[] = [];
  for (let t = 0; t < placed && out.length < MAX_CANDIDATES; t++) {
    const j = sorted[t];
    if (enough(count[j], keyCount, keys[j].length)) out.push(j);
  }
  return out;
}

/** best's scratch buffers, reused across calls: the quotes in order, and where each count's run starts. */
let sorted = new Int32Array(MAX_SCAN);
let startOfScratch = new Int32Array(64);
