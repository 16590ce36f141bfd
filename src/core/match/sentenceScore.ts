import type { MatchKind } from '../model';
import type { SentenceFeatures } from './articleFeatures';
import { commonRuns, lcsLength, MAX_CELLS } from './verbatimRuns';
import type { WordRun } from './verbatimRuns';
import { sameQuantity } from './numbers';
import { charDice, gramPrecision, sentenceGrams } from './sentenceGrams';
import { PARAPHRASE_MODEL } from './paraphraseModel';
import { alignWords, bigramShapes, maskedEditSimilarity, missingNames } from './pairAlignment';
import type { AlignmentEvidence } from './pairAlignment';

/** How much a word weighs in a pair of sentences: rarer in the two articles, heavier. */
export type KeyWeight = (key: string) => number;

export interface PairScore {
  /** Similarity in [0, 1]. */
  readonly score: number;
  readonly kind: MatchKind | null;
  /** Verbatim runs (word indices into the two sentences). */
  readonly runs: readonly WordRun[];
  /** Weighted overlap of content words (the paraphrase evidence), in [0, 1]. */
  readonly overlap: number;
  /** Longest common subsequence of all words over the longer sentence, in [0, 1]. */
  readonly editSimilarity: number;
  /** Probability that the two sentences say the same thing (paraphraseModel.ts), in [0, 1]. */
  readonly paraphrase: number;
}

export interface ScoreOptions {
  readonly minSharedWords: number;
  readonly paraphraseThreshold: number;
}

/** Edit similarity from which two sentences count as the same sentence with small edits. */
export const NEAR_VERBATIM_EDIT = 0.6;
/**
 * Share of the shorter sentence's words that shared runs must cover for the pair to be verbatim: one
 * sentence carried nearly whole by the other (the match then spans the runs), not one six-word run
 * inside an edited sentence.
 */
export const VERBATIM_COVER = 0.8;
/**
 * A run this long is a passage copied word for word even when the sentences around it differ (web
 * text whose lines run on without sentence punctuation): verbatim, and the match spans the run.
 */
export const VERBATIM_PASSAGE_WORDS = 20;
/** How far under the threshold the score of a pair that is not a match stays. */
const UNDER_THRESHOLD = 0.001;
const NO_SENSES: readonly number[] = [];
/** Credit for a content word matched only through a synonym ("rushed"/"hurried"). */
const SYNONYM_CREDIT = 0.8;
/** Names and numbers say what a sentence is about: they weigh more than other words. */
const SALIENT_BOOST = 1.6;
/** Reporting verbs say who speaks, not what is said. */
const REPORTING_WEIGHT = 0.3;

/**
 * A sentence has a few dozen keys, scanned faster than hashed; a "sentence" of text without
 * punctuation has thousands, and scanning them per key made one pair quadratic: those are looked
 * up through a Set built once per list.
 */
const SCAN_KEYS = 64;
const keySets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** list.includes(key), through a Set when the list is long. */
function hasKey(list: readonly string[], key: string): boolean {
  if (list.length <= SCAN_KEYS) return list.includes(key);
  let set = keySets.get(list);
  if (set === undefined) {
    set = new Set(list);
    keySets.set(list, set);
  }
  return set.has(key);
}

/** Weight of one key in one sentence. */
function weightIn(s: SentenceFeatures, key: string, weight: KeyWeight): number {
  const w = weight(key);
  if (hasKey(s.reporting, key)) return w * REPORTING_WEIGHT;
  return hasKey(s.salient, key) ? w * SALIENT_BOOST : w;
}

/**
 * Weighted overlap of the content keys of two groups of sentences (one sentence each, or two on
 * one side when a sentence was split): the Dice coefficient over key weights, tempered by
 * containment so that a short sentence that says a part of a longer one still scores.
 */
export function keyOverlap(a: readonly SentenceFeatures[], b: readonly SentenceFeatures[], weight: KeyWeight): number {
  if (a.length === 1 && b.length === 1) return sentenceOverlap(a[0], b[0], weight);
  const wa = new Map<string, number>();
  const wb = new Map<string, number>();
  for (const s of a) for (const k of s.keys) wa.set(k, Math.max(wa.get(k) ?? 0, weightIn(s, k, weight)));
  for (const s of b) for (const k of s.keys) wb.set(k, Math.max(wb.get(k) ?? 0, weightIn(s, k, weight)));
  let ta = 0;
  let tb = 0;
  let shared = 0;
  for (const [k, w] of wa) {
    ta += w;
    const o = wb.get(k);
    if (o !== undefined) shared += Math.min(w, o);
  }
  for (const w of wb.values()) tb += w;
  if (ta === 0 || tb === 0) return 0;
  const dice = (2 * shared) / (ta + tb);
  const containment = shared / Math.min(ta, tb);
  let score = 0.75 * dice + 0.25 * containment;
  // Different numbers ("27 leaders", "12 leaders") usually mean different facts.
  const na = a.flatMap((s) => s.numbers);
  const nb = b.flatMap((s) => s.numbers);
  if (na.length > 0 && nb.length > 0 && !na.some((x) => nb.includes(x))) score *= 0.7;
  return Math.min(1, score);
}

