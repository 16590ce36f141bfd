import type { AnalysisOptions, QuoteGroup } from '../model';
import type { ArticleFeatures } from './articleFeatures';
import type { SentenceLink } from './documentPair';
import { pairWeights } from './documentPair';
import { scoreAtLeast } from './sentenceScore';
import type { KeyWeight, PairScore } from './sentenceScore';
import { boundedMemo } from '../memo';
import { sentenceAt } from '../text/sentences';

/** A quoted sentence pair needs at least this score: the quote alone may be a few words of a long sentence. */
const MIN_QUOTED = 0.2;
/** A neighbour of an anchored sentence joins it with at least this score (a report that sums up two sentences in one). */
const MIN_NEIGHBOUR = 0.3;

/**
 * Sentence links that quotations vouch for: two sentences that carry the same quotation (verbatim,
 * a fragment, or reworded by the same speaker) report the same statement even when their other
 * words differ, and a sentence next to one of them that scores on its own with the same
 * counterpart joins it (one source sums up in one sentence what another says in two).
 * Keys are `a b` article pairs with a < b.
 */
export function quoteAnchoredLinks(
  groups: readonly QuoteGroup[],
  features: readonly ArticleFeatures[],
  options: AnalysisOptions,
  known?: (x: number, y: number, i: number, j: number) => boolean,
): Map<string, SentenceLink[]> {
  const out = new Map<string, Map<number, SentenceLink>>();
  for (const g of groups) for (let p = 0; p < g.occurrences.length; p++) anchorOccurrence(g, p, features, options, out, known);
  return linksByPair(out);
}

function linksByPair(out: ReadonlyMap<string, ReadonlyMap<number, SentenceLink>>): Map<string, SentenceLink[]> {
  const result = new Map<string, SentenceLink[]>();
  for (const [pair, links] of out) result.set(pair, [...links.values()]);
  return result;
}

/**
 * Adds to `out` (by article pair "a b", then sentence pair) the links that occurrence p of group g
 * anchors with each later occurrence q, and their neighbours, a link already there kept: the links of
 * quoteAnchoredLinks are these, group by group and occurrence by occurrence. A unit of work small
 * enough for a time slice (a group may have many occurrences).
 */
export function anchorOccurrence(
  g: QuoteGroup, p: number, features: readonly ArticleFeatures[], options: AnalysisOptions, out: Map<string, Map<number, SentenceLink>>,
  known?: (x: number, y: number, i: number, j: number) => boolean,
): void {
  const add = anchorScorer(features, options, out, known);
  const speakerOf = lineSpeakersOf(features);
  for (let q = p + 1; q < g.occurrences.length; q++) {
    const o1 = g.occurrences[p];
    const o2 = g.occurrences[q];
    if (o1.article === o2.article) continue;
    const [a, b] = o1.article < o2.article ? [o1, o2] : [o2, o1];
    const i = sentenceAt(features[a.article].sentences, a.start);
    const j = sentenceAt(features[b.article].sentences, b.start);
    if (!add(a.article, b.article, i, j, MIN_QUOTED)) continue;
    for (const [di, dj] of [[-1, 0], [1, 0], [0, -1], [0, 1]] as const) {
      // Two neighbours that are each one quoted line of a different speaker are different statements (a dialogue).
      const [s1, s2] = [speakerOf(a.article, i + di), speakerOf(b.article, j + dj)];
      if (s1 === null || s2 === null || s1 === s2) add(a.article, b.article, i + di, j + dj, MIN_NEIGHBOUR);
    }
  }
}

/**
 * What scoring anchors learnt about the articles of one analysis: each sentence pair's score (or
 * the least score it is known to stay under), and the latest article pairs' key weights. The
 * caller may ask one quote group at a time (a time slice stops between two), and one sentence pair
 * is met from many groups: kept per features array (the analysis's), for the options it was for.
 */
