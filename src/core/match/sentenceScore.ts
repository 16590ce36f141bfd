import type { MatchKind } from '../model';
import type { SentenceFeatures } from './articleFeatures';
import { sparseRunsAndCommon } from './verbatimRuns';
import type { HashedWords, WordRun } from './verbatimRuns';
import { sameQuantity } from './numbers';
import type { NumberMention } from './numbers';
import { charDice, Gram, gramRange, hasKey, keyIndex, precisionRangeOf, sentenceGrams, sharedWordCount } from './sentenceGrams';
import type { SentenceGrams } from './sentenceGrams';
import { PARAPHRASE_MODEL } from './paraphraseModel';
import { alignGrams, maskedEditCeiling, maskedEditSimilarity, missingNamesOf } from './pairAlignment';
import type { AlignmentEvidence } from './pairAlignment';
import { grownArray, roomFor } from '../util/grownArray';

/**
 * How much a word weighs in a pair of sentences: rarer in the two articles, heavier. A KeyWeight
 * built for two articles (documentPair) also carries their sentences' keys by integer id, so the
 * scorer's hot loops read weights without hashing key strings.
 */
export type KeyWeight = ((key: string) => number) & { readonly table?: KeyIdTable };

/** The keys of two articles' sentences by id: each sentence's keys in the order of its `keys`, at `start(s)`. */
export interface KeyIdTable {
  /** Where sentence s's keys start in `weights` and `ids`; −1 when s is a sentence of neither article. */
  start(s: SentenceFeatures): number;
  /** Each key's weight in its sentence (weightIn: the pair's weight, scaled for reporting verbs and names). */
  readonly weights: Float64Array;
  /** One id per distinct key of the two articles. */
  readonly ids: Int32Array;
  /** How many ids there are. */
  readonly idCount: number;
}

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
/** Credit for a content word matched only through a synonym ("rushed"/"hurried"). */
const SYNONYM_CREDIT = 0.8;
/** Names and numbers say what a sentence is about: they weigh more than other words. */
const SALIENT_BOOST = 1.6;
/** Reporting verbs say who speaks, not what is said. */
const REPORTING_WEIGHT = 0.3;

/** Weight of one key in one sentence. */
function weightIn(s: SentenceFeatures, key: string, weight: KeyWeight): number {
  return weight(key) * keyScale(s, key);
}

/** What weightIn multiplies a key's weight by in sentence s (× 1 leaves a weight exactly as it is). */
export function keyScale(s: SentenceFeatures, key: string): number {
  if (hasKey(s.reporting, key)) return REPORTING_WEIGHT;
  return hasKey(s.salient, key) ? SALIENT_BOOST : 1;
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
  const na = a.flatMap((s) => s.numbers);
  const nb = b.flatMap((s) => s.numbers);
  return overlapScore({ ta, tb, shared }, na, nb);
}

/**
 * The Dice coefficient of two sides' key weights, tempered by containment; lowered when both state
 * numbers and none is the same ("27 leaders", "12 leaders" usually mean different facts).
 */
function overlapScore({ ta, tb, shared }: KeyWeights, na: readonly string[], nb: readonly string[]): number {
  if (ta === 0 || tb === 0) return 0;
  const dice = (2 * shared) / (ta + tb);
  const containment = shared / Math.min(ta, tb);
  let score = 0.75 * dice + 0.25 * containment;
  if (na.length > 0 && nb.length > 0 && !shareAny(na, nb)) score *= 0.7;
  return Math.min(1, score);
}

/** Whether the two lists have a value in common (a few numbers each: scanned; no closure per pair). */
function shareAny(na: readonly string[], nb: readonly string[]): boolean {
  for (let i = 0; i < na.length; i++) if (nb.includes(na[i])) return true;
  return false;
}

/** Each side's total key weight and the weight of the keys both carry (the smaller of the two weights). */
interface KeyWeights {
  readonly ta: number;
  readonly tb: number;
  readonly shared: number;
}

