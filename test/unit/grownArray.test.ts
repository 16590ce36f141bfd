import * as assert from 'assert';
import { grownArray, roomFor } from '../../src/core/util/grownArray';

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

describe('roomFor', () => {
  it('keeps a list long enough, else gives one of at least n and twice the old length', () => {
    const list = new Int32Array(8);
    assert.strictEqual(roomFor(list, 8), list);
    assert.strictEqual(roomFor(list, 9).length, 16);
    assert.strictEqual(roomFor(list, 40).length, 40);
  });
});