interface AnchorMemo {
  readonly options: string;
  readonly scores: Map<string, PairScore | number>;
  readonly weights: (pair: number) => KeyWeight;
}

const memos = new WeakMap<readonly ArticleFeatures[], AnchorMemo>();
/** Article pairs whose key weights are kept: a group's occurrences come from a handful of articles. */
const WEIGHT_PAIRS = 64;

function anchorMemo(features: readonly ArticleFeatures[], options: AnalysisOptions): AnchorMemo {
  const key = `${options.minSharedWords}|${options.paraphraseThreshold}`;
  let memo = memos.get(features);
  if (memo?.options !== key) {
    const n = features.length;
    memo = { options: key, scores: new Map(), weights: boundedMemo(WEIGHT_PAIRS, (pair: number) => pairWeights(features[Math.floor(pair / n)], features[pair % n])) };
    memos.set(features, memo);
  }
  return memo;
}

/**
 * Adds the link (x, i)–(y, j) to `out` when its sentences score at least `min`; true when linked.
 * Each sentence pair is scored once, however many quotations and neighbours lead to it; a pair that
 * cannot reach `min` is only known to stay under it (scoreAtLeast), and is scored again when a
 * lower least score is asked of it.
 */
function anchorScorer(
  features: readonly ArticleFeatures[], options: AnalysisOptions, out: Map<string, Map<number, SentenceLink>>,
  known?: (x: number, y: number, i: number, j: number) => boolean,
): (x: number, y: number, i: number, j: number, min: number) => boolean {
  const memo = anchorMemo(features, options);
  return (x, y, i, j, min) => {
    const fx = features[x];
    const fy = features[y];
    if (i < 0 || j < 0 || i >= fx.sents.length || j >= fy.sents.length) return false;
    // A pair the articles' own comparison already links needs no anchor (and no second scoring).
    if (known?.(x, y, i, j) === true) return true;
    const id = `${x} ${y} ${i} ${j}`;
    let s = memo.scores.get(id);
    // A number: the score is known to be under it, which says nothing for a lower least score.
    if (s === undefined || (typeof s === 'number' && s > min)) {
      s = scoreAtLeast(fx.sents[i], fy.sents[j], memo.weights(x * features.length + y), options, min) ?? min;
      memo.scores.set(id, s);
    }
    if (typeof s === 'number' || s.score < min) return false;
    const pair = `${x} ${y}`;
    let links = out.get(pair);
    if (!links) out.set(pair, (links = new Map()));
    const key = i * fy.sents.length + j;
    if (!links.has(key)) links.set(key, { i, j, score: s.score, kind: s.kind ?? 'paraphrase', runs: s.runs, aligned: false });
    return true;
  };
}

/** lineSpeakers per features array: the caller asks one group at a time, and rebuilding them per group cost a pass over every quote of its articles. */
const speakerMemos = new WeakMap<readonly ArticleFeatures[], (x: number, i: number) => string | null>();

function lineSpeakersOf(features: readonly ArticleFeatures[]): (x: number, i: number) => string | null {
  let speakerOf = speakerMemos.get(features);
  if (speakerOf === undefined) speakerMemos.set(features, (speakerOf = lineSpeakers(features)));
  return speakerOf;
}

/**
 * The speaker of a sentence that is one quoted line: the named speaker of its only quote; null
 * for a sentence with no quote, several, or an unnamed speaker (read per article on first use).
 */
function lineSpeakers(features: readonly ArticleFeatures[]): (x: number, i: number) => string | null {
  const cache = new Map<number, Map<number, string | null>>();
  return (x, i) => {
    let bySentence = cache.get(x);
    if (bySentence === undefined) {
      cache.set(x, (bySentence = new Map()));
      for (const q of features[x].quotes) {
        const at = sentenceAt(features[x].sentences, q.start);
        bySentence.set(at, bySentence.has(at) ? null : q.speakerKey);
      }
    }
    return bySentence.get(i) ?? null;
  };
}
