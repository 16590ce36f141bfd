import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { scorePairs } from '../../src/cli/scoreCommand';
import { analyzeBundle } from '../../src/core/analyze';
import { bestThreshold, crossValidate, evidenceRows, fitLogistic, pairFeatures, probability, readMrpc, scoresOf } from '../../bench/paraphraseFit';
import { pairEvidence, pairRunsAndCommon } from '../../src/core/match/sentenceScore';
import { sentenceGrams } from '../../src/core/match/sentenceGrams';
import { repoRoot } from './paths';

/**
 * MRPC train (../shared/eval/mrpc_train.tsv, 4,076 labelled news sentence pairs): a pair is called a
 * paraphrase when `parallax score` gives it a kind other than `none`. Two figures: 10-fold
 * cross-validation of the model's recipe (weights and threshold fitted on 9 folds, tested on the
 * 10th), and the shipped default (paraphraseModel.ts, threshold 0.5) through the score command itself.
 * Floors sit slightly under what is reached, so a regression fails. Target (issue 9): accuracy ≥ 0.78.
 */
const MRPC = path.resolve(repoRoot, '..', 'shared', 'eval', 'mrpc_train.tsv');

/**
 * Before the paraphrase model (TF-IDF-like overlap, verbatim for any six-word run): accuracy 0.704, F1 0.808.
 * Reached with the word alignment (pairAlignment.ts): CV accuracy 0.781, F1 0.840; shipped 0.784, F1 0.843.
 */
const FLOORS = { cvAccuracy: 0.78, cvF1: 0.835, shippedAccuracy: 0.78, shippedF1: 0.84 };

describe('MRPC train: paraphrase verdicts (issue 9 §4)', function () {
  this.timeout(120000);
  const pairs = fs.existsSync(MRPC) ? readMrpc(MRPC) : [];

  before(function () {
    if (pairs.length === 0) this.skip();
  });

  it('reads all 4,076 pairs with quoting off', () => {
    assert.strictEqual(pairs.length, 4076);
    assert.strictEqual(pairs.filter((p) => p.label === 1).length, 2753);
  });

  it('10-fold cross-validation: weights and threshold chosen on 9 folds, tested on the 10th', () => {
    const X = evidenceRows(pairs);
    const y = pairs.map((p) => p.label);
    const cv = crossValidate(X, y, 10);
    console.log(`      MRPC 10-fold CV: accuracy ${cv.accuracy.toFixed(4)}, F1 ${cv.f1.toFixed(4)}; thresholds ${cv.thresholds.join(' ')}`);
    assert.ok(cv.accuracy >= FLOORS.cvAccuracy, `CV accuracy ${cv.accuracy}`);
    assert.ok(cv.f1 >= FLOORS.cvF1, `CV F1 ${cv.f1}`);
    // The recipe is not a constant: a model fitted on shuffled labels is no better than the majority class.
    const shuffled = y.map((_, i) => y[(i * 7919) % y.length]);
    const m = fitLogistic(X, shuffled);
    const t = bestThreshold(X.map((x) => probability(m, x)), shuffled);
    const chance = scoresOf(X.map((x) => probability(m, x) >= t), y);
    assert.ok(chance.accuracy < 0.7, `shuffled-label model ${chance.accuracy}`);
  });

  it('the shipped default (threshold 0.5) through `parallax score`', () => {
    const scored = scorePairs(pairs.map((p) => [p.a, p.b] as const));
    const s = scoresOf(scored.map((r) => r.kind !== 'none'), pairs.map((p) => p.label));
    const kinds = new Map<string, number>();
    for (const r of scored) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    console.log(`      MRPC shipped default (threshold 0.5): accuracy ${s.accuracy.toFixed(4)}, F1 ${s.f1.toFixed(4)}; kinds ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    assert.ok(s.accuracy >= FLOORS.shippedAccuracy, `accuracy ${s.accuracy}`);
    assert.ok(s.f1 >= FLOORS.shippedF1, `F1 ${s.f1}`);
    // Scores agree with kinds: a pair is a match exactly when its score reaches the threshold.
    for (const r of scored) assert.strictEqual(r.kind !== 'none', r.score >= 0.5, JSON.stringify(r));
  });

  it('`score` and `analyze` give a pair the same verdict (each sentence as an article)', () => {
    // Word weights differ (the whole file vs the two articles) and analyze may split a sentence in
    // two, so a few verdicts near the threshold can differ; the verbatim rule is the same.
    const sample = pairs.slice(0, 300);
    const scored = scorePairs(sample.map((p) => [p.a, p.b] as const));
    let agree = 0;
    sample.forEach((p, k) => {
      const matched = analyzeBundle([{ name: 'a', text: p.a }, { name: 'b', text: p.b }]).matches.length > 0;
      if (matched === (scored[k].kind !== 'none')) agree++;
    });
    console.log(`      score vs analyze on ${sample.length} MRPC pairs: same verdict for ${agree}`);
    assert.ok(agree >= 0.97 * sample.length, `${agree} of ${sample.length}`);
  });
});

describe('paraphrase evidence: negation and n-gram precision', () => {
  const evidence = (a: string, b: string) => {
    const { sides, weight } = pairFeatures([[a, b]]);
    const [fa, fb] = sides[0];
    const { runs, common } = pairRunsAndCommon(fa, fb, sentenceGrams(fa), sentenceGrams(fb), 6);
    return pairEvidence(fa, fb, weight, runs, common);
  };

  it('marks a pair where one sentence denies what the other asserts', () => {
    assert.strictEqual(evidence('The minister said the deal will pass this week.', "The minister said the deal won't pass this week.").negationMismatch, 1);
    assert.strictEqual(evidence('The deal will not pass.', 'The deal will never pass.').negationMismatch, 0);
    assert.strictEqual(evidence('The deal will pass.', 'Lawmakers expect the deal to pass.').negationMismatch, 0);
  });

  it('measures word unigram and 4-gram precision both ways (the shorter side is contained)', () => {
    const e = evidence('The central bank raised rates on Tuesday.', 'The central bank raised rates on Tuesday, surprising markets across the region.');
    assert.strictEqual(e.unigramMax, 1);
    assert.ok(e.unigramMin > 0.3 && e.unigramMin < 1, String(e.unigramMin));
    assert.strictEqual(e.fourgramMax, 1);
    assert.ok(e.fourgramMin < e.fourgramMax);
  });
});
