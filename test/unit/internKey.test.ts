import * as assert from 'assert';
import { internKey, SharedKeyIds } from '../../src/core/match/internKey';

describe('internKey', () => {
  it('gives ids in order of first use and the same id to a key seen again', () => {
    const ids = new Map<string, number>();
    const keys: string[] = [];
    const got = ['deal', 'brussels', 'deal', 'constructor', '__proto__', 'brussels'].map((k) => internKey(ids, keys, k));
    assert.deepStrictEqual(got, [0, 1, 0, 2, 3, 1]);
    assert.deepStrictEqual(keys, ['deal', 'brussels', 'constructor', '__proto__']);
  });

  it('shares ids until the bound, then starts a new generation with fresh ids', () => {
    const shared = new SharedKeyIds(3);
    assert.deepStrictEqual(['deal', 'talk', 'deal'].map((k) => shared.idOf(k)), [0, 1, 0]);
    shared.reserve(1);
    assert.strictEqual(shared.generation, 0, 'room for one more');
    assert.strictEqual(shared.idOf('constructor'), 2);
    assert.strictEqual(shared.keyOf(2), 'constructor');
    shared.reserve(2);
    assert.strictEqual(shared.generation, 1, 'two more would pass the bound');
    assert.strictEqual(shared.size, 0);
    assert.strictEqual(shared.find('deal'), undefined);
    assert.strictEqual(shared.idOf('talk'), 0);
  });
});
