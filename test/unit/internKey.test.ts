import * as assert from 'assert';
import { internKey } from '../../src/core/match/internKey';

describe('internKey', () => {
  it('gives ids in order of first use and the same id to a key seen again', () => {
    const ids = new Map<string, number>();
    const keys: string[] = [];
    const got = ['deal', 'brussels', 'deal', 'constructor', '__proto__', 'brussels'].map((k) => internKey(ids, keys, k));
    assert.deepStrictEqual(got, [0, 1, 0, 2, 3, 1]);
    assert.deepStrictEqual(keys, ['deal', 'brussels', 'constructor', '__proto__']);
  });
});
