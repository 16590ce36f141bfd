/**
 * The paraphrase model: weights of a logistic regression over the scorer's evidence
 * (sentenceScore.ts: pairEvidence, EVIDENCE_NAMES order), so that paraphraseProbability(e) ≥ 0.5 is
 * the shipped default verdict (`parallax.paraphraseThreshold` 0.5).
 *
 * Fitted on MRPC train (../shared/eval/mrpc_train.tsv, 4,076 labelled news sentence pairs; IDF
 * weights over the file's own sentences, as `parallax score` computes them) by Newton's method with an
 * L2 penalty of 1; the bias is then moved so that the threshold with the best accuracy on train (0.47)
 * sits at 0.5. Refit: `npx tsc -p tsconfig.test.json && node out/bench/paraphraseFit.js`.
 * 10-fold cross-validation of the same recipe: accuracy 0.767, F1 0.838; the shipped model on all of
 * train: accuracy 0.770, F1 0.841 (test/unit/mrpcEval.test.ts).
 */
export const PARAPHRASE_MODEL = {
  bias: -3.4449,
  weights: [
    -0.9489, // overlap
    0.3798, // containMin
    1.3977, // containMax
    2.9102, // editSimilarity
    0.6462, // lcsShorter
    1.0343, // lengthRatio
    0.0227, // lengthGap
    -0.1091, // runShare
    0.6504, // bigramMin
    -2.1448, // bigramMax
    -0.1654, // trigramMin
    -0.6964, // numberMismatch
    0.4254, // nameMismatch
    0.0192, // unmatchedMax
    -0.161, // unmatchedMin
    1.0845, // synonymShare
    3.8885, // charTrigrams
    -1.1005, // extraClause
    -1.2403, // negationMismatch
    2.2827, // unigramMin
    0.0104, // unigramMax
    0.7355, // fourgramMin
    -1.9574, // fourgramMax
  ],
} as const;
