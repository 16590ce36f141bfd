import * as assert from 'assert';
import { prng } from '../../bench/prng';
import { MAX_CANDIDATES, MAX_SCAN, quoteCandidates, quoteKeys } from '../../src/core/match/quoteCandidates';
import type { QuoteInfo } from '../../src/core/match/quoteWording';

/** A quote that only carries index keys (its meaning's keys): all quoteCandidates reads of it. */
function keyedQuote(keys: readonly string[]): QuoteInfo {
  const shape = { meaning: { units: [], keys: new Set(keys) }, speakerKey: null, sentence: new Set<string>(), stems: new Set(keys) };
  // The index reads only these fields; the rest of a QuoteInfo is grouping's business.
  return shape as unknown as QuoteInfo;
}

/**
 * The scan as first written: every entry of every list read one by one within the budget, each
 * quote touched counted, the touched sorted by count (ties in scan order), those sharing enough kept.
 */
function plainCandidates(infos: readonly QuoteInfo[]): number[][] {
  const keys = infos.map(quoteKeys);
  const df = new Map<string, number>();
  for (const ks of keys) for (const k of ks) df.set(k, (df.get(k) ?? 0) + 1);
  const rarest = keys.map((ks) => [...ks].sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0) || (x < y ? -1 : x > y ? 1 : 0)));
  const postings = new Map<string, number[]>();
  return rarest.map((ks, i) => {
    const count = new Map<number, number>();
    let budget = MAX_SCAN;
    for (const k of ks) {
      const list = postings.get(k) ?? [];
      for (let p = list.length - 1; p >= 0 && budget > 0; p--, budget--) count.set(list[p], (count.get(list[p]) ?? 0) + 1);
      if (budget === 0) break;
    }
    for (const k of ks) {
      const list = postings.get(k);
      if (list === undefined) postings.set(k, [i]);
      else list.push(i);
    }
    const ranked = [...count].sort((x, y) => y[1] - x[1]);
    return ranked.filter(([j, c]) => c >= Math.min(2, ks.length, keys[j].length)).slice(0, MAX_CANDIDATES).map(([j]) => j);
  });
}

describe('quote candidates: the scan', () => {
  it('finds what reading every list entry by entry finds, when a common key\u2019s list outruns the budget', () => {
    // A few very common keys (lists longer than MAX_SCAN), many rare ones, and quotes of one key
    // (the only ones a list read in part can add): every way a scan can end.
    const rand = prng(8);
    const pick = (): string => (rand() < 0.6 ? `common${Math.floor(rand() * 4)}` : `rare${Math.floor(rand() * 400)}`);
    const infos = Array.from({ length: 2500 }, () => keyedQuote(Array.from({ length: 1 + Math.floor(rand() * 4) }, pick)));
    const index = quoteCandidates(infos);
    const plain = plainCandidates(infos);
    let windowed = 0;
    infos.forEach((_, i) => {
      assert.deepStrictEqual(index.candidatesOf(i), plain[i], `quote ${i}`);
      if (plain[i].length > 0 && i > 4 * MAX_SCAN) windowed++;
    });
    assert.ok(windowed > 300, `${windowed} quotes with candidates after the lists outran the budget`);
  });

  it('reads long quotes’ keys rarest first as well (lists of more than 16 keys are sorted another way)', () => {
    const rand = prng(9);
    const pick = (): string => `k${Math.floor(rand() * rand() * 300)}`;
    const infos = Array.from({ length: 1500 }, () => keyedQuote(Array.from({ length: rand() < 0.3 ? 17 + Math.floor(rand() * 30) : 1 + Math.floor(rand() * 5) }, pick)));
    const index = quoteCandidates(infos);
    const plain = plainCandidates(infos);
    infos.forEach((_, i) => assert.deepStrictEqual(index.candidatesOf(i), plain[i], `quote ${i}`));
  });
});
