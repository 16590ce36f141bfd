/** The DP's two rows, reused from call to call (callers bound the lengths): no typed arrays per call. */
let rows = new Uint32Array(64);

/**
 * Length of the longest common subsequence of two sequences, in O(|a|·|b|) time and O(min) memory.
 * Callers bound the lengths (word sequences of one sentence or quotation).
 */
export function lcsLength<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  const [x, y] = a.length <= b.length ? [a, b] : [b, a];
  const m = x.length;
  if (m === 0) return 0;
  if (rows.length < 2 * (m + 1)) rows = new Uint32Array(Math.max(2 * (m + 1), 2 * rows.length));
  let prev = rows.subarray(0, m + 1).fill(0);
  let cur = rows.subarray(m + 1, 2 * (m + 1)).fill(0);
  for (let j = 1; j <= y.length; j++) {
    const yj = y[j - 1];
    for (let i = 1; i <= m; i++) {
      cur[i] = x[i - 1] === yj ? prev[i - 1] + 1 : Math.max(prev[i], cur[i - 1]);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/** lcsLength of the stretches xs[x0 … x0 + xn) and ys[y0 … y0 + yn) of two integer arrays (no views made). */
export function lcsLengthIn(xs: Int32Array, x0: number, xn: number, ys: Int32Array, y0: number, yn: number): number {
  // The shorter stretch indexes the rows.
  if (xn > yn) return lcsLengthIn(ys, y0, yn, xs, x0, xn);
  const m = xn;
  if (m === 0) return 0;
  if (rows.length < 2 * (m + 1)) rows = new Uint32Array(Math.max(2 * (m + 1), 2 * rows.length));
  let prev = rows.subarray(0, m + 1).fill(0);
  let cur = rows.subarray(m + 1, 2 * (m + 1)).fill(0);
  for (let j = 1; j <= yn; j++) {
    const yj = ys[y0 + j - 1];
    for (let i = 1; i <= m; i++) {
      cur[i] = xs[x0 + i - 1] === yj ? prev[i - 1] + 1 : Math.max(prev[i], cur[i - 1]);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}
