import * as assert from 'assert';
import { sparseRunsAndCommon } from '../../src/core/match/verbatimRuns';
import type { HashedWords, WordRun } from '../../src/core/match/verbatimRuns';
import { lcsLength, lcsLengthIn } from '../../src/core/util/lcs';
import { fnv1aHash } from '../../src/core/hash';

/** The words with hashes by `hash`, laid out as in the grams, in one buffer after `pad` unused integers: hashes, positions sorted by hash, their hashes. */
function hashed(words: readonly string[], hash: (w: string) => number, pad: number): HashedWords {
  const n = words.length;
  const buf = new Int32Array(pad + 3 * n).fill(-7);
  const order = words.map((_, i) => i).sort((x, y) => hash(words[x]) - hash(words[y]) || x - y);
  words.forEach((w, i) => (buf[pad + i] = hash(w)));
  order.forEach((p, k) => ((buf[pad + n + k] = p), (buf[pad + 2 * n + k] = hash(words[p]))));
  return { words, buf, hashAt: pad, orderAt: pad + n, sortedAt: pad + 2 * n };
}

/** What the scorer measures (sparseRunsAndCommon), words hashed by FNV-1a as in the grams. */
const fnv = (w: string): number => fnv1aHash(w) | 0;
const measured = (a: readonly string[], b: readonly string[], min: number) => sparseRunsAndCommon(hashed(a, fnv, 0), hashed(b, fnv, 0), min);
const commonRuns = (a: readonly string[], b: readonly string[], min: number): WordRun[] => measured(a, b, min).runs;

/**
 * The definition, from the full table: every maximal run of at least `min` equal words, longest
 * first (then by a, then b), kept when it overlaps none kept before it on either side, in order of
 * A; and the textbook longest common subsequence.
 */
function referenceRunsAndCommon(a: readonly string[], b: readonly string[], min: number): { runs: WordRun[]; common: number } {
  const suffix = (i: number, j: number): number => {
    let k = 0;
    while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
    return k;
  };
  const found: WordRun[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const maximal = i === 0 || j === 0 || a[i - 1] !== b[j - 1];
      const length = suffix(i, j);
      if (maximal && length >= min) found.push({ a: i, b: j, length });
    }
  }
  found.sort((x, y) => y.length - x.length || x.a - y.a || x.b - y.b);
  const takenA = new Set<number>();
  const takenB = new Set<number>();
  const runs: WordRun[] = [];
  for (const r of found) {
    const cells = Array.from({ length: r.length }, (_, k) => k);
    if (cells.some((k) => takenA.has(r.a + k) || takenB.has(r.b + k))) continue;
    for (const k of cells) {
      takenA.add(r.a + k);
      takenB.add(r.b + k);
    }
    runs.push(r);
  }
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) t[i][j] = a[i - 1] === b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
  return { runs: runs.sort((x, y) => x.a - y.a), common: t[a.length][b.length] };
}

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

  it('measures it the same on typed arrays, call after call of any lengths (its rows are reused)', () => {
    /** The textbook table, a fresh one per call. */
    const naive = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
      const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) t[i][j] = a[i - 1] === b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
      return t[a.length][b.length];
    };
    let x = 7;
    const next = (n: number) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n;
    // Long pairs first, then short ones: a row left over from a longer call must not leak into a shorter one.
    for (const size of [90, 3, 40, 1, 70, 5, 12]) {
      for (let k = 0; k < 20; k++) {
        const a = Int32Array.from({ length: next(size + 1) }, () => next(5));
        const b = Int32Array.from({ length: next(size + 1) }, () => next(5));
        assert.strictEqual(lcsLength(a, b), naive(a, b));
        assert.strictEqual(lcsLength(Array.from(a), Array.from(b)), naive(a, b));
        // The same stretches read in place inside larger arrays.
        const xs = Int32Array.from([9, 9, ...a, 8]);
        const ys = Int32Array.from([7, ...b, 6, 6]);
        assert.strictEqual(lcsLengthIn(xs, 2, a.length, ys, 1, b.length), naive(a, b));
      }
    }
  });
});

describe('runs and common subsequence from the matches', () => {
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

  it('gives the runs and length of the full table from the matches only (sparseRunsAndCommon), colliding hashes too', () => {
    const exact = (w: string) => Number(w.slice(1));
    const colliding = (w: string) => Number(w.slice(1)) % 3;
    for (let seed = 1; seed <= 300; seed++) {
      const [a, b] = sequences(seed);
      for (const min of [1, 2, 6]) {
        const reference = referenceRunsAndCommon(a, b, min);
        for (const hash of [exact, colliding]) {
          assert.deepStrictEqual(sparseRunsAndCommon(hashed(a, hash, 3), hashed(b, hash, 5), min), reference, `seed ${seed} min ${min}`);
        }
      }
    }
  });

  it('stands the runs in for the subsequence above the table bound', () => {
    const a = Array.from({ length: 600 }, (_, k) => `a${k}`);
    const b = [...Array.from({ length: 500 }, (_, k) => `b${k}`), ...a.slice(100, 130)];
    assert.deepStrictEqual(measured(a, b, 6), { runs: [{ a: 100, b: 500, length: 30 }], common: 30 });
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

  it('finds the runs of very long sentences from seeds keyed by word ids, building no string per position', () => {
    // The seeds as first defined: the first position in a of each joined min-word gram.
    const byStrings = (a: readonly string[], b: readonly string[], min: number) => {
      const seeds = new Map<string, number>();
      for (let i = 0; i + min <= a.length; i++) if (!seeds.has(a.slice(i, i + min).join(' '))) seeds.set(a.slice(i, i + min).join(' '), i);
      const runs: { a: number; b: number; length: number }[] = [];
      const taken = new Uint8Array(a.length);
      for (let j = 0; j + min <= b.length; j++) {
        const i = seeds.get(b.slice(j, j + min).join(' '));
        if (i === undefined || taken[i]) continue;
        let len = min;
        while (i + len < a.length && j + len < b.length && a[i + len] === b[j + len] && !taken[i + len]) len++;
        taken.fill(1, i, i + len);
        runs.push({ a: i, b: j, length: len });
        j += len - 1;
      }
      return runs.sort((x, y) => x.a - y.a);
    };
    let s = 3;
    const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const base = Array.from({ length: 1200 }, () => `w${Math.floor(rand() * 12)}`);
    const edit = () => base.map((w) => (rand() < 0.1 ? `w${Math.floor(rand() * 12)}` : w));
    const [a, b] = [edit(), edit()];
    const join = Array.prototype.join;
    let joins = 0;
    Array.prototype.join = function (this: unknown[], sep?: string): string {
      joins++;
      return join.call(this, sep);
    };
    let runs: unknown;
    try {
      runs = commonRuns(a, b, 3);
    } finally {
      Array.prototype.join = join;
    }
    assert.deepStrictEqual(runs, byStrings(a, b, 3));
    assert.ok(joins < 100, `${joins} strings joined for ${a.length} + ${b.length} words`);
  });
});