/** Each side's total key weight and the weight of the keys both carry (the smaller of the two weights). */
function exactKeyWeights(a: SentenceFeatures, b: SentenceFeatures, weight: KeyWeight): { ta: number; tb: number; shared: number } {
  // A sentence has a few dozen keys at most: scanning the other's array beats building Sets per pair.
  let ta = 0;
  let tb = 0;
  let shared = 0;
  for (const k of a.keys) {
    const w = weightIn(a, k, weight);
    ta += w;
    if (hasKey(b.keys, k)) shared += Math.min(w, weightIn(b, k, weight));
  }
  for (const k of b.keys) tb += weightIn(b, k, weight);
  return { ta, tb, shared };
}

/** keyOverlap of one sentence with one sentence: the same sums in the same order, without building Maps (the scorer's hot path). */
function sentenceOverlap(a: SentenceFeatures, b: SentenceFeatures, weight: KeyWeight): number {
  const { ta, tb, shared } = exactKeyWeights(a, b, weight);
  if (ta === 0 || tb === 0) return 0;
  const dice = (2 * shared) / (ta + tb);
  const containment = shared / Math.min(ta, tb);
  let score = 0.75 * dice + 0.25 * containment;
  if (a.numbers.length > 0 && b.numbers.length > 0 && !a.numbers.some((x) => b.numbers.includes(x))) score *= 0.7;
  return Math.min(1, score);
}

/** Share of the key weight of `part` that `whole` also has: is a short sentence a piece of a longer one? */
export function containedShare(part: SentenceFeatures, whole: SentenceFeatures, weight: KeyWeight): number {
  let total = 0;
  let shared = 0;
  for (const k of part.keys) {
    const w = weightIn(part, k, weight);
    total += w;
    if (hasKey(whole.keys, k)) shared += w;
  }
  return total === 0 ? 0 : shared / total;
}

/** What the scorer measures about a sentence pair: the inputs of the paraphrase model (the word alignment's part is AlignmentEvidence). */
export interface PairEvidence extends AlignmentEvidence {
  readonly overlap: number;
  readonly containMin: number;
  readonly containMax: number;
  readonly editSimilarity: number;
  readonly lcsShorter: number;
  readonly lengthRatio: number;
  readonly lengthGap: number;
  readonly runShare: number;
  readonly bigramMin: number;
  readonly bigramMax: number;
  readonly trigramMin: number;
  readonly numberMismatch: number;
  readonly nameMismatch: number;
  readonly unmatchedMax: number;
  readonly unmatchedMin: number;
  readonly synonymShare: number;
  readonly charTrigrams: number;
  readonly extraClause: number;
  /** One sentence carries a negation and the other does not (0 or 1). */
  readonly negationMismatch: number;
  readonly unigramMin: number;
  readonly unigramMax: number;
  readonly fourgramMin: number;
  readonly fourgramMax: number;
  /** log(1 + names of the longer sentence the shorter lacks), and the other way round. */
  readonly namesMissingLonger: number;
  readonly namesMissingShorter: number;
  /** Bigram precision both ways (the larger) over content keys, and over words with numbers masked. */
  readonly keyBigramMax: number;
  readonly maskedBigramMax: number;
  /** editSimilarity with numbers masked: the same sentence about other figures. */
  readonly maskedEdit: number;
}

/** The feature names, in the order of the model's weights. */
export const EVIDENCE_NAMES: readonly (keyof PairEvidence)[] = [
  'overlap', 'containMin', 'containMax', 'editSimilarity', 'lcsShorter', 'lengthRatio', 'lengthGap', 'runShare',
  'bigramMin', 'bigramMax', 'trigramMin', 'numberMismatch', 'nameMismatch', 'unmatchedMax', 'unmatchedMin', 'synonymShare',
  'charTrigrams', 'extraClause', 'negationMismatch', 'unigramMin', 'unigramMax', 'fourgramMin', 'fourgramMax',
  'pairedMin', 'unpairedMax', 'unpairedOtherLonger', 'namesMissingLonger', 'namesMissingShorter', 'keyBigramMax', 'maskedBigramMax',
  'maskedEdit', 'reportingUnpaired',
];

/** Longest stretch of content words of `a` whose keys `b` lacks: a clause one sentence adds. */
function longestAddedStretch(a: SentenceFeatures, b: SentenceFeatures): number {
  let best = 0;
  let run = 0;
  for (const k of sentenceGrams(a).keys) {
    if (k === null) continue;
    run = hasKey(b.keys, k) ? 0 : run + 1;
    best = Math.max(best, run);
  }
  return best;
}

