/**
 * Below this many values a range is sorted by insertion in place: for the short ranges the engine
 * sorts most (a sentence's n-grams, a bucket's few shingles), the built-in sort's call and the
 * subarray view it needs cost more than the sort.
 */
const INSERTION_SORT_MAX = 32;

/** Sorts xs[from … to) ascending, in place: by insertion when few (as many steps as values out of order), else the built-in sort of a view. */
export function sortRange(xs: Int32Array, from: number, to: number): void {
  if (to - from > INSERTION_SORT_MAX) {
    xs.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = xs[i];
    let j = i - 1;
    while (j >= from && xs[j] > v) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = v;
  }
}
