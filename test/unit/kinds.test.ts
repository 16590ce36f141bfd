import * as assert from 'assert';
import { byStrength, isStronger, KIND_SIGN, kindRank, MATCH_KINDS } from '../../src/presentation/kinds';
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
