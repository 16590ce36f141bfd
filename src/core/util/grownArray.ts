/** The typed arrays the engine grows as scratch or tables. */
type NumberArray = Int32Array | Uint8Array | Float64Array;

/** A new array of the same kind as `a` with room for `size` values, `a`'s values first. */
export function grownArray<T extends NumberArray>(a: T, size: number): T {
  const b = new (a.constructor as new (length: number) => T)(size);
  b.set(a);
  return b;
}

/** An integer list of at least n values: `list`, or a new one at least twice as long when it is too short (contents not kept: scratch). */
export function roomFor<T extends Int32Array<ArrayBufferLike>>(list: T, n: number): T | Int32Array<ArrayBuffer> {
  return list.length >= n ? list : new Int32Array(Math.max(n, 2 * list.length));
}
