/**
 * The paraphrase model: weights of a logistic regression over the scorer's evidence
 * (sentenceScore.ts: pairEvidence, EVIDENCE_NAMES order), so that paraphraseProbability(e) ≥ 0.5 is
 * the shipped default verdict (`parallax.paraphraseThreshold` 0.5).
 *
 * Fitted on MRPC train (../shared/eval/mrpc_train.tsv, 4,076 labelled news sentence pairs; IDF
 * weights over the file's own sentences, as `parallax score` computes them) by Newton's method with an
 * L2 penalty of 1; the bias is then moved so that the threshold with the best accuracy on train (0.47)
 * sits at 0.5. Refit: `npx tsc -p tsconfig.test.json && node out/bench/paraphraseFit.js`.
 * 10-fold cross-validation of the same recipe: accuracy 0.755, F1 0.831 (test/unit/mrpcEval.test.ts).
 */
export const PARAPHRASE_MODEL = {
  bias: -3.8405,
  weights: [
    -0.8852, // overlap
    0.4922, // containMin
    1.413, // containMax
    3.7072, // editSimilarity
    0.7619, // lcsShorter
    1.4653, // lengthRatio
    -0.0248, // lengthGap
    -0.6892, // runShare
    1.2454, // bigramMin
    -2.4616, // bigramMax
    -0.9637, // trigramMin
    -0.6398, // numberMismatch
    0.4581, // nameMismatch
    0.0714, // unmatchedMax
    -0.1096, // unmatchedMin
    1.1638, // synonymShare
    4.7587, // charTrigrams
    -1.1567, // extraClause
  ],
} as const;