/**
 * Weight of the content keys the two sentences share (exactly, or through a synonym at a discount),
 * and each side's total. Synonyms are tried only between keys left unmatched on both sides.
 */
function sharedWeight(a: SentenceFeatures, b: SentenceFeatures, weight: KeyWeight) {
  const { ta, tb, shared } = exactKeyWeights(a, b, weight);
  const restA = a.keys.filter((k) => !hasKey(b.keys, k));
  const restB = b.keys.filter((k) => !hasKey(a.keys, k));
  let synonym = 0;
  let matched = 0;
  if (restA.length > 0 && restB.length > 0) {
    // Each unmatched key of B by the WordNet senses of its words: one pass per side, never all pairs.
    const sensesA = sentenceGrams(a).senses;
    const sensesB = sentenceGrams(b).senses;
    const bySense = new Map<number, string>();
    for (const k of restB) for (const m of sensesB.get(k) ?? NO_SENSES) if (!bySense.has(m)) bySense.set(m, k);
    const used = new Set<string>();
    for (const ka of restA) {
      let kb: string | undefined;
      for (const m of sensesA.get(ka) ?? NO_SENSES) {
        const k = bySense.get(m);
        if (k !== undefined && !used.has(k)) {
          kb = k;
          break;
        }
      }
      if (kb === undefined) continue;
      used.add(kb);
      matched++;
      synonym += SYNONYM_CREDIT * Math.min(weightIn(a, ka, weight), weightIn(b, kb, weight));
    }
  }
  // Content words left without a counterpart on each side: what one sentence says and the other does not.
  const leftA = restA.length - matched;
  const leftB = restB.length - matched;
  return { ta, tb, shared: shared + synonym, synonym, leftA, leftB };
}

/** Share of the numbers of one side (by value: "twelve" = "12") the other side lacks, when both state numbers. */
function numberMismatch(a: SentenceFeatures, b: SentenceFeatures): number {
  const na = sentenceGrams(a).numbers;
  const nb = sentenceGrams(b).numbers;
  if (na.length === 0 || nb.length === 0) return 0;
  const missing = na.filter((x) => !nb.some((y) => sameQuantity(x, y))).length + nb.filter((y) => !na.some((x) => sameQuantity(x, y))).length;
  return missing / (na.length + nb.length);
}

/** Share of the names (salient words that are not numbers) of both sides that the other side lacks. */
function nameMismatch(a: SentenceFeatures, b: SentenceFeatures): number {
  const names = (s: SentenceFeatures) => s.salient.filter((k) => !STARTS_WITH_DIGIT.test(k));
  const na = names(a);
  const nb = names(b);
  if (na.length + nb.length === 0) return 0;
  // Key arrays are short: scanning them beats building two Sets for every scored pair.
  return (na.filter((k) => !hasKey(b.keys, k)).length + nb.filter((k) => !hasKey(a.keys, k)).length) / (na.length + nb.length);
}
const STARTS_WITH_DIGIT = /^\d/;

