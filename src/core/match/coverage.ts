import type { Coverage, MatchKind, SourceRelation, SourceSummary } from '../model';
import type { Direction } from './direction';
import type { CancellationLike, Cursor, Progress } from '../cancellation';
import { inUnits } from '../cancellation';

/** Sentence links of one article pair (a < b), by sentence index. */
export interface PairLinks {
  readonly a: number;
  readonly b: number;
  readonly links: readonly { readonly i: number; readonly j: number; readonly kind?: MatchKind }[];
}

/** No direction known: every pair shares. */
const NO_DIRECTION: Pick<Direction, 'between' | 'origins'> = { between: () => undefined, origins: [] };

/** One side of a pair's links: which of its sentences they link, how many, and whether they keep the order. */
export interface LinkSide {
  /** 1 for each sentence of this side that a link takes. */
  readonly linked: Uint8Array;
  readonly covered: number;
  /** Taken in this side's order (then the other's), the other side's sentences never go back. */
  readonly inOrder: boolean;
}

/** The side `a` (sentences i) or `b` (sentences j) of a pair's links; `total` and `otherTotal` are the two articles' sentence counts. */
export function linkSide(links: PairLinks['links'], side: 'a' | 'b', total: number, otherTotal: number): LinkSide {
  const linked = new Uint8Array(total);
  // Each link as one number, self * otherTotal + other: sorting them sorts by self, then other.
  const keys = new Float64Array(links.length);
  let covered = 0;
  for (let k = 0; k < links.length; k++) {
    const self = side === 'a' ? links[k].i : links[k].j;
    const other = side === 'a' ? links[k].j : links[k].i;
    if (linked[self] === 0) covered++;
    linked[self] = 1;
    keys[k] = self * otherTotal + other;
  }
  keys.sort();
  let inOrder = true;
  for (let k = 1; k < keys.length && inOrder; k++) inOrder = keys[k] % otherTotal >= keys[k - 1] % otherTotal;
  return { linked, covered, inOrder };
}

/**
 * Per source: the share of its sentences no other source shares, and for every other source how
 * many of its sentences that source covers, whether in the same order, and the direction of reuse
 * between the two ("derives from 002: rewords 3 of its quotes"). Give it links without boilerplate.
 */
export function summarizeSources(
  names: readonly string[],
  sentenceCounts: readonly number[],
  pairs: readonly PairLinks[],
  direction: Pick<Direction, 'between' | 'origins'> = NO_DIRECTION,
): SourceSummary[] {
  return continueSources(newSourcesSummary(names, sentenceCounts), { units: 0 }, pairs, direction);
}

/** Pairs read per unit of work. */
const PAIRS_PER_UNIT = 256;

/** summarizeSources so far for the given sources: the pairs read (a time slice stops between two units), and what they cover. */
export interface SourcesSummary {
  readonly names: readonly string[];
  readonly sentenceCounts: readonly number[];
  readonly at: Cursor;
  readonly shared: number[];
  readonly covered: Uint8Array[];
  readonly covers: Coverage[][];
}

export function newSourcesSummary(names: readonly string[], sentenceCounts: readonly number[]): SourcesSummary {
  return { names, sentenceCounts, at: { next: 0 }, shared: sentenceCounts.map(() => 0), covered: sentenceCounts.map((n) => new Uint8Array(n)), covers: sentenceCounts.map(() => []) };
}

/** summarizeSources from where `s` stopped (the same pairs and direction each call), PAIRS_PER_UNIT pairs per unit of `progress`. */
export function continueSources(
  s: SourcesSummary, progress: Progress, pairs: readonly PairLinks[], direction: Pick<Direction, 'between' | 'origins'>, token?: CancellationLike,
): SourceSummary[] {
  const { sentenceCounts, shared, covered, covers } = s;
  const add = (article: number, other: number, side: LinkSide): void => {
    if (side.covered === 0) return;
    for (let k = 0; k < side.linked.length; k++) {
      if (side.linked[k] === 0 || covered[article][k] === 1) continue;
      covered[article][k] = 1;
      shared[article]++;
    }
    const total = sentenceCounts[article];
    const d = direction.between(article, other);
    const relation: SourceRelation = d === undefined ? 'shares with' : d.derived === article ? 'derives from' : 'source of';
    covers[article].push({ article: other, share: total === 0 ? 0 : side.covered / total, covered: side.covered, total, inOrder: side.inOrder, relation, evidence: d?.evidence ?? [] });
  };
  inUnits(progress, s.at, pairs.length, PAIRS_PER_UNIT, token, (k) => {
    const p = pairs[k];
    add(p.a, p.b, linkSide(p.links, 'a', sentenceCounts[p.a], sentenceCounts[p.b]));
    add(p.b, p.a, linkSide(p.links, 'b', sentenceCounts[p.b], sentenceCounts[p.a]));
  });
  return s.names.map((name, k) => {
    const total = sentenceCounts[k];
    return {
      name,
      uniqueShare: total === 0 ? 0 : (total - shared[k]) / total,
      covers: [...covers[k]].sort((x, y) => y.share - x.share || x.article - y.article),
      origin: direction.origins[k]?.origin ?? null,
      evidence: direction.origins[k]?.evidence ?? [],
    };
  });
}