/** A KeyWeights written in place: exactKeyWeights' answer, reused from pair to pair (the scorer runs one pair at a time). */
type KeyWeightsScratch = { -readonly [K in keyof KeyWeights]: KeyWeights[K] };
const pairKeyWeights: KeyWeightsScratch = { ta: 0, tb: 0, shared: 0 };

/** A side's summed key weight and the part of it the other side shares (keyWeightSums' answer, read at once by its callers). */
const sums = { total: 0, shared: 0 };

/** Weights of B's keys in exactKeyWeights, reused from pair to pair (the scorer runs one pair at a time). */
let weightsOfB = new Float64Array(64);
const smallerWithB = (w: number, at: number): number => Math.min(w, weightsOfB[at]);
const ownWeight = (w: number): number => w;

/**
 * The summed weight of the keys of `s`, and of `onShared(w, at)` over those `other` carries too
 * (`at`: the key's index in other.keys).
 */
function keyWeightSums(s: SentenceFeatures, other: SentenceFeatures, weight: KeyWeight, onShared: (w: number, at: number) => number): typeof sums {
  let total = 0;
  let shared = 0;
  for (const k of s.keys) {
    const w = weightIn(s, k, weight);
    total += w;
    const at = keyIndex(other.keys, k);
    if (at >= 0) shared += onShared(w, at);
  }
  sums.total = total;
  sums.shared = shared;
  return sums;
}

/** Scratch by key id, all 0 between calls: 1 + the key's index in the other sentence. */
let idMarks = new Int32Array(1024);

function marksFor(t: KeyIdTable): Int32Array {
  if (idMarks.length < t.idCount) idMarks = new Int32Array(Math.max(t.idCount, 2 * idMarks.length));
  return idMarks;
}

/**
 * keyWeightSums through the key id table (both sentences in it): the same weights summed in the
 * same order, the keys `other` carries found by id instead of by scanning its keys.
 */
function keyWeightSumsById(t: KeyIdTable, s: SentenceFeatures, at: number, other: SentenceFeatures, otherAt: number, onShared: (w: number, at: number) => number): typeof sums {
  const { weights, ids } = t;
  const mark = marksFor(t);
  const no = other.keys.length;
  for (let k = 0; k < no; k++) mark[ids[otherAt + k]] = k + 1;
  let total = 0;
  let shared = 0;
  for (let k = at; k < at + s.keys.length; k++) {
    const w = weights[k];
    total += w;
    const m = mark[ids[k]];
    if (m > 0) shared += onShared(w, m - 1);
  }
  for (let k = 0; k < no; k++) mark[ids[otherAt + k]] = 0;
  sums.total = total;
  sums.shared = shared;
  return sums;
}

/** Two sentences' places in a key id table: where the keys of the first start, and of the second. */
interface Places {
  t: KeyIdTable;
  at: number;
  bt: number;
}

/** tablePlaces' answer, reused from pair to pair (read before the next pair's; t: a placeholder until then). */
const NO_TABLE: KeyIdTable = { start: () => -1, weights: new Float64Array(0), ids: new Int32Array(0), idCount: 0 };
const pairPlaces: Places = { t: NO_TABLE, at: -1, bt: -1 };

/** The two sentences' places in the weight's key id table, or null when it has none or lacks either. */
function tablePlaces(a: SentenceFeatures, b: SentenceFeatures, weight: KeyWeight): Places | null {
  const t = weight.table;
  if (t === undefined) return null;
  const at = t.start(a);
  const bt = at < 0 ? -1 : t.start(b);
  if (bt < 0) return null;
  pairPlaces.t = t;
  pairPlaces.at = at;
  pairPlaces.bt = bt;
  return pairPlaces;
}

