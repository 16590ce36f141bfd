import * as assert from 'assert';
import { grownArray } from '../../src/core/util/grownArray';

describe('grownArray', () => {
  it('keeps the kind and the values, with room for more', () => {
    const ints = grownArray(Int32Array.of(-3, 7), 5);
    assert.ok(ints instanceof Int32Array);
    assert.deepStrictEqual([...ints], [-3, 7, 0, 0, 0]);
    const bytes = grownArray(Uint8Array.of(1, 255), 3);
    assert.ok(bytes instanceof Uint8Array);
    assert.deepStrictEqual([...bytes], [1, 255, 0]);
    const reals = grownArray(Float64Array.of(0.5), 2);
    assert.ok(reals instanceof Float64Array);
    assert.deepStrictEqual([...reals], [0.5, 0]);
  });
});
