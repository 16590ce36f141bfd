/**
 * Memoizes a function in a map that is cleared when it reaches `max` entries. Words and names follow
 * Zipf's law, and sentences are compared with their neighbours many times in a row, so a small memo
 * answers most look-ups, and clearing keeps memory flat on bundles of any size (cheaper than LRU
 * bookkeeping on every hit). Keys are strings by default, or objects compared by identity.
 */
export function boundedMemo<T, K = string>(max: number, compute: (key: K) => T): (key: K) => T {
  const cache = new Map<K, T>();
  return (key) => {
    let value = cache.get(key);
    if (value !== undefined || cache.has(key)) return value as T;
    value = compute(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, value);
    return value;
  };
}
