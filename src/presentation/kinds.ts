// The match kinds as the editor shows them: their order (strongest first), their signs, and which of
// two matches is the stronger. Every list, legend, filter and "strongest match" reads these.
import type { MatchKind } from '../core/model';

/** Strongest first: verbatim, near-verbatim (reworded), paraphrase. */
export const MATCH_KINDS: readonly MatchKind[] = ['verbatim', 'near-verbatim', 'paraphrase'];

/** The sign shown before a source's name: = word for word, ≃ reworded, ≈ in other words. */
export const KIND_SIGN: Readonly<Record<MatchKind, string>> = { verbatim: '=', 'near-verbatim': '≃', paraphrase: '≈' };

const KIND_RANK: Readonly<Record<MatchKind, number>> = { verbatim: 3, 'near-verbatim': 2, paraphrase: 1 };

/** Higher for stronger kinds: verbatim > near-verbatim > paraphrase. */
export function kindRank(kind: MatchKind): number {
  return KIND_RANK[kind];
}

/** For sort(): strongest kind first. */
export function byStrength(x: MatchKind, y: MatchKind): number {
  return KIND_RANK[y] - KIND_RANK[x];
}

/** Whether match `x` is stronger than `y`: a stronger kind, or the same kind with a higher score. */
export function isStronger(x: { readonly kind: MatchKind; readonly score: number }, y: { readonly kind: MatchKind; readonly score: number }): boolean {
  const r = KIND_RANK[x.kind] - KIND_RANK[y.kind];
  return r > 0 || (r === 0 && x.score > y.score);
}

/** Anything that stands for a match shared with another article (the index's SideMatch, a CLI row). */
export interface SharedWith {
  readonly match: { readonly kind: MatchKind; readonly score: number };
  readonly other: { readonly article: number };
}

/** The strongest of `items` per other article (hover, Sources view, lenses: one entry per source). */
export function strongestPerArticle<T extends SharedWith>(items: Iterable<T>): Map<number, T> {
  const best = new Map<number, T>();
  for (const m of items) {
    const held = best.get(m.other.article);
    if (!held || isStronger(m.match, held.match)) best.set(m.other.article, m);
  }
  return best;
}
