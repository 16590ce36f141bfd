/** The typed arrays the engine grows as scratch or tables. */
type NumberArray = Int32Array | Uint8Array | Float64Array;

/** A new array of the same kind as `a` with room for `size` values, `a`'s values first. */
export function grownArray<T extends NumberArray>(a: T, size: number): T {
  const b = new (a.constructor as new (length: number) => T)(size);
  b.set(a);
  return b;
}
