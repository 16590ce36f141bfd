/**
 * The paraphrase model: weights of a logistic regression over the scorer's evidence
 * (sentenceScore.ts: pairEvidence, EVIDENCE_NAMES order), so that paraphraseProbability(e) ≥ 0.5 is
 * the shipped default verdict (`parallax.paraphraseThreshold` 0.5).
 *
 * Fitted on MRPC train (../shared/eval/mrpc_train.tsv, 4,076 labelled news sentence pairs; IDF
 * weights over the file's own sentences, as `parallax score` computes them) by Newton's method with an
 * L2 penalty of 1; the bias is then moved so that the threshold with the best accuracy on train (0.47)
 * sits at 0.5. Refit: `npx tsc -p tsconfig.test.json && node out/bench/paraphraseFit.js`.
 * 10-fold cross-validation of the same recipe: accuracy 0.754, F1 0.829; the shipped model on all of
 * train: accuracy 0.760, F1 0.835 (test/unit/mrpcEval.test.ts).
 */
export const PARAPHRASE_MODEL = {
  bias: -3.84,
  weights: [
    -0.8866, // overlap
    0.4936, // containMin
    1.4132, // containMax
    3.7076, // editSimilarity
    0.762, // lcsShorter
    1.465, // lengthRatio
    -0.0249, // lengthGap
    -0.689, // runShare
    1.2455, // bigramMin
    -2.4619, // bigramMax
    -0.9641, // trigramMin
    -0.6404, // numberMismatch
    0.4584, // nameMismatch
    0.0716, // unmatchedMax
    -0.1096, // unmatchedMin
    1.1637, // synonymShare
    4.7584, // charTrigrams
    -1.157, // extraClause
  ],
} as const;
