/**
 * Length of the longest common subsequence of two sequences, in O(|a|·|b|) time and O(min) memory.
 * Callers bound the lengths (word sequences of one sentence or quotation).
 */
export function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  const [x, y] = a.length <= b.length ? [a, b] : [b, a];
  const m = x.length;
  if (m === 0) return 0;
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  for (let j = 1; j <= y.length; j++) {
    for (let i = 1; i <= m; i++) {
      cur[i] = x[i - 1] === y[j - 1] ? prev[i - 1] + 1 : Math.max(prev[i], cur[i - 1]);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}
