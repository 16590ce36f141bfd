import type { MatchKind } from '../model';
import type { SentenceFeatures } from './articleFeatures';
import { commonRuns, lcsLength, MAX_CELLS } from './verbatimRuns';
import type { WordRun } from './verbatimRuns';

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
}

export interface ScoreOptions {
  readonly minSharedWords: number;
  readonly paraphraseThreshold: number;
}

/** Edit similarity from which two sentences count as the same sentence with small edits. */
export const NEAR_VERBATIM_EDIT = 0.6;
/** Names and numbers say what a sentence is about: they weigh more than other words. */
const SALIENT_BOOST = 1.6;
/** Reporting verbs say who speaks, not what is said. */
const REPORTING_WEIGHT = 0.3;

/** Weight of one key in one sentence. */
function weightIn(s: SentenceFeatures, key: string, weight: KeyWeight): number {
  const w = weight(key);
  if (s.reporting.includes(key)) return w * REPORTING_WEIGHT;
  return s.salient.includes(key) ? w * SALIENT_BOOST : w;
}

/**
 * Weighted overlap of the content keys of two groups of sentences (one sentence each, or two on
 * one side when a sentence was split): the Dice coefficient over key weights, tempered by
 * containment so that a short sentence that says a part of a longer one still scores.
 */
export function keyOverlap(a: readonly SentenceFeatures[], b: readonly SentenceFeatures[], weight: KeyWeight): number {
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

/** Share of the key weight of `part` that `whole` also has: is a short sentence a piece of a longer one? */
export function containedShare(part: SentenceFeatures, whole: SentenceFeatures, weight: KeyWeight): number {
  let total = 0;
  let shared = 0;
  const inWhole = new Set(whole.keys);
  for (const k of part.keys) {
    const w = weightIn(part, k, weight);
    total += w;
    if (inWhole.has(k)) shared += w;
  }
  return total === 0 ? 0 : shared / total;
}

/** Scores one sentence pair and says what kind of match it is, if any. */
export function scoreSentences(a: SentenceFeatures, b: SentenceFeatures, weight: KeyWeight, options: ScoreOptions): PairScore {
  const overlap = keyOverlap([a], [b], weight);
  const runs = commonRuns(a.words, b.words, Math.max(1, options.minSharedWords));
  const longer = Math.max(a.words.length, b.words.length);
  const shorter = Math.min(a.words.length, b.words.length);
  // For very long "sentences" the shared runs stand in for the common subsequence (which is quadratic).
  const common = a.words.length * b.words.length > MAX_CELLS ? runs.reduce((n, r) => n + r.length, 0) : lcsLength(a.words, b.words);
  const editSimilarity = longer === 0 ? 0 : common / longer;
  const runShare = runs.length === 0 || shorter === 0 ? 0 : runs.reduce((n, r) => n + r.length, 0) / shorter;
  let kind: MatchKind | null = null;
  let score = Math.max(overlap, editSimilarity);
  if (runs.length > 0) {
    kind = 'verbatim';
    score = Math.max(score, runShare);
  } else if (editSimilarity >= NEAR_VERBATIM_EDIT && overlap >= 0.4) {
    kind = 'near-verbatim';
  } else if (overlap >= options.paraphraseThreshold) {
    kind = 'paraphrase';
    score = overlap;
  }
  return { score: Math.min(1, score), kind, runs, overlap, editSimilarity };
}
