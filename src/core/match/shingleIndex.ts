import type { CancellationLike } from '../cancellation';
import { throwIfCancelled } from '../cancellation';

/** Up to this many articles, every pair is compared: cheaper than indexing, and nothing is missed. */
const ALL_PAIRS_UP_TO = 16;
/** Pairs must share this many distinct rare shingles to be compared. */
const MIN_SHARED_SHINGLES = 2;

/**
 * The article pairs worth comparing: those that share at least two rare shingles (two consecutive
 * content words). Shingles found in many articles (the story's common phrases) are skipped, so the
 * cost grows with the text, not with the square of the number of articles. Pairs are [a, b] with a < b, sorted.
 */
export function candidateArticlePairs(shingles: readonly (readonly string[])[], token?: CancellationLike): [number, number][] {
  const n = shingles.length;
  const pairs: [number, number][] = [];
  if (n <= ALL_PAIRS_UP_TO) {
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push([a, b]);
    return pairs;
  }
  const postings = new Map<string, number[]>();
  for (let a = 0; a < n; a++) {
    for (const s of shingles[a]) {
      const list = postings.get(s);
      if (list === undefined) postings.set(s, [a]);
      else list.push(a);
    }
  }
  throwIfCancelled(token);
  const maxArticles = Math.max(8, Math.ceil(2 * Math.sqrt(n)));
  const counts = new Map<number, number>();
  let work = 0;
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > maxArticles) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x] * n + list[y];
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    if (++work % 4096 === 0) throwIfCancelled(token);
  }
  for (const [key, count] of counts) {
    if (count >= MIN_SHARED_SHINGLES) pairs.push([Math.floor(key / n), key % n]);
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
