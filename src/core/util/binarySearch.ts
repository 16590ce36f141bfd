/**
 * Binary search over a sorted range, in one place: callers say what "before" means for index i
 * (true for a prefix of [0, length), false after it) and get the first index where it stops.
 */
export function firstNotBefore(length: number, isBefore: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last index i in [0, length) with `atOrBefore(i)` true (a prefix property), or -1. */
export function lastAtOrBefore(length: number, atOrBefore: (i: number) => boolean): number {
  return firstNotBefore(length, atOrBefore) - 1;
}
