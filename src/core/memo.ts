/**
 * Memoizes a function of a string in a map that is cleared when it reaches `max` entries. Words and
 * names follow Zipf's law, so a small memo answers most look-ups, and clearing keeps memory flat on
 * bundles of any size (cheaper than LRU bookkeeping on every hit).
 */
export function boundedMemo<T>(max: number, compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, value);
    return value;
  };
}
