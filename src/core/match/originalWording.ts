import type { OriginalReason, QuoteGroup, QuoteOccurrence, QuoteRelation } from '../model';
import { contentCount, wordingSeq } from './quoteWording';

/**
 * Each quote group has one original wording, and every other occurrence is verbatim, partial or
 * reworded against it (so a rewrite's rewordings are the misquotes, never the words it reworded):
 * 1. the occurrence in the source the group's other carriers derive from (direction of reuse);
 * 2. else the wording that more sources carry word for word than any other;
 * 3. else the most complete wording (most content words, then longest, then first).
 */

/** An occurrence before its group's original is chosen. */
export type DraftOccurrence = Omit<QuoteOccurrence, 'relation' | 'original' | 'wording'>;

export interface DraftGroup {
  readonly speakerKey: string | null;
  /** In bundle order. */
  readonly occurrences: readonly DraftOccurrence[];
  /** wordingSeq of each occurrence's text, when the caller has read them already (grouping has): not read again. */
  readonly seqs?: readonly string[];
}

/** True when article x derives, directly or through others, from article y. */
export type DerivesFrom = (x: number, y: number) => boolean;

/** One group's distinct wordings (same folded words) and the wording of each occurrence. */
function wordingsOf(group: DraftGroup): { seqs: string[]; of: number[] } {
  const index = new Map<string, number>();
  const seqs: string[] = [];
  const known = group.seqs;
  const of = group.occurrences.map((o, at) => {
    const seq = known === undefined ? wordingSeq(o.text) : known[at];
    let k = index.get(seq);
    if (k === undefined) {
      k = seqs.length;
      index.set(seq, k);
      seqs.push(seq);
    }
    return k;
  });
  return { seqs, of };
}

/** Groups with more wordings than this skip the fragment-of-a-fragment test (cubic in the wordings). */
const MAX_LINKED_FRAGMENTS = 32;

/**
 * Relations between wordings of one group: same words, one inside the other (or both pieces of a
 * third, fuller wording: fragments of one quotation), or different words.
 */
function relationMatrix(seqs: readonly string[]): QuoteRelation[][] {
  // within[x][y]: wording x, not blank, occurs inside wording y; each pair tested once, not once per third wording.
  const within = seqs.map((x) => {
    const blank = x.trim().length === 0;
    return seqs.map((y) => !blank && y.includes(x));
  });
  const touch = (x: number, y: number): boolean => within[x][y] || within[y][x];
  const linked = (x: number, y: number): boolean => {
    if (seqs.length > MAX_LINKED_FRAGMENTS) return false;
    for (let v = 0; v < seqs.length; v++) if (within[y][v] && touch(x, v)) return true;
    return false;
  };
  return seqs.map((_, i) => seqs.map((_y, j) => (i === j ? 'verbatim' : touch(i, j) || linked(i, j) || linked(j, i) ? 'partial' : 'reworded')));
}

/** The single source, among the group's carriers, that another carrier derives from and that derives from none of them. */
function originArticle(articles: readonly number[], derivesFrom: DerivesFrom | undefined): number | null {
  if (derivesFrom === undefined) return null;
  const roots = articles.filter((a) => articles.some((b) => b !== a && derivesFrom(b, a)) && !articles.some((c) => c !== a && derivesFrom(a, c)));
  return roots.length === 1 ? roots[0] : null;
}

/** Index of the most complete of some occurrences: most content words, then the longest, then the first. */
function mostComplete(candidates: readonly number[], seqs: readonly string[], of: readonly number[]): number {
  let best = candidates[0];
  for (const k of candidates) {
    const [a, b] = [seqs[of[k]], seqs[of[best]]];
    const [ca, cb] = [contentCount(a), contentCount(b)];
    if (ca > cb || (ca === cb && a.length > b.length)) best = k;
  }
  return best;
}

/** The wording carried word for word by more sources than any other (at least two), or null. */
function mostCarried(occurrences: readonly DraftOccurrence[], of: readonly number[], wordings: number): number | null {
  const carriers = Array.from({ length: wordings }, () => new Set<number>());
  occurrences.forEach((o, k) => carriers[of[k]].add(o.article));
  const counts = carriers.map((s) => s.size);
  const max = Math.max(...counts);
  return max >= 2 && counts.filter((n) => n === max).length === 1 ? counts.indexOf(max) : null;
}

function chooseOriginal(group: DraftGroup, seqs: readonly string[], of: readonly number[], derivesFrom?: DerivesFrom): { index: number; reason: OriginalReason } {
  const occ = group.occurrences;
  const all = occ.map((_, k) => k);
  const origin = originArticle([...new Set(occ.map((o) => o.article))], derivesFrom);
  if (origin !== null) return { index: mostComplete(all.filter((k) => occ[k].article === origin), seqs, of), reason: 'origin' };
  const carried = mostCarried(occ, of, seqs.length);
  if (carried !== null) return { index: all.find((k) => of[k] === carried) ?? 0, reason: 'most sources' };
  return { index: mostComplete(all, seqs, of), reason: 'most complete' };
}

/** A group with its original wording chosen and every occurrence's relation taken against it. */
export function withOriginal(group: DraftGroup, derivesFrom?: DerivesFrom): QuoteGroup {
  const { seqs, of } = wordingsOf(group);
  const matrix = relationMatrix(seqs);
  const { index, reason } = chooseOriginal(group, seqs, of, derivesFrom);
  const row = matrix[of[index]];
  // A literal, not a spread of the draft: spreading took V8's slow path (~a quarter of this function on dense bundles).
  const occurrences: QuoteOccurrence[] = group.occurrences.map((o, k) => ({
    article: o.article, quote: o.quote, start: o.start, end: o.end, text: o.text, speaker: o.speaker, relation: row[of[k]], original: k === index, wording: of[k],
  }));
  return { speakerKey: group.speakerKey, occurrences, original: index, originalReason: reason, wordingRelations: matrix };
}

/** The draft of a group (its occurrences without the fields the original decides). */
export function draftOf(group: QuoteGroup): DraftGroup {
  return {
    speakerKey: group.speakerKey,
    occurrences: group.occurrences.map((o) => ({ article: o.article, quote: o.quote, start: o.start, end: o.end, text: o.text, speaker: o.speaker })),
  };
}