/** Measures a sentence pair: lexical overlap (IDF-weighted, synonyms), order, length, numbers, names. */
export function pairEvidence(a: SentenceFeatures, b: SentenceFeatures, weight: KeyWeight, runs: readonly WordRun[], common: number): PairEvidence {
  const longer = Math.max(a.words.length, b.words.length);
  const shorter = Math.min(a.words.length, b.words.length);
  const { ta, tb, shared, synonym, leftA, leftB } = sharedWeight(a, b, weight);
  const ca = ta === 0 ? 0 : Math.min(1, shared / ta);
  const cb = tb === 0 ? 0 : Math.min(1, shared / tb);
  const longest = runs.reduce((n, r) => Math.max(n, r.length), 0);
  const ga = sentenceGrams(a);
  const gb = sentenceGrams(b);
  const bigrams = [gramPrecision(ga.bigrams, gb.bigrams), gramPrecision(gb.bigrams, ga.bigrams)];
  // BLEU-like word n-gram precision both ways: unigrams (all words, function words too) and 4-grams.
  const unigrams = [gramPrecision(ga.unigrams, gb.unigrams), gramPrecision(gb.unigrams, ga.unigrams)];
  const fourgrams = [gramPrecision(ga.fourgrams, gb.fourgrams), gramPrecision(gb.fourgrams, ga.fourgrams)];
  const aligned = alignWords(a, b);
  const names = missingNames(a, b);
  const shapes = bigramShapes(a, b);
  return {
    overlap: keyOverlap([a], [b], weight),
    containMin: Math.min(ca, cb),
    containMax: Math.max(ca, cb),
    editSimilarity: longer === 0 ? 0 : common / longer,
    lcsShorter: shorter === 0 ? 0 : common / shorter,
    lengthRatio: longer === 0 ? 0 : shorter / longer,
    lengthGap: Math.log1p(longer - shorter),
    runShare: shorter === 0 ? 0 : longest / shorter,
    bigramMin: Math.min(...bigrams),
    bigramMax: Math.max(...bigrams),
    trigramMin: Math.min(gramPrecision(ga.trigrams, gb.trigrams), gramPrecision(gb.trigrams, ga.trigrams)),
    numberMismatch: numberMismatch(a, b),
    nameMismatch: nameMismatch(a, b),
    unmatchedMax: Math.log1p(Math.max(leftA, leftB)),
    unmatchedMin: Math.log1p(Math.min(leftA, leftB)),
    synonymShare: shared === 0 ? 0 : synonym / shared,
    charTrigrams: charDice(ga, gb),
    extraClause: Math.log1p(Math.max(longestAddedStretch(a, b), longestAddedStretch(b, a))),
    negationMismatch: ga.negated === gb.negated ? 0 : 1,
    unigramMin: Math.min(...unigrams),
    unigramMax: Math.max(...unigrams),
    fourgramMin: Math.min(...fourgrams),
    fourgramMax: Math.max(...fourgrams),
    pairedMin: aligned.pairedMin,
    unpairedMax: aligned.unpairedMax,
    unpairedOtherLonger: aligned.unpairedOtherLonger,
    namesMissingLonger: names.longer,
    namesMissingShorter: names.shorter,
    keyBigramMax: shapes.keyBigramMax,
    maskedBigramMax: shapes.maskedBigramMax,
    maskedEdit: maskedEditSimilarity(a, b, common),
    reportingUnpaired: aligned.reportingUnpaired,
  };
}

/** The paraphrase model's probability for a pair's evidence (a logistic function of the features). */
export function paraphraseProbability(e: PairEvidence): number {
  let z = PARAPHRASE_MODEL.bias;
  EVIDENCE_NAMES.forEach((name, k) => {
    z += PARAPHRASE_MODEL.weights[k] * e[name];
  });
  return 1 / (1 + Math.exp(-z));
}

/**
 * Scores one sentence pair and says what kind of match it is, if any. One pair gets one kind for
 * every caller (analyze, score, compare, hover, lenses all read this):
 * - verbatim: shared runs cover nearly all of the shorter sentence (it is carried whole), or one run
 *   is a whole passage copied word for word (VERBATIM_PASSAGE_WORDS); the match spans the runs;
 * - near-verbatim: the paraphrase model says the same, and the words mostly keep their order;
 * - paraphrase: the paraphrase model says the same (probability ≥ the paraphrase threshold);
 * otherwise none, even when the two share a six-word run (the runs are still returned, to be shown).
 */
export function scoreSentences(a: SentenceFeatures, b: SentenceFeatures, weight: KeyWeight, options: ScoreOptions): PairScore {
  const runs = commonRuns(a.words, b.words, Math.max(1, options.minSharedWords));
  const shorter = Math.min(a.words.length, b.words.length);
  // For very long "sentences" the shared runs stand in for the common subsequence (which is quadratic).
  const common = a.words.length * b.words.length > MAX_CELLS ? runs.reduce((n, r) => n + r.length, 0) : lcsLength(a.words, b.words);
  const evidence = pairEvidence(a, b, weight, runs, common);
  const paraphrase = paraphraseProbability(evidence);
  const runWords = runs.reduce((n, r) => n + r.length, 0);
  const longest = runs.reduce((n, r) => Math.max(n, r.length), 0);
  let kind: MatchKind | null = null;
  let score = paraphrase;
  if (runs.length > 0 && (runWords >= VERBATIM_COVER * shorter || longest >= VERBATIM_PASSAGE_WORDS)) {
    kind = 'verbatim';
    score = Math.max(paraphrase, runWords / shorter);
  } else if (paraphrase >= options.paraphraseThreshold) {
    kind = evidence.editSimilarity >= NEAR_VERBATIM_EDIT ? 'near-verbatim' : 'paraphrase';
  } else {
    // Not a match on its own: the score still says how related the two are (word overlap, order), so a
    // document alignment can use it, but it stays under the threshold: score ≥ threshold ⇔ a match.
    // Two sentences without a content word in common score 0.
    const related = evidence.containMax === 0 ? 0 : Math.max(paraphrase, evidence.overlap, evidence.editSimilarity);
    score = Math.min(related, options.paraphraseThreshold - UNDER_THRESHOLD);
  }
  return { score: Math.min(1, score), kind, runs, overlap: evidence.overlap, editSimilarity: evidence.editSimilarity, paraphrase };
}
