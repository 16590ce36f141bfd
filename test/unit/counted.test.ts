import * as assert from 'assert';
import { counted } from '../../src/core/util/counted';

describe('counted (counts in words)', () => {
  it('says one thing in the singular and any other number, zero included, in the plural', () => {
    assert.strictEqual(counted(1, 'article'), '1 article');
    assert.strictEqual(counted(0, 'problem'), '0 problems');
    assert.strictEqual(counted(3, 'part file'), '3 part files');
    assert.strictEqual(counted(2, 'passage shared', 'passages shared'), '2 passages shared');
  });
});
