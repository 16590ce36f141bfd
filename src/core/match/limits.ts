import type { AnalysisLimits, WorkCounters } from '../model';

/**
 * The caps that keep an analysis near-linear whatever the text, and the tally of what they cut.
 * A cap that cuts work is reported (`limits` in the result): the user sees that matches may be
 * missing instead of a frozen view.
 */

/** A shingle in more sentences than this is a stop-shingle (boilerplate, a list, a refrain): it finds no candidates. */
export const MAX_SHINGLE_POSTING = 64;
/** Each article is compared with at most this many others, those it shares most with. */
export const MAX_PARTNERS = 48;
/** Sentence pairs scored per article pair: at most this many per sentence of the two articles. */
export const PAIR_SCORE_BUDGET = 4;
/** Pairs of occurrences of one quotation anchored per occurrence (a refrain quoted 200 times links to a few, not all). */
export const MAX_ANCHOR_FANOUT = 12;

/** The mutable tally an analysis fills in as it goes. */
export interface WorkTally {
  articles: number;
  sentences: number;
  words: number;
  articlePairs: number;
  sentencePairsScored: number;
  commonShingles: number;
  /** Shingles in more sentences than the cap that could have linked two articles (the cap cut something). */
  cutShingles: number;
  cappedPairs: number;
  droppedPartners: number;
  trimmedQuotes: number;
  /** Candidate article pairs (those compared, and those skipped to finish early). */
  candidatePairs: number;
  /** Candidate article pairs not compared because the run was asked to finish now (a time budget). */
  skippedPairs: number;
  /** Quotations left ungrouped because the run was asked to finish before grouping them. */
  ungroupedQuotes: number;
}

export function newTally(): WorkTally {
  return {
    articles: 0, sentences: 0, words: 0, articlePairs: 0, sentencePairsScored: 0,
    commonShingles: 0, cutShingles: 0, cappedPairs: 0, droppedPartners: 0, trimmedQuotes: 0,
    candidatePairs: 0, skippedPairs: 0, ungroupedQuotes: 0,
  };
}

/** Adds the counts of `from` (one phase's own tally, kept with its cached output) to `into`. */
export function addTally(into: WorkTally, from: Readonly<WorkTally>): void {
  for (const key of Object.keys(from) as (keyof WorkTally)[]) into[key] += from[key];
}

/**
 * A count with thousands separators, as n.toLocaleString('en-US') writes it: by hand for whole
 * numbers, since the first toLocaleString of a process loads the locale data (~50-100 ms of a cold analysis).
 */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return n.toLocaleString('en-US');
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

const plural = (n: number, one: string, many: string): string => `${grouped(n)} ${n === 1 ? one : many}`;

/** The limits of an analysis: its counters, and one sentence per cap that cut work. */
export function limitsOf(t: WorkTally): AnalysisLimits {
  const notes: string[] = [];
  if (t.cutShingles > 0) {
    notes.push(`${plural(t.cutShingles, 'phrase occurs', 'phrases occur')} in more than ${MAX_SHINGLE_POSTING} sentences (boilerplate, lists, refrains): not used to find shared passages.`);
  }
  if (t.droppedPartners > 0) {
    notes.push(`${plural(t.droppedPartners, 'article pair', 'article pairs')} not compared: each article is compared with the ${MAX_PARTNERS} sources it shares most with.`);
  }
  if (t.cappedPairs > 0) {
    notes.push(`${plural(t.cappedPairs, 'article pair', 'article pairs')} had more candidate sentence pairs than ${PAIR_SCORE_BUDGET} per sentence: only the strongest were scored.`);
  }
  if (t.trimmedQuotes > 0) {
    notes.push(`${plural(t.trimmedQuotes, 'quotation is', 'quotations are')} repeated so often that each occurrence was linked to ${MAX_ANCHOR_FANOUT} others, not all.`);
  }
  const partial = t.skippedPairs > 0 || t.ungroupedQuotes > 0;
  notes.push(...earlyFinishNotes(t));
  const work: WorkCounters = {
    articles: t.articles, sentences: t.sentences, words: t.words, articlePairs: t.articlePairs,
    sentencePairsScored: t.sentencePairsScored, commonShingles: t.commonShingles, cappedPairs: t.cappedPairs,
  };
  return partial ? { capped: true, partial, notes, work } : { capped: notes.length > 0, notes, work };
}

/** How the notes of work left out to finish early begin (the editor's notice quotes what follows). */
export const EARLY_FINISH_PREFIX = 'Time budget: ';

/** What finishing early (a time budget) left out, first in the notes' order of importance to the reader. */
function earlyFinishNotes(t: WorkTally): string[] {
  const notes: string[] = [];
  if (t.skippedPairs > 0) {
    const compared = t.candidatePairs - t.skippedPairs;
    notes.push(`${EARLY_FINISH_PREFIX}compared ${grouped(compared)} of ${plural(t.candidatePairs, 'candidate article pair', 'candidate article pairs')}; shared passages between the others are missing.`);
  }
  if (t.ungroupedQuotes > 0) {
    notes.push(`${EARLY_FINISH_PREFIX}${plural(t.ungroupedQuotes, 'quotation was', 'quotations were')} not grouped across articles (no shared quotations).`);
  }
  return notes;
}