function exactKeyWeights(a: SentenceFeatures, b: SentenceFeatures, weight: KeyWeight, places = tablePlaces(a, b, weight)): KeyWeights {
  const nb = b.keys.length;
  if (weightsOfB.length < nb) weightsOfB = new Float64Array(Math.max(nb, 2 * weightsOfB.length));
  if (places !== null) {
    const { t, at, bt } = places;
    let tb = 0;
    for (let k = 0; k < nb; k++) {
      const w = t.weights[bt + k];
      weightsOfB[k] = w;
      tb += w;
    }
    const { total: ta, shared } = keyWeightSumsById(t, a, at, b, bt, smallerWithB);
    return keyWeightsOf(ta, tb, shared);
  }
  // B's weights once each (the same sums in the same order as weighing each shared key again).
  let tb = 0;
  for (let k = 0; k < nb; k++) {
    const w = weightIn(b, b.keys[k], weight);
    weightsOfB[k] = w;
    tb += w;
  }
  const { total: ta, shared } = keyWeightSums(a, b, weight, smallerWithB);
  return keyWeightsOf(ta, tb, shared);
}

/** The pair's KeyWeights, written to the scratch (read before the next pair's). */
function keyWeightsOf(ta: number, tb: number, shared: number): KeyWeights {
  pairKeyWeights.ta = ta;
  pairKeyWeights.tb = tb;
  pairKeyWeights.shared = shared;
  return pairKeyWeights;
}

/** keyOverlap of one sentence with one sentence: the same sums in the same order, without building Maps (the scorer's hot path). */
function sentenceOverlap(a: SentenceFeatures, b: SentenceFeatures, weight: KeyWeight): number {
  return overlapScore(exactKeyWeights(a, b, weight), a.numbers, b.numbers);
}

