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

  it('takes objects as keys by identity (a sentence\'s features), and remembers undefined', () => {
    let n = 0;
    const memo = boundedMemo<number | undefined, { readonly text: string }>(10, (o) => { n++; return o.text === '' ? undefined : o.text.length; });
    const a = { text: 'abc' };
    const empty = { text: '' };
    assert.strictEqual(memo(a), 3);
    assert.strictEqual(memo(a), 3);
    assert.strictEqual(memo({ text: 'abc' }), 3);
    assert.strictEqual(memo(empty), undefined);
    assert.strictEqual(memo(empty), undefined);
    assert.strictEqual(n, 3, 'an equal object is another key; undefined is remembered');
  });
});
