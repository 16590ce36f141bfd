import type { CancellationLike } from '../cancellation';
import { throwIfCancelled } from '../cancellation';

/** Up to this many articles, every pair is compared: cheaper than indexing, and nothing is missed. */
const ALL_PAIRS_UP_TO = 16;
/** Two sentences must share this many distinct shingles for their articles to be compared. */
const MIN_SHARED_SHINGLES = 2;
/** Shingles found in more sentences than this are the story's common phrases: they find nothing specific. */
const MAX_POSTING = 64;

/** The shingles (two consecutive content keys) of each sentence of one article. */
export type SentenceShingles = readonly ArrayLike<number>[];

/**
 * The article pairs worth comparing: those with a sentence pair that shares at least two
 * shingles (two consecutive content words) that are not common across the bundle. Working on
 * sentences, not whole articles, keeps chance overlaps out; skipping common shingles keeps the cost
 * close to linear in the text, never all pairs. Pairs are [a, b] with a < b, sorted.
 */
export function candidateArticlePairs(shingles: readonly SentenceShingles[], token?: CancellationLike): [number, number][] {
  const n = shingles.length;
  const pairs: [number, number][] = [];
  if (n <= ALL_PAIRS_UP_TO) {
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push([a, b]);
    return pairs;
  }
  // Sentences get global ids; postings hold ids in increasing order.
  const articleOf: number[] = [];
  const postings = new Map<number, number[]>();
  for (let a = 0; a < n; a++) {
    for (const sentence of shingles[a]) {
      const id = articleOf.length;
      articleOf.push(a);
      for (let k = 0; k < sentence.length; k++) {
        const s = sentence[k];
        const list = postings.get(s);
        if (list === undefined) postings.set(s, [id]);
        else if (list.length <= MAX_POSTING) list.push(id);
      }
    }
  }
  throwIfCancelled(token);
  const total = articleOf.length;
  const shared = new Map<number, number>();
  const found = new Set<number>();
  let work = 0;
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_POSTING) continue;
    for (let x = 0; x < list.length; x++) {
      const ax = articleOf[list[x]];
      for (let y = x + 1; y < list.length; y++) {
        const ay = articleOf[list[y]];
        if (ax === ay) continue;
        const key = list[x] * total + list[y];
        const count = (shared.get(key) ?? 0) + 1;
        shared.set(key, count);
        if (count === MIN_SHARED_SHINGLES) found.add(Math.min(ax, ay) * n + Math.max(ax, ay));
      }
    }
    if (++work % 4096 === 0) throwIfCancelled(token);
  }
  for (const key of found) pairs.push([Math.floor(key / n), key % n]);
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
