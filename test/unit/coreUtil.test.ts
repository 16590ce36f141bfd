import * as assert from 'assert';
import { firstNotBefore, lastAtOrBefore } from '../../src/core/util/binarySearch';
import { lcsLength } from '../../src/core/util/lcs';

describe('core/util', () => {
  it('firstNotBefore finds the first index where the prefix property stops', () => {
    const xs = [1, 3, 3, 5, 8];
    assert.strictEqual(firstNotBefore(xs.length, (i) => xs[i] < 3), 1);
    assert.strictEqual(firstNotBefore(xs.length, (i) => xs[i] < 0), 0);
    assert.strictEqual(firstNotBefore(xs.length, (i) => xs[i] < 9), 5);
    assert.strictEqual(firstNotBefore(0, () => true), 0);
    assert.strictEqual(lastAtOrBefore(xs.length, (i) => xs[i] <= 4), 2);
    assert.strictEqual(lastAtOrBefore(xs.length, (i) => xs[i] <= 0), -1);
  });
  it('lcsLength is the longest common subsequence, in either argument order', () => {
    assert.strictEqual(lcsLength(['a', 'b', 'c', 'd'], ['b', 'x', 'd']), 2);
    assert.strictEqual(lcsLength(['b', 'x', 'd'], ['a', 'b', 'c', 'd']), 2);
    assert.strictEqual(lcsLength([], ['a']), 0);
    assert.strictEqual(lcsLength(['a', 'a'], ['a', 'a', 'a']), 2);
  });
});
