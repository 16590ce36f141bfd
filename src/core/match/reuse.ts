import type { Match, QuoteGroup, SourceSummary } from '../model';
import { sentenceAt } from '../text/sentences';
import type { CancellationLike, Cursor, Progress } from '../cancellation';
import { inUnits } from '../cancellation';
import { continueBoilerplate, newBoilerplateSearch } from './boilerplate';
import type { Boilerplate, BoilerplateSearch } from './boilerplate';
import { continueSources, newSourcesSummary } from './coverage';
import type { SourcesSummary } from './coverage';
import { continueDirection, newDirectionSearch } from './direction';
import type { Direction, DirectionSearch, LinkedArticles } from './direction';
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
  return continueReuse(newReuseProgress(), input);
}

/** Quote groups given their original against the direction per unit of work. */
const GROUPS_PER_UNIT = 64;

/**
 * summarizeReuse so far, each step's progress kept (boilerplate, the direction and the
 * coverage, pairs by the unit; the quote groups' originals, groups by the unit): a call stopped by its
 * token between two units (a time slice) resumes after the last, in the same order, to the same result.
 */
export interface ReuseProgress extends Progress {
  readonly boilerplateSearch: BoilerplateSearch;
  boilerplate?: Boilerplate;
  readonly direction: DirectionSearch;
  directionFound?: Direction;
  readonly groupsAt: Cursor;
  readonly groups: QuoteGroup[];
  sources?: SourcesSummary;
}

export function newReuseProgress(): ReuseProgress {
  return { units: 0, boilerplateSearch: newBoilerplateSearch(), direction: newDirectionSearch(), groupsAt: { next: 0 }, groups: [] };
}

/** summarizeReuse from where `p` stopped (the same input each call): throws CancelledError between two units when `token` asks. */
export function continueReuse(p: ReuseProgress, input: ReuseInput, token?: CancellationLike): Reuse {
  const sizes = input.sentences.map((s) => s.length);
  const boilerplate = (p.boilerplate ??= continueBoilerplate(p.boilerplateSearch, p, input.pairs, sizes, token));
  const direction = (p.directionFound ??= continueDirection(p.direction, p, { ...input, pairs: boilerplate.pairs, groups: input.quoteGroups }, token));
  const groups = input.quoteGroups;
  inUnits(p, p.groupsAt, groups.length, GROUPS_PER_UNIT, token, (k) => {
    p.groups.push(directionBears(groups[k], direction) ? withOriginal(draftOf(groups[k]), direction.derivesFrom) : groups[k]);
  });
  const sources = continueSources((p.sources ??= newSourcesSummary(input.articles.map((a) => a.name), sizes)), p, boilerplate.pairs, direction, token);
  const sideIs = (article: number, start: number): boolean => !boilerplate.none && boilerplate.isBoilerplate(article, sentenceAt(input.sentences[article], start));
  return {
    quoteGroups: [...p.groups],
    sources,
    markMatches: (matches) => {
      for (const m of matches) m.boilerplate = sideIs(m.a.article, m.a.start) || sideIs(m.b.article, m.b.start);
      return matches;
    },
  };
}
