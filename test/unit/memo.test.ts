import * as assert from 'assert';
import { boundedMemo } from '../../src/core/memo';

describe('boundedMemo', () => {
  it('computes each key once while it is remembered, and stays within its bound', () => {
    const calls: string[] = [];
    const memo = boundedMemo(2, (k) => {
      calls.push(k);
      return k.length;
    });
    assert.strictEqual(memo('ab'), 2);
    assert.strictEqual(memo('ab'), 2);
    assert.deepStrictEqual(calls, ['ab']);
    memo('c');
    memo('def'); // full: the memo starts afresh
    memo('ab');
    assert.deepStrictEqual(calls, ['ab', 'c', 'def', 'ab']);
  });

  it('remembers falsy results too', () => {
    let n = 0;
    const memo = boundedMemo(10, () => { n++; return null; });
    memo('x');
    memo('x');
    assert.strictEqual(n, 1);
  });
});
