import * as assert from 'assert';
import { commonRuns, lcsLength } from '../../src/core/match/verbatimRuns';

describe('verbatim runs and edit similarity', () => {
  it('finds maximal shared runs of at least min words, without overlap', () => {
    const a = 'we make it so easy for the russians he said'.split(' ');
    const b = 'if so we make it so easy for the russians'.split(' ');
    assert.deepStrictEqual(commonRuns(a, b, 6), [{ a: 0, b: 2, length: 8 }]);
    assert.deepStrictEqual(commonRuns(a, b, 9), []);
  });

  it('measures the longest common subsequence', () => {
    assert.strictEqual(lcsLength('a b c d'.split(' '), 'a x c d'.split(' ')), 3);
    assert.strictEqual(lcsLength([], ['a']), 0);
  });
});

describe('long sentences', () => {
  it('finds shared runs in text without punctuation in linear time', () => {
    const words = (seed: number, n: number) => Array.from({ length: n }, (_, k) => `w${(k * 7919 + seed * 104729) % 50000}`);
    const a = words(1, 3000);
    const b = [...words(2, 1000), ...a.slice(500, 520), ...words(3, 1000)];
    const t0 = Date.now();
    const runs = commonRuns(a, b, 6);
    assert.deepStrictEqual(runs, [{ a: 500, b: 1000, length: 20 }]);
    assert.ok(Date.now() - t0 < 2000);
  });
});
