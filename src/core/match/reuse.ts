import type { Match, QuoteGroup, SourceSummary } from '../model';
import { sentenceAt } from '../text/sentences';
import { findBoilerplate } from './boilerplate';
import { summarizeSources } from './coverage';
import { directionOfReuse } from './direction';
import type { Direction, LinkedArticles } from './direction';
import { draftOf, withOriginal } from './originalWording';

/**
 * The last phase of an analysis: boilerplate, direction of reuse, each quote group's original
 * wording against that direction, and per-source coverage — in that order, because boilerplate is
 * no evidence of reuse and the original of a quotation is the one in the source the others derive from.
 */

export interface ReuseInput extends LinkedArticles {
  /** Quote groups as grouping found them (originals chosen without direction). */
  readonly quoteGroups: readonly QuoteGroup[];
}

/** A match whose `boilerplate` flag is still to be set. */
export type UnmarkedMatch = Omit<Match, 'boilerplate'> & { boilerplate?: boolean };

export interface Reuse {
  readonly quoteGroups: QuoteGroup[];
  readonly sources: SourceSummary[];
  /** Sets `boilerplate` on each match (in place: the matches are the analysis's own, fresh) and returns them. */
  markMatches(matches: UnmarkedMatch[]): Match[];
}

/**
 * True when one carrier of the group derives from another. Otherwise the direction cannot choose
 * the group's original, and choosing again would give the group grouping made (ReuseInput's contract).
 */
function directionBears(g: QuoteGroup, direction: Direction): boolean {
  const articles = [...new Set(g.occurrences.map((o) => o.article))];
  return articles.some((x) => (direction.origins[x]?.origin ?? null) !== null && articles.some((y) => y !== x && direction.derivesFrom(x, y)));
}

export function summarizeReuse(input: ReuseInput): Reuse {
  const sizes = input.sentences.map((s) => s.length);
  const boilerplate = findBoilerplate(input.pairs, sizes);
  const direction = directionOfReuse({ ...input, pairs: boilerplate.pairs, groups: input.quoteGroups });
  const quoteGroups = input.quoteGroups.map((g) => (directionBears(g, direction) ? withOriginal(draftOf(g), direction.derivesFrom) : g));
  const sources = summarizeSources(input.articles.map((a) => a.name), sizes, boilerplate.pairs, direction);
  const sideIs = (article: number, start: number): boolean => !boilerplate.none && boilerplate.isBoilerplate(article, sentenceAt(input.sentences[article], start));
  return {
    quoteGroups,
    sources,
    markMatches: (matches) => {
      for (const m of matches) m.boilerplate = sideIs(m.a.article, m.a.start) || sideIs(m.b.article, m.b.start);
      return matches;
    },
  };
}
