import * as assert from 'assert';
import { prng } from '../../bench/prng';
import { candidateArticlePairs, continueCandidates, newCandidateSearch } from '../../src/core/match/shingleIndex';
import { newTally } from '../../src/core/match/limits';
import { stopAfterEveryUnit } from './everyUnit';

describe('candidate article pairs', () => {
  it('compares every pair of a small bundle', () => {
    assert.deepStrictEqual(candidateArticlePairs([[[1]], [[2]], [[3]]]), [[0, 1], [0, 2], [1, 2]]);
  });

  it('in a large bundle, keeps only pairs with a sentence pair sharing two rare shingles', () => {
    const n = 40;
    // Shingle hashes: 1000+ are each article's own, 7 is common to all, 1 and 2 are rare.
    const articles: number[][][] = [];
    for (let a = 0; a < n; a++) articles.push([[1000 + 2 * a, 1001 + 2 * a, 7]]);
    articles[3][0].push(1, 2);
    articles[17].push([1, 2]);
    articles[5].push([1]);
    assert.deepStrictEqual(candidateArticlePairs(articles), [[3, 17]]);
  });

  it('finds the same pairs and counts when stopped after every unit and resumed, however small the units', () => {
    const random = prng(8);
    // 60 articles of 5 sentences of 6 shingles over 400 values: chance sharing, and a few common values.
    const articles = Array.from({ length: 60 }, () => Array.from({ length: 5 }, () => Array.from({ length: 6 }, () => (random() < 0.05 ? 7 : Math.floor(random() * 400)))));
    const tally = newTally();
    const whole = candidateArticlePairs(articles, undefined, tally);
    assert.ok(whole.length > 10 && tally.commonShingles > 0, `${whole.length} pairs, ${tally.commonShingles} common shingles`);
    const resumedTally = newTally();
    const search = newCandidateSearch(articles, resumedTally, { articles: 3, items: 17, buckets: 5, pairs: 7, sentences: 4 });
    const { result, attempts } = stopAfterEveryUnit(() => search.units, (token) => continueCandidates(search, token));
    assert.deepStrictEqual(result, whole);
    assert.deepStrictEqual(resumedTally, tally);
    assert.ok(attempts > 100, `stopped ${attempts} times`);
  });
});

