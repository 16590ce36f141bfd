import type { Coverage, MatchKind, SourceRelation, SourceSummary } from '../model';
import type { Direction } from './direction';

/** Sentence links of one article pair (a < b), by sentence index. */
export interface PairLinks {
  readonly a: number;
  readonly b: number;
  readonly links: readonly { readonly i: number; readonly j: number; readonly kind?: MatchKind }[];
}

/** No direction known: every pair shares. */
const NO_DIRECTION: Pick<Direction, 'between' | 'origins'> = { between: () => undefined, origins: [] };

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
  const covered = sentenceCounts.map((n) => new Uint8Array(n));
  const covers: Coverage[][] = names.map(() => []);
  const side = (article: number, other: number, links: { self: number; other: number }[]) => {
    const seen = new Set<number>();
    for (const l of links) {
      seen.add(l.self);
      covered[article][l.self] = 1;
    }
    if (seen.size === 0) return;
    links.sort((x, y) => x.self - y.self || x.other - y.other);
    let inOrder = true;
    for (let k = 1; k < links.length && inOrder; k++) inOrder = links[k].other >= links[k - 1].other;
    const total = sentenceCounts[article];
    const d = direction.between(article, other);
    const relation: SourceRelation = d === undefined ? 'shares with' : d.derived === article ? 'derives from' : 'source of';
    covers[article].push({ article: other, share: total === 0 ? 0 : seen.size / total, covered: seen.size, total, inOrder, relation, evidence: d?.evidence ?? [] });
  };
  for (const p of pairs) {
    side(p.a, p.b, p.links.map((l) => ({ self: l.i, other: l.j })));
    side(p.b, p.a, p.links.map((l) => ({ self: l.j, other: l.i })));
  }
  return names.map((name, k) => {
    const total = sentenceCounts[k];
    let shared = 0;
    for (const c of covered[k]) shared += c;
    return {
      name,
      uniqueShare: total === 0 ? 0 : (total - shared) / total,
      covers: covers[k].sort((x, y) => y.share - x.share || x.article - y.article),
      origin: direction.origins[k]?.origin ?? null,
      evidence: direction.origins[k]?.evidence ?? [],
    };
  });
}
