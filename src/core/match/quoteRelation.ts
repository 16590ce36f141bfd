import type { QuoteRelation } from '../model';
import { lcsLength } from '../util/lcs';
import { meaningSimilarity } from './quoteMeaning';
import { quoteInfo } from './quoteWording';
import type { QuoteInfo } from './quoteWording';

/**
 * Whether two quotations are the same statement, and how: verbatim, a fragment of it (partial), or
 * quotation marks around different words for the same statement by the same speaker (reworded).
 */

/** Fragments need this many content words to count as partial quotes on their words alone. */
export const MIN_FRAGMENT_CONTENT = 3;

/** How many members two sets share (the smaller one read). */
function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared;
}

/** Dice over two sets that share `shared` members. */
const diceOf = (shared: number, a: ReadonlySet<string>, b: ReadonlySet<string>): number => (2 * shared) / (a.size + b.size);
/** Share of the smaller of two sets that share `shared` members. */
const coverOf = (shared: number, a: ReadonlySet<string>, b: ReadonlySet<string>): number => shared / Math.min(a.size, b.size);

/** Dice over the content stems of two quotes' contexts. */
function contextSimilarity(a: QuoteInfo, b: QuoteInfo): number {
  // Each context is a getter (read on first use): asked once here.
  const ca = a.context;
  const cb = b.context;
  const shared = sharedCount(ca, cb);
  return shared === 0 ? 0 : diceOf(shared, ca, cb);
}

/** Not only white space (what `trim().length > 0` tells, without a new string per test). */
const NOT_BLANK = /\S/;

/** The shorter of two wordings, when it occurs whole inside the longer one. */
export function fragmentOf<T extends { readonly seq: string }>(a: T, b: T): T | null {
  // The containment test first: it fails for most pairs, and the blank test then need not run.
  if (a.seq.length <= b.seq.length) return b.seq.includes(a.seq) && NOT_BLANK.test(a.seq) ? a : null;
  return a.seq.includes(b.seq) && NOT_BLANK.test(b.seq) ? b : null;
}

/**
 * Whether the shorter wording (fragmentOf's) may occur inside the longer: its words' bits (seqWordBits)
 * are among the longer's. False for most candidate pairs, which then need no search of one seq in the other.
 */
function mayBeFragment(a: QuoteInfo, b: QuoteInfo): boolean {
  return a.seq.length <= b.seq.length ? (a.seqBits & ~b.seqBits) === 0 : (b.seqBits & ~a.seqBits) === 0;
}

/** Below this word similarity two quotes are different statements whatever their context. */
const MIN_WORD_SIMILARITY = 0.25;
/** Words compared for word order, at most: keeps the LCS cheap on a quotation of a whole speech. */
const MAX_FRAME = 400;

/** Similarity of two wordings on their words alone: shared content words (Dice lifted by cover) and shared sentence frame. */
function wordingSimilarity(a: QuoteInfo, b: QuoteInfo): number {
  if (Math.min(a.content, b.content) < MIN_FRAGMENT_CONTENT) return 0;
  // Dice and cover from one shared count, no object: this runs for most candidate pairs of different articles.
  const shared = sharedCount(a.stems, b.stems);
  const word = shared === 0 ? 0 : (diceOf(shared, a.stems, b.stems) + coverOf(shared, a.stems, b.stems)) / 2;
  if (word < MIN_WORD_SIMILARITY) return 0;
  const x = a.frame.length > MAX_FRAME ? a.frame.slice(0, MAX_FRAME) : a.frame;
  const y = b.frame.length > MAX_FRAME ? b.frame.slice(0, MAX_FRAME) : b.frame;
  const order = x.length === 0 || y.length === 0 ? 0 : lcsLength(x, y) / Math.min(x.length, y.length);
  return (word + order) / 2;
}

function speakersCompatible(a: QuoteInfo, b: QuoteInfo): boolean {
  return a.speakerKey === null || b.speakerKey === null || a.speakerKey === b.speakerKey;
}

export interface Edge {
  readonly relation: QuoteRelation;
  readonly score: number;
  /** Set when the link rests on meaning and setting rather than shared words (rewordedInContext). */
  readonly inContext?: true;
}

/** Context similarity that lets a fragment of 2 content words and under 4 words count as partial (same speaker). */
const SHORT_FRAGMENT_CONTEXT = 0.3;

/** Same words: short scare quotes ("continuing") repeat by chance, so they need the same speaker and context. */
function sameWords(a: QuoteInfo, b: QuoteInfo, contextSim: number): Edge | null {
  const sameSpeaker = a.speakerKey !== null && a.speakerKey === b.speakerKey;
  if (a.content >= MIN_FRAGMENT_CONTENT || (sameSpeaker && (a.article === b.article || contextSim >= SHORT_FRAGMENT_CONTEXT))) {
    return speakersCompatible(a, b) || a.content >= 6 ? { relation: 'verbatim', score: 2 + contextSim } : null;
  }
  return null;
}

/** Score a rewording needs: the mean of word and word-order similarity, plus half the context similarity. */
const REWORDED_THRESHOLD = 0.6;

