/** What a memo stores for a computed undefined: a look-up is then one get, hit or miss (no has). */
const UNDEFINED: unique symbol = Symbol('undefined');

/**
 * Memoizes a function in a map that is cleared when it reaches `max` entries. Words and names follow
 * Zipf's law, and sentences are compared with their neighbours many times in a row, so a small memo
 * answers most look-ups, and clearing keeps memory flat on bundles of any size (cheaper than LRU
 * bookkeeping on every hit). Keys are strings by default, or objects compared by identity.
 */
export function boundedMemo<T, K = string>(max: number, compute: (key: K) => T): (key: K) => T {
  const cache = new Map<K, T | typeof UNDEFINED>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return (hit === UNDEFINED ? undefined : hit) as T;
    const value = compute(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, value === undefined ? UNDEFINED : value);
    return value;
  };
}
