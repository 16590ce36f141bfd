import * as assert from 'assert';
import { byStrength, isStronger, KIND_SIGN, kindRank, MATCH_KINDS, strongestPerArticle } from '../../src/presentation/kinds';
import type { MatchKind } from '../../src/core/model';

describe('match kinds', () => {
  it('orders kinds strongest first, and sorts any list that way', () => {
    assert.deepStrictEqual(MATCH_KINDS, ['verbatim', 'near-verbatim', 'paraphrase']);
    const shuffled: MatchKind[] = ['paraphrase', 'verbatim', 'near-verbatim'];
    assert.deepStrictEqual(shuffled.sort(byStrength), MATCH_KINDS);
    assert.ok(kindRank('verbatim') > kindRank('near-verbatim') && kindRank('near-verbatim') > kindRank('paraphrase'));
  });

  it('gives each kind its own sign', () => {
    assert.deepStrictEqual(MATCH_KINDS.map((k) => KIND_SIGN[k]), ['=', '≃', '≈']);
  });

  it('calls a match stronger by kind first, then by score', () => {
    assert.ok(isStronger({ kind: 'verbatim', score: 0.1 }, { kind: 'paraphrase', score: 0.99 }));
    assert.ok(isStronger({ kind: 'paraphrase', score: 0.8 }, { kind: 'paraphrase', score: 0.7 }));
    assert.ok(!isStronger({ kind: 'paraphrase', score: 0.7 }, { kind: 'paraphrase', score: 0.7 }));
    assert.ok(!isStronger({ kind: 'near-verbatim', score: 1 }, { kind: 'verbatim', score: 0.5 }));
  });
});

describe('strongestPerArticle', () => {
  const m = (article: number, kind: MatchKind, score: number) => ({ match: { kind, score }, other: { article } });

  it('keeps one entry per other article: the strongest kind, then the highest score', () => {
    const best = strongestPerArticle([m(1, 'paraphrase', 0.9), m(2, 'near-verbatim', 0.8), m(1, 'verbatim', 0.3), m(2, 'near-verbatim', 0.95), m(1, 'near-verbatim', 1)]);
    assert.deepStrictEqual([...best.keys()].sort(), [1, 2]);
    assert.deepStrictEqual(best.get(1)?.match, { kind: 'verbatim', score: 0.3 });
    assert.deepStrictEqual(best.get(2)?.match, { kind: 'near-verbatim', score: 0.95 });
  });

  it('is empty for no matches', () => {
    assert.strictEqual(strongestPerArticle([]).size, 0);
  });
});