/** The relation of b to a, with the evidence of their contexts; null when they are different statements. */
export function relate(a: QuoteInfo, b: QuoteInfo): Edge | null {
  const sameArticle = a.article === b.article;
  // Context similarity only where it decides: most candidate pairs are settled without it.
  if (a.seq === b.seq) return sameWords(a, b, contextSimilarity(a, b));
  const fragment = mayBeFragment(a, b) ? fragmentOf(a, b) : null;
  if (fragment !== null) {
    const long = fragment.content >= MIN_FRAGMENT_CONTENT;
    const sameSpeaker = a.speakerKey !== null && a.speakerKey === b.speakerKey;
    const sim = long || (sameSpeaker && !sameArticle && fragment.content >= 2) ? contextSimilarity(a, b) : 0;
    const shortOk = fragment.content >= 2 && !sameArticle && sameSpeaker && (fragment.frame.length >= 4 || sim >= SHORT_FRAGMENT_CONTEXT);
    return (long && (speakersCompatible(a, b) || fragment.content >= 6)) || shortOk ? { relation: 'partial', score: 1.5 + sim } : null;
  }
  if (sameArticle || !speakersCompatible(a, b) || (a.speakerKey === null && b.speakerKey === null)) return null;
  const wording = wordingSimilarity(a, b);
  // The context adds at most a half: below that, it need not be read for this rule.
  let context = -1;
  if (wording + 0.5 >= REWORDED_THRESHOLD) {
    context = contextSimilarity(a, b);
    const score = wording + context / 2;
    if (score >= REWORDED_THRESHOLD) return { relation: 'reworded', score };
  }
  return rewordedInContext(a, b, context);
}

/** A rewording on little shared wording needs this much meaning in common (senses, numbers: quoteMeaning.ts). */
const MIN_MEANING = 0.5;
/** ... and its sentences this much of their unquoted words in common (Dice), at least MIN_SENTENCE_SHARED of them. */
const MIN_SENTENCE = 0.4;
const MIN_SENTENCE_SHARED = 2;
/** Evidence a rewording on meaning and setting needs: meaning + sentence + context / 2 + cue side. */
const IN_CONTEXT_THRESHOLD = 1.25;
/** The same side for the cue ("X said: …" both times, or "…, X said" both times). */
const SAME_CUE_SIDE = 0.15;

/**
 * Different words for one statement, told by what else the two reports share: the same named
 * speaker, the same meaning (synonyms, numbers however written: "hurry us into an agreement" for
 * "rushed into a deal"), the same unquoted words in the quote's sentence ("told reporters in
 * Brussels on Tuesday") and around it, the cue on the same side. Different articles only.
 * `knownContext`: the context similarity when relate read it already, else -1.
 */
function rewordedInContext(a: QuoteInfo, b: QuoteInfo, knownContext: number): Edge | null {
  if (a.speakerKey === null || a.speakerKey !== b.speakerKey || a.article === b.article) return null;
  // The shared count first, no object: most pairs that get here share no sentence word.
  const shared = sharedCount(a.sentence, b.sentence);
  if (shared < MIN_SENTENCE_SHARED) return null;
  const sentenceDice = diceOf(shared, a.sentence, b.sentence);
  if (sentenceDice < MIN_SENTENCE) return null;
  const meaning = meaningSimilarity(a.meaning, b.meaning);
  if (meaning < MIN_MEANING) return null;
  const cue = a.cueSide !== null && a.cueSide === b.cueSide ? SAME_CUE_SIDE : 0;
  const context = knownContext >= 0 ? knownContext : contextSimilarity(a, b);
  const evidence = meaning + sentenceDice + context / 2 + cue;
  // Weaker than a rewording on its words: links on shared words merge first.
  return evidence >= IN_CONTEXT_THRESHOLD ? { relation: 'reworded', score: evidence / 3, inContext: true } : null;
}

const bare = (text: string) => ({ start: 0, end: 0, text, inner: { start: 0, end: 0 }, speaker: null, speakerKey: null, cue: null });

/** quoteRelation without context: the mean of word and word-order similarity a rewording needs. */
const TEXT_ONLY_THRESHOLD = 0.48;

/**
 * The relation of quote b to quote a on their words alone: 'verbatim' (same words after folding),
 * 'partial' (one is a run of ≥ 3 content words of the other), 'reworded' (different words that
 * overlap enough to be the same statement), or null. groupQuotes also weighs speakers and context.
 */
export function quoteRelation(a: string, b: string): QuoteRelation | null {
  const ia = quoteInfo(0, 0, bare(a));
  const ib = quoteInfo(1, 0, bare(b));
  if (ia.seq.trim().length === 0 || ib.seq.trim().length === 0) return null;
  if (ia.seq === ib.seq) return 'verbatim';
  const fragment = fragmentOf(ia, ib);
  if (fragment !== null) return fragment.content >= MIN_FRAGMENT_CONTENT ? 'partial' : null;
  return wordingSimilarity(ia, ib) >= TEXT_ONLY_THRESHOLD ? 'reworded' : null;
}
