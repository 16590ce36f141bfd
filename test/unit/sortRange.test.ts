import * as assert from 'assert';
import { sortRange } from '../../src/core/util/sortRange';

/** A small deterministic generator (xorshift32), so a failure repeats. */
function generator(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x | 0;
  };
}

describe('sortRange', () => {
  it('sorts only xs[from … to), short ranges (insertion) and long ones (built-in sort) alike', () => {
    const next = generator(12345);
    for (const length of [0, 1, 2, 5, 31, 32, 33, 64, 500]) {
      for (const spread of [4, 1 << 30]) {
        const xs = Int32Array.from({ length: length + 6 }, () => next() % spread);
        const before = Int32Array.from(xs);
        sortRange(xs, 3, 3 + length);
        const expected = Int32Array.from(before.subarray(3, 3 + length)).sort();
        assert.deepStrictEqual([...xs.subarray(3, 3 + length)], [...expected], `length ${length}, spread ${spread}`);
        assert.deepStrictEqual([...xs.subarray(0, 3)], [...before.subarray(0, 3)], 'the values before the range stay');
        assert.deepStrictEqual([...xs.subarray(3 + length)], [...before.subarray(3 + length)], 'the values after the range stay');
      }
    }
  });

  it('orders negative values below positive ones, as the built-in sort of an Int32Array does', () => {
    const xs = Int32Array.of(5, -1, 0, -2147483648, 2147483647, -7);
    sortRange(xs, 0, xs.length);
    assert.deepStrictEqual([...xs], [-2147483648, -7, -1, 0, 5, 2147483647]);
  });
});
