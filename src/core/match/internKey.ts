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

/**
 * Ids of content keys shared by all the articles read while one table lasts, so that comparing
 * two articles' keys compares integers (typed arrays indexed by id) instead of looking strings up.
 * The table holds every key read, so at `max` keys it starts afresh under a new generation
 * (memory stays flat over a long session): ids compare only within one generation, and an
 * article's keys always get ids of one generation.
 */
export class SharedKeyIds {
  private ids = new Map<string, number>();
  private keys: string[] = [];
  private gen = 0;

  constructor(private readonly max: number) {}

  /** The generation of the ids given now. */
  get generation(): number {
    return this.gen;
  }

  /** How many keys the current generation holds (ids 0 … size − 1). */
  get size(): number {
    return this.keys.length;
  }

  /**
   * Makes room for `count` more keys in the current generation, starting a new one if they could
   * take the table past its bound; call before giving one article's keys their ids.
   */
  reserve(count: number): void {
    if (this.keys.length + count <= this.max || this.keys.length === 0) return;
    this.ids = new Map();
    this.keys = [];
    this.gen++;
  }

  /** The id of a key in the current generation (a new key gets the next id). */
  idOf(key: string): number {
    return internKey(this.ids, this.keys, key);
  }

  /** The id a key has in the current generation, or undefined when it has none. */
  find(key: string): number | undefined {
    return this.ids.get(key);
  }

  /** The key of an id of the current generation. */
  keyOf(id: number): string {
    return this.keys[id];
  }
}

/**
 * Content keys' shared ids (articleFeatures' key tables, each word's facts). A key costs ~70 bytes
 * here, so the bound keeps the table under ~20 MB; a real bundle has a few tens of thousands of keys.
 */
export const contentKeyIds = new SharedKeyIds(1 << 18);
