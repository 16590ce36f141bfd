import * as assert from 'assert';
import { articleFeatures } from '../../src/core/match/articleFeatures';
import { compareArticles } from '../../src/core/match/documentPair';
import { monotoneChain } from '../../src/core/match/alignment';
import { commonRuns, lcsLength } from '../../src/core/match/verbatimRuns';
import { contentKey, stemWord } from '../../src/core/match/lexicon';
import { candidateArticlePairs } from '../../src/core/match/shingleIndex';
import { summarizeSources } from '../../src/core/match/coverage';
import { splitSentences } from '../../src/core/text/sentences';
import { fnv1a, contentHash } from '../../src/core/hash';
import { scorePairs } from '../../src/cli/scoreCommand';

const options = { minSharedWords: 6, paraphraseThreshold: 0.5 };
const features = (text: string) => articleFeatures(text, splitSentences(text), []);

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

describe('lexicon', () => {
  it('stems inflections together and maps synonyms to one key', () => {
    assert.strictEqual(stemWord('negotiations'), stemWord('negotiate'));
    assert.strictEqual(stemWord('discussing'), stemWord('discussed'));
    assert.strictEqual(contentKey('talks'), contentKey('negotiations'));
    assert.strictEqual(contentKey('bolster'), contentKey('strengthen'));
    assert.strictEqual(contentKey('the'), null);
    assert.notStrictEqual(contentKey('pumps'), contentKey('wall'));
  });
});

describe('sentence pairs and document alignment', () => {
  const original = 'The storm destroyed the harbor wall on Monday night. Officials estimated the repairs at 40 million euros. ' +
    'The mayor asked the government for emergency funding. Fishermen said their boats were badly damaged.';
  const rewrite = 'On Monday night the storm wrecked the wall of the harbor. The mayor requested emergency money from the government. ' +
    'Repairs were estimated by officials at 40 million euros. Fishermen reported heavy damage to their boats.';
  const unrelated = 'The football club signed a new striker from Brazil. Ticket prices will rise next season, the club said.';

  it('links a rewrite sentence by sentence, including a moved sentence', () => {
    const links = compareArticles(features(original), features(rewrite), options);
    const pairs = links.map((l) => `${l.i}-${l.j}`).sort();
    assert.deepStrictEqual(pairs, ['0-0', '1-2', '2-1', '3-3']);
    assert.ok(links.every((l) => l.score > 0 && l.score <= 1));
  });

  it('finds nothing between unrelated articles', () => {
    assert.deepStrictEqual(compareArticles(features(original), features(unrelated), options), []);
  });

  it('calls a copied sentence verbatim and a lightly edited one near-verbatim', () => {
    const copy = 'A reporter wrote that the mayor asked the government for emergency funding on Tuesday.';
    const verbatim = compareArticles(features(original), features(copy), options);
    assert.strictEqual(verbatim.length, 1);
    assert.strictEqual(verbatim[0].kind, 'verbatim');
    assert.ok(verbatim[0].runs[0].length >= 6);
    const edited = compareArticles(features('Officials estimated the repairs at about 40 million euros.'), features(original), options);
    assert.strictEqual(edited[0].kind, 'near-verbatim');
  });

  it('aligns one sentence with the two halves it was split into', () => {
    const whole = 'The minister promised new pumps for the flooded delta, and she warned that the dikes would not hold another winter.';
    const split = 'The minister promised new pumps for the flooded delta. She warned that the dikes would not hold another winter.';
    const links = compareArticles(features(`Intro about weather today. ${whole} Closing remark about ferries.`), features(split), options);
    assert.deepStrictEqual(links.map((l) => `${l.i}-${l.j}`), ['1-0', '1-1']);
  });

  it('monotoneChain keeps the heaviest in-order chain, with 1–2 nodes', () => {
    const chain = monotoneChain([
      { i0: 0, i1: 0, j0: 0, j1: 0, weight: 1 },
      { i0: 1, i1: 1, j0: 0, j1: 0, weight: 0.5 },
      { i0: 1, i1: 1, j0: 1, j1: 2, weight: 2 },
      { i0: 2, i1: 2, j0: 1, j1: 1, weight: 0.5 },
      { i0: 3, i1: 3, j0: 3, j1: 3, weight: -1 },
    ]);
    assert.deepStrictEqual(chain, [0, 2]);
  });
});

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

describe('coverage', () => {
  it('reports unique share, covered sentences and order', () => {
    const sources = summarizeSources(['a', 'b', 'c'], [4, 2, 3], [
      { a: 0, b: 1, links: [{ i: 0, j: 0 }, { i: 2, j: 1 }] },
      { a: 0, b: 2, links: [{ i: 1, j: 2 }, { i: 3, j: 0 }] },
    ]);
    assert.strictEqual(sources[0].uniqueShare, 0);
    assert.deepStrictEqual(sources[0].covers.map((c) => [c.article, c.covered, c.inOrder]), [[1, 2, true], [2, 2, false]]);
    assert.strictEqual(sources[1].uniqueShare, 0);
    assert.ok(Math.abs(sources[2].uniqueShare - 1 / 3) < 1e-9);
  });
});

describe('hash', () => {
  it('is stable and sensitive to every character', () => {
    assert.strictEqual(fnv1a(''), '811c9dc5');
    assert.strictEqual(fnv1a('a'), 'e40c292c');
    assert.notStrictEqual(contentHash('ab'), contentHash('ba'));
    assert.strictEqual(contentHash('same text'), contentHash('same text'));
  });
});

describe('scorePairs (parallax score)', () => {
  it('ranks a paraphrase above an unrelated pair and calls a copy verbatim', () => {
    const [copy, para, none] = scorePairs([
      ['The cat sat on the mat by the door.', 'The cat sat on the mat by the door.'],
      ['The president met allies in Brussels on Tuesday.', 'On Tuesday the president held talks with allies in Brussels.'],
      ['It rained all day in the hills.', 'Stocks fell sharply on Wall Street.'],
    ]);
    assert.strictEqual(copy.kind, 'verbatim');
    assert.strictEqual(copy.score, 1);
    assert.ok(para.score > 0.5 && para.kind !== 'none', JSON.stringify(para));
    assert.deepStrictEqual(none, { score: 0, kind: 'none' });
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
