import * as assert from 'assert';
import { commonRuns, lcsLength, runsAndCommon } from '../../src/core/match/verbatimRuns';

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

describe('runs and common subsequence from one table', () => {
  /** Deterministic word sequences over a small vocabulary, so that runs and repeats occur. */
  function sequences(seed: number): [string[], string[]] {
    let x = seed;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 1000;
    const a = Array.from({ length: 1 + (next() % 40) }, () => `w${next() % 6}`);
    // B copies stretches of A between words of its own.
    const b: string[] = [];
    while (b.length < 1 + (next() % 40)) {
      const from = next() % a.length;
      if (next() % 2 === 0) b.push(...a.slice(from, from + (next() % 12)));
      else b.push(`w${next() % 8}`);
    }
    return [a, b];
  }

  it('gives the runs commonRuns finds and the length lcsLength finds, for any min', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const [a, b] = sequences(seed);
      for (const min of [1, 2, 6]) {
        const both = runsAndCommon(a, b, min);
        assert.deepStrictEqual(both.runs, commonRuns(a, b, min), `seed ${seed} min ${min}`);
        assert.strictEqual(both.common, lcsLength(a, b), `seed ${seed} min ${min}`);
      }
    }
  });

  it('stands the runs in for the subsequence above the table bound', () => {
    const a = Array.from({ length: 600 }, (_, k) => `a${k}`);
    const b = [...Array.from({ length: 500 }, (_, k) => `b${k}`), ...a.slice(100, 130)];
    assert.deepStrictEqual(runsAndCommon(a, b, 6), { runs: [{ a: 100, b: 500, length: 30 }], common: 30 });
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
