/**
 * The integer id of a string key in a table that gives ids in order of first use: `ids` maps a key
 * to its id and `keys` lists the keys by id, so a new key gets the next id. Indexes over text keep
 * integers (typed arrays, counting sorts) instead of maps of strings.
 */
export function internKey(ids: Map<string, number>, keys: string[], key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    ids.set(key, (id = keys.length));
    keys.push(key);
  }
  return id;
}
