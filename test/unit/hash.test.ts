import * as assert from 'assert';
import { fnv1aHash, contentHash } from '../../src/core/hash';

describe('hash', () => {
  it('is stable and sensitive to every character', () => {
    assert.strictEqual(fnv1aHash(''), 0x811c9dc5);
    assert.strictEqual(fnv1aHash('a'), 0xe40c292c);
    assert.notStrictEqual(contentHash('ab'), contentHash('ba'));
    assert.strictEqual(contentHash('same text'), contentHash('same text'));
  });
});
