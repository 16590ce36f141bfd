import type { AnalysisOptions, QuoteGroup } from '../model';
import type { ArticleFeatures } from './articleFeatures';
import type { SentenceLink } from './documentPair';
import { pairWeights } from './documentPair';
import { scoreSentences } from './sentenceScore';
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
  const weights = new Map<string, ReturnType<typeof pairWeights>>();
  // Each sentence pair is scored once, however many quotations and neighbours lead to it.
  const memo = new Map<string, ReturnType<typeof scoreSentences>>();
  const add = (x: number, y: number, i: number, j: number, min: number): boolean => {
    const fx = features[x];
    const fy = features[y];
    if (i < 0 || j < 0 || i >= fx.sents.length || j >= fy.sents.length) return false;
    // A pair the articles' own comparison already links needs no anchor (and no second scoring).
    if (known?.(x, y, i, j) === true) return true;
    const pair = `${x} ${y}`;
    let weight = weights.get(pair);
    if (!weight) weights.set(pair, (weight = pairWeights(fx, fy)));
    const id = `${pair} ${i} ${j}`;
    let s = memo.get(id);
    if (s === undefined) memo.set(id, (s = scoreSentences(fx.sents[i], fy.sents[j], weight, options)));
    if (s.score < min) return false;
    let links = out.get(pair);
    if (!links) out.set(pair, (links = new Map()));
    const key = i * fy.sents.length + j;
    if (!links.has(key)) links.set(key, { i, j, score: s.score, kind: s.kind ?? 'paraphrase', runs: s.runs, aligned: false });
    return true;
  };
  // Sentences that hold a grouped quote: such a neighbour is anchored by its own quote's group,
  // or it is another statement (in a dialogue nearly every sentence is one: little neighbour scoring).
  const grouped = new Set<string>();
  for (const g of groups) for (const o of g.occurrences) grouped.add(`${o.article} ${sentenceAt(features[o.article].sentences, o.start)}`);
  for (const g of groups) {
    for (let p = 0; p < g.occurrences.length; p++) {
      for (let q = p + 1; q < g.occurrences.length; q++) {
        const o1 = g.occurrences[p];
        const o2 = g.occurrences[q];
        if (o1.article === o2.article) continue;
        const [a, b] = o1.article < o2.article ? [o1, o2] : [o2, o1];
        const i = sentenceAt(features[a.article].sentences, a.start);
        const j = sentenceAt(features[b.article].sentences, b.start);
        if (!add(a.article, b.article, i, j, MIN_QUOTED)) continue;
        for (const [di, dj] of [[-1, 0], [1, 0], [0, -1], [0, 1]] as const) {
          if (!grouped.has(`${a.article} ${i + di}`) || !grouped.has(`${b.article} ${j + dj}`)) add(a.article, b.article, i + di, j + dj, MIN_NEIGHBOUR);
        }
      }
    }
  }
  const result = new Map<string, SentenceLink[]>();
  for (const [pair, links] of out) result.set(pair, [...links.values()]);
  return result;
}
