/**
 * The paraphrase model: weights of a logistic regression over the scorer's evidence
 * (sentenceScore.ts: pairEvidence, EVIDENCE_NAMES order), so that paraphraseProbability(e) ≥ 0.5 is
 * the shipped default verdict (`parallax.paraphraseThreshold` 0.5).
 *
 * Fitted on MRPC train (../shared/eval/mrpc_train.tsv, 4,076 labelled news sentence pairs; IDF
 * weights over the file's own sentences, as `parallax score` computes them) by Newton's method with an
 * L2 penalty of 0.1; the bias is then moved so that the threshold with the best accuracy on train (0.56)
 * sits at 0.5. Refit: `npx tsc -p tsconfig.test.json && node out/bench/paraphraseFit.js`.
 * 10-fold cross-validation of the same recipe: accuracy 0.781, F1 0.840 (fold thresholds 0.53–0.58);
 * the shipped model through `parallax score` on all of train: accuracy 0.784, F1 0.843
 * (test/unit/mrpcEval.test.ts). The last 8 inputs come from the word alignment (pairAlignment.ts).
 */
export const PARAPHRASE_MODEL = {
  bias: -1.5803,
  weights: [
    -1.7955, // overlap
    1.7378, // containMin
    1.2189, // containMax
    2.4825, // editSimilarity
    -1.1467, // lcsShorter
    -2.8399, // lengthRatio
    0.3025, // lengthGap
    0.0065, // runShare
    2.9777, // bigramMin
    1.4149, // bigramMax
    -0.9401, // trigramMin
    -0.6496, // numberMismatch
    0.3119, // nameMismatch
    1.0104, // unmatchedMax
    -0.3283, // unmatchedMin
    0.7733, // synonymShare
    4.0338, // charTrigrams
    -0.8582, // extraClause
    -1.1574, // negationMismatch
    0.0987, // unigramMin
    -3.0508, // unigramMax
    0.5387, // fourgramMin
    -1.0725, // fourgramMax
    6.3192, // pairedMin
    -0.4297, // unpairedMax
    -0.6013, // unpairedOtherLonger
    0.1214, // namesMissingLonger
    -0.4341, // namesMissingShorter
    -1.9096, // keyBigramMax
    -5.3227, // maskedBigramMax
    3.9126, // maskedEdit
    0.2437, // reportingUnpaired
  ],
} as const;
