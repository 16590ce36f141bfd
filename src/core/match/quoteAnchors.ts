import type { AnalysisOptions, QuoteGroup } from '../model';
import type { ArticleFeatures } from './articleFeatures';
import type { SentenceLink } from './documentPair';
import { NEIGHBOURS, pairScorer } from './documentPair';
import type { PairScorer } from './documentPair';
import { scoreAtLeast } from './sentenceScore';
import type { PairScore } from './sentenceScore';
import { sentenceAt } from '../text/sentences';

/** A quoted sentence pair needs at least this score: the quote alone may be a few words of a long sentence. */
const MIN_QUOTED = 0.2;
/** A neighbour of an anchored sentence joins it with at least this score (a report that sums up two sentences in one). */
const MIN_NEIGHBOUR = 0.3;

/** Per article pair (x·n + y, x < y): its anchored links by sentence pair (i·|y| + j). */
export type AnchoredLinks = Map<number, Map<number, SentenceLink>>;

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
  known?: KnownLinks,
): Map<string, SentenceLink[]> {
  const requests: AnchorRequests = new Map();
  for (const g of groups) for (let p = 0; p < g.occurrences.length; p++) collectOccurrence(g, p, features, requests);
  const out: AnchoredLinks = new Map();
  for (const pair of anchorOrder(requests)) {
    const anchors = new PairAnchors(pair, features, options, known);
    const flat = requests.get(pair) ?? [];
    for (let r = 0; r < flat.length; r += 2) anchors.anchor(flat[r], flat[r + 1]);
    if (anchors.links.size > 0) out.set(pair, anchors.links);
  }
  const n = features.length;
  const result = new Map<string, SentenceLink[]>();
  for (const [pair, links] of out) result.set(`${Math.floor(pair / n)} ${pair % n}`, [...links.values()]);
  return result;
}

/** Whether the articles' own comparison links sentence i of article x to sentence j of article y (x < y). */
export type KnownLinks = (x: number, y: number, i: number, j: number) => boolean;

/** The sentence pairs quotations put side by side, by article pair (x·n + y, x < y): i, j, i, j, … */
export type AnchorRequests = Map<number, number[]>;

/**
 * Adds to `requests` the sentence pair that occurrence p of group g forms with each later occurrence q
 * in another article. Reading them all first lets the anchors be scored article pair by article pair
 * (each pair's key weights built once, its sentences' grams still warm).
 */
export function collectOccurrence(g: QuoteGroup, p: number, features: readonly ArticleFeatures[], requests: AnchorRequests): void {
  const n = features.length;
  const o1 = g.occurrences[p];
  const s1 = sentenceAt(features[o1.article].sentences, o1.start);
  for (let q = p + 1; q < g.occurrences.length; q++) {
    const o2 = g.occurrences[q];
    if (o1.article === o2.article) continue;
    const s2 = sentenceAt(features[o2.article].sentences, o2.start);
    const first = o1.article < o2.article;
    const pair = first ? o1.article * n + o2.article : o2.article * n + o1.article;
    let flat = requests.get(pair);
    if (flat === undefined) requests.set(pair, (flat = []));
    if (first) flat.push(s1, s2);
    else flat.push(s2, s1);
  }
}

/** The article pairs of `requests` in the order their anchors are scored: by first article, then second. */
export function anchorOrder(requests: AnchorRequests): number[] {
  return [...requests.keys()].sort((x, y) => x - y);
}

/**
 * The anchors of one article pair: each quoted sentence pair scored, and when it links, its
 * neighbours (a link already there kept). Each sentence pair is scored once, however many quotations
 * and neighbours lead to it; a pair that cannot reach the least score asked is only known to stay
 * under it (scoreAtLeast), and is scored again when a lower least score is asked of it.
 */
export class PairAnchors {
  /** The links found, by sentence pair (i·|y| + j), the first found kept. */
  readonly links = new Map<number, SentenceLink>();
  private readonly x: number;
  private readonly y: number;
  private readonly fx: ArticleFeatures;
  private readonly fy: ArticleFeatures;
  /** Built when a sentence pair is first scored: a pair whose quoted sentences its comparison links already may score none. */
  private scorer: PairScorer | undefined;
  /** Each sentence pair's score, or the least score it is known to stay under. */
  private readonly scores = new Map<number, PairScore | number>();
  private readonly speakerOf: (x: number, i: number) => string | null;

  /**
   * @param measured what the articles' own comparison scored (documentPair's MeasuredPairs, same numbering
   * as `scores`), when the caller kept it: read before scoring a sentence pair again.
   */
  constructor(
    pair: number, features: readonly ArticleFeatures[], private readonly options: AnalysisOptions,
    private readonly known?: KnownLinks, private readonly measured?: ReadonlyMap<number, PairScore | number>,
  ) {
    this.x = Math.floor(pair / features.length);
    this.y = pair % features.length;
    this.fx = features[this.x];
    this.fy = features[this.y];
    this.speakerOf = lineSpeakersOf(features);
  }

  /** The anchors of quoted sentence i of x facing quoted sentence j of y, and of their neighbours. */
  anchor(i: number, j: number): void {
    if (!this.add(i, j, MIN_QUOTED)) return;
    for (const [di, dj] of NEIGHBOURS) {
      // Two neighbours that are each one quoted line of a different speaker are different statements (a dialogue).
      const s1 = this.speakerOf(this.x, i + di);
      const s2 = this.speakerOf(this.y, j + dj);
      if (s1 === null || s2 === null || s1 === s2) this.add(i + di, j + dj, MIN_NEIGHBOUR);
    }
  }

  /** Adds the link (x, i)–(y, j) when its sentences score at least `min`; true when linked. */
  private add(i: number, j: number, min: number): boolean {
    const { fx, fy } = this;
    if (i < 0 || j < 0 || i >= fx.sents.length || j >= fy.sents.length) return false;
    // A pair the articles' own comparison already links needs no anchor (and no second scoring).
    if (this.known?.(this.x, this.y, i, j) === true) return true;
    const key = i * fy.sents.length + j;
    let s = this.scores.get(key) ?? this.measured?.get(key);
    // A number: the score is known to be under it, which says nothing for a lower least score.
    if (s === undefined || (typeof s === 'number' && s > min)) {
      const scorer = (this.scorer ??= pairScorer(fx, fy));
      scorer.expect(i, j);
      s = scoreAtLeast(fx.sents[i], fy.sents[j], scorer.weight, this.options, min) ?? min;
      this.scores.set(key, s);
    }
    if (typeof s === 'number' || s.score < min) return false;
    if (!this.links.has(key)) this.links.set(key, { i, j, score: s.score, kind: s.kind ?? 'paraphrase', runs: s.runs, aligned: false });
    return true;
  }
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