/** Share of the key weight of `part` that `whole` also has: is a short sentence a piece of a longer one? */
export function containedShare(part: SentenceFeatures, whole: SentenceFeatures, weight: KeyWeight): number {
  const places = tablePlaces(part, whole, weight);
  const { total, shared } = places === null
    ? keyWeightSums(part, whole, weight, ownWeight)
    : keyWeightSumsById(places.t, part, places.at, whole, places.bt, ownWeight);
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

/**
 * Longest stretch of content words of `a` (grams `ga`) whose keys `b` lacks: a clause one sentence
 * adds. By key id when the two have places in a table (at: a's, bt: b's) and the word's key is one
 * of a's keys (its slot), else by key.
 */
function longestAddedStretch(a: SentenceFeatures, ga: SentenceGrams, b: SentenceFeatures, t: KeyIdTable | null, at: number, bt: number): number {
  const mark = t === null ? null : marksFor(t);
  if (t !== null && mark !== null) for (let k = 0; k < b.keys.length; k++) mark[t.ids[bt + k]] = 1;
  let best = 0;
  let run = 0;
  const own = a.keys.length;
  for (let i = 0; i < ga.n; i++) {
    const x = ga.buf[ga.slotAt + i];
    if (x < 0) continue;
    // The word's key: slot x of a's keys, or past them one of the grams' extra keys.
    const has = t !== null && mark !== null && x < own ? mark[t.ids[at + x]] === 1 : hasKey(b.keys, x < own ? a.keys[x] : ga.extraKeys[x - own]);
    run = has ? 0 : run + 1;
    best = Math.max(best, run);
  }
  if (t !== null && mark !== null) for (let k = 0; k < b.keys.length; k++) mark[t.ids[bt + k]] = 0;
  return best;
}

/**
 * The keys each side of the pair being scored lacks of the other's (keysLacking's lists, reused from
 * pair to pair: typed arrays and a count, since emptying an array by `length = 0` drops its storage
 * and the next push allocates it again).
 */
let lackingA: Int32Array = new Int32Array(64);
let lackingB: Int32Array = new Int32Array(64);


/**
 * The indices (in s.keys) of the keys of `s` that `other` lacks, in order, written to `out` (at least
 * s.keys.length long); returns how many. By id when the two have places in a table (at: s's, bt: other's).
 */
function keysLacking(s: SentenceFeatures, other: SentenceFeatures, t: KeyIdTable | null, at: number, bt: number, out: Int32Array): number {
  let count = 0;
  if (t === null) {
    for (let k = 0; k < s.keys.length; k++) if (!hasKey(other.keys, s.keys[k])) out[count++] = k;
    return count;
  }
  const mark = marksFor(t);
  const no = other.keys.length;
  for (let k = 0; k < no; k++) mark[t.ids[bt + k]] = 1;
  for (let k = 0; k < s.keys.length; k++) if (mark[t.ids[at + k]] === 0) out[count++] = k;
  for (let k = 0; k < no; k++) mark[t.ids[bt + k]] = 0;
  return count;
}

/** Per WordNet sense: 1 + the index of the first unmatched key of B that has it (0: none); the senses set (ownedCount of them), to reset. */
let senseOwner: Int32Array = new Int32Array(4096);
let owned: Int32Array = new Int32Array(256);
/** Keys of B already matched through a synonym, by index. */
let takenB: Uint8Array = new Uint8Array(64);

/** What sharedWeight measures of a pair, written in place (read before the next pair's). */
const shares = { ta: 0, tb: 0, shared: 0, synonym: 0, leftA: 0, leftB: 0 };

/**
 * Weight of the content keys the two sentences share (exactly, or through a synonym at a discount),
 * and each side's total. Synonyms are tried only between keys left unmatched on both sides.
 */
function sharedWeight(a: SentenceFeatures, b: SentenceFeatures, ga: SentenceGrams, gb: SentenceGrams, weight: KeyWeight, { ta, tb, shared }: KeyWeights, places: Places | null) {
  const t = places === null ? null : places.t;
  const at = places === null ? -1 : places.at;
  const bt = places === null ? -1 : places.bt;
  const restA = (lackingA = roomFor(lackingA, a.keys.length));
  const restB = (lackingB = roomFor(lackingB, b.keys.length));
  const countA = keysLacking(a, b, t, at, bt, restA);
  const countB = keysLacking(b, a, t, bt, at, restB);
  let synonym = 0;
  let matched = 0;
  if (countA > 0 && countB > 0) {
    // Each unmatched key of B by the WordNet senses of its words (a key's index is its sense slot):
    // one pass per side, never all pairs. Each sense's first key of B, and B's keys taken, in
    // scratch arrays reset after the pair.
    let ownedCount = 0;
    for (let r = 0; r < countB; r++) {
      const kb = restB[r];
      const from = gb.senseListAt + gb.buf[gb.senseStartAt + kb];
      const to = gb.senseListAt + gb.buf[gb.senseStartAt + kb + 1];
      for (let p = from; p < to; p++) {
        const m = gb.buf[p];
        if (senseOwner.length <= m) senseOwner = grownArray(senseOwner, Math.max(m + 1, 2 * senseOwner.length));
        if (senseOwner[m] !== 0) continue;
        senseOwner[m] = kb + 1;
        if (ownedCount === owned.length) owned = grownArray(owned, 2 * owned.length);
        owned[ownedCount++] = m;
      }
    }
    if (takenB.length < b.keys.length) takenB = new Uint8Array(Math.max(b.keys.length, 2 * takenB.length));
    for (let r = 0; r < countA; r++) {
      const ka = restA[r];
      let kb = -1;
      const to = ga.senseListAt + ga.buf[ga.senseStartAt + ka + 1];
      for (let p = ga.senseListAt + ga.buf[ga.senseStartAt + ka]; p < to; p++) {
        const m = ga.buf[p];
        const k = m < senseOwner.length ? senseOwner[m] - 1 : -1;
        if (k >= 0 && takenB[k] === 0) {
          kb = k;
          break;
        }
      }
      if (kb < 0) continue;
      takenB[kb] = 1;
      matched++;
      synonym += SYNONYM_CREDIT * Math.min(weightIn(a, a.keys[ka], weight), weightIn(b, b.keys[kb], weight));
    }
    for (let r = 0; r < ownedCount; r++) senseOwner[owned[r]] = 0;
    for (let r = 0; r < countB; r++) takenB[restB[r]] = 0;
  }
  // Content words left without a counterpart on each side: what one sentence says and the other does not.
  shares.ta = ta;
  shares.tb = tb;
  shares.shared = shared + synonym;
  shares.synonym = synonym;
  shares.leftA = countA - matched;
  shares.leftB = countB - matched;
  return shares;
}

/** Share of the numbers of one side (by value: "twelve" = "12") the other side lacks, when both state numbers. */
function numberMismatch(ga: SentenceGrams, gb: SentenceGrams): number {
  const na = ga.numbers;
  const nb = gb.numbers;
  if (na.length === 0 || nb.length === 0) return 0;
  let missing = 0;
  for (let i = 0; i < na.length; i++) if (!statedIn(na[i], nb, false)) missing++;
  for (let j = 0; j < nb.length; j++) if (!statedIn(nb[j], na, true)) missing++;
  return missing / (na.length + nb.length);
}

/** Whether `list` states the quantity of `x` (sameQuantity(x, y), or sameQuantity(y, x) when `second`: x is the second argument). */
function statedIn(x: NumberMention, list: readonly NumberMention[], second: boolean): boolean {
  for (let k = 0; k < list.length; k++) if (second ? sameQuantity(list[k], x) : sameQuantity(x, list[k])) return true;
  return false;
}

/**
 * The evidence that needs neither the verbatim runs nor the common subsequence (the quadratic part
 * of a pair): a PairEvidence whose order features are 0 until withOrder measures them (one object
 * of one shape, filled in place).
 */
type LexicalEvidence = { -readonly [K in keyof PairEvidence]: PairEvidence[K] };

/** Measures a sentence pair: lexical overlap (IDF-weighted, synonyms), order, length, numbers, names. */
export function pairEvidence(a: SentenceFeatures, b: SentenceFeatures, weight: KeyWeight, runs: readonly WordRun[], common: number): PairEvidence {
  const ga = sentenceGrams(a);
  const gb = sentenceGrams(b);
  return withOrder(lexicalEvidence(a, b, ga, gb, weight, newEvidence()), a, b, ga, gb, runs, common);
}

/** The lexical evidence completed with what the verbatim runs and the common subsequence say (word order). */
function withOrder(e: LexicalEvidence, a: SentenceFeatures, b: SentenceFeatures, ga: SentenceGrams, gb: SentenceGrams, runs: readonly WordRun[], common: number): PairEvidence {
  const longer = Math.max(a.words.length, b.words.length);
  const shorter = Math.min(a.words.length, b.words.length);
  const longest = longestRun(runs);
  e.editSimilarity = longer === 0 ? 0 : common / longer;
  e.lcsShorter = shorter === 0 ? 0 : common / shorter;
  e.runShare = shorter === 0 ? 0 : longest / shorter;
  e.maskedEdit = maskedEditSimilarity(ga, gb, common);
  return e;
}

/** The length of the longest run (0 when there is none). */
function longestRun(runs: readonly WordRun[]): number {
  let longest = 0;
  for (let k = 0; k < runs.length; k++) longest = Math.max(longest, runs[k].length);
  return longest;
}

/** How many words the runs cover. */
function runWordCount(runs: readonly WordRun[]): number {
  let words = 0;
  for (let k = 0; k < runs.length; k++) words += runs[k].length;
  return words;
}

/** A PairEvidence of zeros, to be filled in place (every pair's evidence has the one shape). */
function newEvidence(): LexicalEvidence {
  const e = {} as LexicalEvidence;
  for (const name of EVIDENCE_NAMES) e[name] = 0;
  return e;
}

/** The evidence of the pair being scored, filled in place pair after pair (the scorer runs one pair at a time; no object per pair). */
const scratchEvidence = newEvidence();
/** The words the pair lexicalEvidence measured last shares (sharedWordCount): staysUnder reads it instead of a second merge. */
let lexicalWordHits = 0;

/**
 * The lexical evidence of a pair, from the two sentences and their grams (asked for once per side
 * by the caller), written to `e` (its order features 0 until withOrder measures them).
 */
function lexicalEvidence(a: SentenceFeatures, b: SentenceFeatures, ga: SentenceGrams, gb: SentenceGrams, weight: KeyWeight, e: LexicalEvidence): LexicalEvidence {
  const longer = Math.max(a.words.length, b.words.length);
  const shorter = Math.min(a.words.length, b.words.length);
  const places = tablePlaces(a, b, weight);
  const keyWeights = exactKeyWeights(a, b, weight, places);
  const { ta, tb, shared, synonym, leftA, leftB } = sharedWeight(a, b, ga, gb, weight, keyWeights, places);
  const ca = ta === 0 ? 0 : Math.min(1, shared / ta);
  const cb = tb === 0 ? 0 : Math.min(1, shared / tb);
  e.overlap = overlapScore(keyWeights, a.numbers, b.numbers);
  e.containMin = Math.min(ca, cb);
  e.containMax = Math.max(ca, cb);
  e.editSimilarity = 0;
  e.lcsShorter = 0;
  e.lengthRatio = longer === 0 ? 0 : shorter / longer;
  e.lengthGap = Math.log1p(longer - shorter);
  e.runShare = 0;
  // BLEU-like word n-gram precision both ways: unigrams (all words, function words too) to 4-grams.
  const bigrams = gramRange(ga, gb, Gram.bigrams);
  e.bigramMin = bigrams[0];
  e.bigramMax = bigrams[1];
  e.trigramMin = gramRange(ga, gb, Gram.trigrams)[0];
  e.numberMismatch = numberMismatch(ga, gb);
  const names = missingNamesOf(a, b, ga, gb);
  e.nameMismatch = names.mismatch;
  e.unmatchedMax = Math.log1p(Math.max(leftA, leftB));
  e.unmatchedMin = Math.log1p(Math.min(leftA, leftB));
  e.synonymShare = shared === 0 ? 0 : synonym / shared;
  e.charTrigrams = charDice(ga, gb);
  const t = places === null ? null : places.t;
  const at = places === null ? -1 : places.at;
  const bt = places === null ? -1 : places.bt;
  e.extraClause = Math.log1p(Math.max(longestAddedStretch(a, ga, b, t, at, bt), longestAddedStretch(b, gb, a, t, bt, at)));
  e.negationMismatch = ga.negated === gb.negated ? 0 : 1;
  lexicalWordHits = sharedWordCount(ga, gb);
  const unigrams = precisionRangeOf(lexicalWordHits, ga.n, gb.n);
  e.unigramMin = unigrams[0];
  e.unigramMax = unigrams[1];
  const fourgrams = gramRange(ga, gb, Gram.fourgrams);
  e.fourgramMin = fourgrams[0];
  e.fourgramMax = fourgrams[1];
  const aligned = alignGrams(ga, gb);
  e.pairedMin = aligned.pairedMin;
  e.unpairedMax = aligned.unpairedMax;
  e.unpairedOtherLonger = aligned.unpairedOtherLonger;
  e.namesMissingLonger = names.longer;
  e.namesMissingShorter = names.shorter;
  e.keyBigramMax = gramRange(ga, gb, Gram.keyBigrams)[1];
  e.maskedBigramMax = gramRange(ga, gb, Gram.maskedBigrams)[1];
  e.maskedEdit = 0;
  e.reportingUnpaired = aligned.reportingUnpaired;
  return e;
}

/** The paraphrase model's probability for a pair's evidence (a logistic function of the features). */
export function paraphraseProbability(e: PairEvidence): number {
  let z = PARAPHRASE_MODEL.bias;
  for (let k = 0; k < EVIDENCE_NAMES.length; k++) z += PARAPHRASE_MODEL.weights[k] * e[EVIDENCE_NAMES[k]];
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
  const ga = sentenceGrams(a);
  const gb = sentenceGrams(b);
  return judgePair(a, b, ga, gb, lexicalEvidence(a, b, ga, gb, weight, scratchEvidence), options);
}

/** The two sides' words and hashes of the pair being judged, reused from pair to pair. */
type Hashed = { -readonly [K in keyof HashedWords]: HashedWords[K] };
const hashedA: Hashed = { words: [], buf: new Int32Array(0), hashAt: 0, orderAt: 0, sortedAt: 0 };
const hashedB: Hashed = { words: [], buf: new Int32Array(0), hashAt: 0, orderAt: 0, sortedAt: 0 };

/** Where the words of `s` and their hashes lie in its grams, written to `out`. */
function hashedWords(s: SentenceFeatures, g: SentenceGrams, out: Hashed): HashedWords {
  out.words = s.words;
  out.buf = g.buf;
  out.hashAt = g.hashAt;
  out.orderAt = g.wordOrderAt;
  out.sortedAt = g.wordSortedAt;
  return out;
}

/**
 * The pair's verbatim runs of at least `min` words and the length of its words' longest common
 * subsequence, from the word hashes of its grams (sparseRunsAndCommon): what judgePair measures.
 */
export function pairRunsAndCommon(a: SentenceFeatures, b: SentenceFeatures, ga: SentenceGrams, gb: SentenceGrams, min: number): { runs: WordRun[]; common: number } {
  return sparseRunsAndCommon(hashedWords(a, ga, hashedA), hashedWords(b, gb, hashedB), min);
}

/** scoreSentences from the pair's lexical evidence. */
function judgePair(a: SentenceFeatures, b: SentenceFeatures, ga: SentenceGrams, gb: SentenceGrams, lexical: LexicalEvidence, options: ScoreOptions): PairScore {
  // For very long "sentences" the shared runs stand in for the common subsequence (which is quadratic).
  const { runs, common } = pairRunsAndCommon(a, b, ga, gb, Math.max(1, options.minSharedWords));
  const shorter = Math.min(a.words.length, b.words.length);
  const evidence = withOrder(lexical, a, b, ga, gb, runs, common);
  const paraphrase = paraphraseProbability(evidence);
  const runWords = runWordCount(runs);
  const longest = longestRun(runs);
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

/**
 * scoreSentences for callers that only want a pair that scores at least `min` or is a match: null
 * when the pair is neither (its score is under `min` and it has no kind), else its full score.
 * Most candidate pairs that fail do so before the quadratic part (runs, common subsequence) is
 * measured: see staysUnder.
 */
export function scoreAtLeast(a: SentenceFeatures, b: SentenceFeatures, weight: KeyWeight, options: ScoreOptions, min: number): PairScore | null {
  const ga = sentenceGrams(a);
  const gb = sentenceGrams(b);
  const lexical = lexicalEvidence(a, b, ga, gb, weight, scratchEvidence);
  if (staysUnder(a, b, ga, gb, lexical, options, min)) return null;
  const s = judgePair(a, b, ga, gb, lexical, options);
  return s.kind === null && s.score < min ? null : s;
}

/** Whether scoreAtLeast answers null for the pair without measuring its runs and common subsequence (for tests and benchmarks). */
export function surelyUnder(a: SentenceFeatures, b: SentenceFeatures, weight: KeyWeight, options: ScoreOptions, min: number): boolean {
  const ga = sentenceGrams(a);
  const gb = sentenceGrams(b);
  return staysUnder(a, b, ga, gb, lexicalEvidence(a, b, ga, gb, weight, scratchEvidence), options, min);
}

/** Room left for rounding between the ceiling's sum and the model's own (both are sums of the same terms in another order). */
const CEILING_MARGIN = 1e-9;

/**
 * Whether the pair is sure to score under `min` with no kind, from its lexical evidence alone. The
 * words the two sentences share (a multiset count of word hashes: a collision only adds one) are
 * at least any run and the common subsequence, so they bound the verbatim test and the edit
 * similarity, and each order feature is taken at the end of its range that raises the model's
 * log-odds: if even then the probability stays under `min` (and the threshold), so does the score.
 */
function staysUnder(a: SentenceFeatures, b: SentenceFeatures, ga: SentenceGrams, gb: SentenceGrams, e: LexicalEvidence, options: ScoreOptions, min: number): boolean {
  const longer = Math.max(a.words.length, b.words.length);
  const shorter = Math.min(a.words.length, b.words.length);
  if (shorter === 0 || !(min > 0)) return false;
  // lexicalEvidence measured this pair last (both callers ask it just before).
  const shared = lexicalWordHits;
  // Runs could cover the shorter sentence or make a passage: maybe verbatim.
  if (shared >= VERBATIM_COVER * shorter || shared >= VERBATIM_PASSAGE_WORDS) return false;
  // The score of a related pair is at least its overlap and its edit similarity.
  if (e.containMax > 0 && (e.overlap >= min || shared / longer >= min)) return false;
  const least = Math.min(min, options.paraphraseThreshold);
  return probabilityCeiling(e, shared, shorter, longer, maskedEditCeiling(ga, gb, shared)) < least - CEILING_MARGIN;
}

const ORDER_FEATURES: ReadonlySet<keyof PairEvidence> = new Set(['editSimilarity', 'lcsShorter', 'runShare', 'maskedEdit']);
/** The features that are not order features, in the model's order (probabilityCeiling sums them in that order). */
const LEXICAL_FEATURES = EVIDENCE_NAMES.flatMap((name, k) => (ORDER_FEATURES.has(name) ? [] : [{ name, weight: PARAPHRASE_MODEL.weights[k] }]));
const weightOf = (name: keyof PairEvidence): number => PARAPHRASE_MODEL.weights[EVIDENCE_NAMES.indexOf(name)];
/** The order features' weights, looked up once. */
const EDIT_WEIGHT = weightOf('editSimilarity');
const LCS_SHORTER_WEIGHT = weightOf('lcsShorter');
const MASKED_EDIT_WEIGHT = weightOf('maskedEdit');
const RUN_SHARE_WEIGHT = weightOf('runShare');

/**
 * The model's probability with each order feature at its most favourable value: the common
 * subsequence c anywhere in [0, shared] (editSimilarity c / longer, lcsShorter c / shorter, and
 * maskedEdit c / longer unless numbers are masked, then in [0, its ceiling]), runShare in [0, shared / shorter].
 */
function probabilityCeiling(e: LexicalEvidence, shared: number, shorter: number, longer: number, maskedCeiling: number | null): number {
  let z = PARAPHRASE_MODEL.bias;
  for (let k = 0; k < LEXICAL_FEATURES.length; k++) z += LEXICAL_FEATURES[k].weight * e[LEXICAL_FEATURES[k].name];
  const perCommonWord = EDIT_WEIGHT / longer + LCS_SHORTER_WEIGHT / shorter + (maskedCeiling === null ? MASKED_EDIT_WEIGHT / longer : 0);
  z += Math.max(0, perCommonWord * shared);
  if (maskedCeiling !== null) z += Math.max(0, MASKED_EDIT_WEIGHT * maskedCeiling);
  z += Math.max(0, RUN_SHARE_WEIGHT * (shared / shorter));
  return 1 / (1 + Math.exp(-z));
}
