/** A run of the same words in two word sequences: [a, a + length) and [b, b + length). */
export interface WordRun {
  readonly a: number;
  readonly b: number;
  readonly length: number;
}

/**
 * Maximal runs of at least `min` equal words shared by two sequences, longest first, no two
 * overlapping on either side. Dynamic programming over common suffixes: O(n·m) for two sentences.
 */
export function commonRuns(a: readonly string[], b: readonly string[], min: number): WordRun[] {
  const n = a.length;
  const m = b.length;
  if (n < min || m < min) return [];
  if (n * m > MAX_CELLS) return seededRuns(a, b, min);
  const found: WordRun[] = [];
  // Two rows of the table, from a scratch buffer reused across calls (the scorer calls this per sentence pair).
  if (scratch.length < 2 * (m + 1)) scratch = new Uint16Array(2 * (m + 1));
  scratch.fill(0, 0, 2 * (m + 1));
  let prev = scratch.subarray(0, m + 1);
  let cur = scratch.subarray(m + 1, 2 * (m + 1));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? Math.min(prev[j - 1] + 1, 65535) : 0;
    }
    // A run ends at (i, j) when it cannot be extended by the next pair of words.
    for (let j = 1; j <= m; j++) {
      const len = cur[j];
      if (len >= min && (i === n || j === m || a[i] !== b[j])) {
        found.push({ a: i - len, b: j - len, length: len });
      }
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  if (found.length === 0) return found;
  found.sort((x, y) => y.length - x.length || x.a - y.a || x.b - y.b);
  const takenA = new Uint8Array(n);
  const takenB = new Uint8Array(m);
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

let scratch = new Uint16Array(256);

/** Beyond this many cells (two "sentences" of hundreds of words: text without punctuation), runs are found from seeds. */
export const MAX_CELLS = 250000;

/** Runs grown from shared `min`-word seeds, left to right: linear in the words, for very long sentences. */
function seededRuns(a: readonly string[], b: readonly string[], min: number): WordRun[] {
  const seeds = new Map<string, number>();
  for (let i = 0; i + min <= a.length; i++) {
    const key = a.slice(i, i + min).join(' ');
    if (!seeds.has(key)) seeds.set(key, i);
  }
  const runs: WordRun[] = [];
  const takenA = new Uint8Array(a.length);
  for (let j = 0; j + min <= b.length; j++) {
    const i = seeds.get(b.slice(j, j + min).join(' '));
    if (i === undefined || takenA[i]) continue;
    let len = min;
    while (i + len < a.length && j + len < b.length && a[i + len] === b[j + len] && !takenA[i + len]) len++;
    for (let k = 0; k < len; k++) takenA[i + k] = 1;
    runs.push({ a: i, b: j, length: len });
    j += len - 1;
  }
  return runs.sort((x, y) => x.a - y.a);
}

/** Length of the longest common subsequence of two word sequences (edit similarity): one LCS for the engine, in util/lcs.ts. */
export { lcsLength } from '../util/lcs';
