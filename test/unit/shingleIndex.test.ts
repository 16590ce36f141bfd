import * as assert from 'assert';
import { candidateArticlePairs } from '../../src/core/match/shingleIndex';

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
});
