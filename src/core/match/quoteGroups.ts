import type { QuoteGroup, QuoteRelation } from '../model';
import type { CancellationLike } from '../cancellation';
import { throwIfCancelled } from '../cancellation';
import { wordKey } from './lexicon';
import { quoteCandidates } from './quoteCandidates';
import { readArticleQuotes } from './quoteWording';
import type { QuoteInfo, QuoteSource } from './quoteWording';
import { MIN_FRAGMENT_CONTENT, fragmentOf, relate } from './quoteRelation';
import type { Edge } from './quoteRelation';
import { withOriginal } from './originalWording';
import type { DerivesFrom, DraftGroup } from './originalWording';

export type { QuoteSource } from './quoteWording';
export { quoteRelation } from './quoteRelation';

/**
 * The same quotation across sources: verbatim, a fragment of it (partial), or — the case a
 * fact-checker cares about — quotation marks around different words for the same statement by
 * the same speaker (reworded). Candidates come from an index of rare keys with a bound per quote
 * (quoteCandidates.ts), so a bundle with thousands of quotes never compares all pairs. Phases:
 * read the quotes, find candidate links, merge the links into clusters, then give each cluster its
 * original wording (originalWording.ts).
 */

/** A word's comparison key: its stem and synonym group, shared with paraphrase scoring (lexicon.ts). */
export function stem(word: string): string {
  return wordKey(word);
}

/** Reading order across the bundle: article, then position. */
function before(a: QuoteInfo, b: QuoteInfo): boolean {
  return a.article < b.article || (a.article === b.article && a.quote.start < b.quote.start);
}

interface Link {
  readonly a: number;
  readonly b: number;
  readonly edge: Edge;
}

/** Phase 1: every article's quotes, in bundle order. */
function readQuotes(articles: readonly QuoteSource[], token?: CancellationLike): QuoteInfo[] {
  const infos: QuoteInfo[] = [];
  for (let a = 0; a < articles.length; a++) {
    for (const info of readArticleQuotes(a, articles[a])) infos.push(info);
    throwIfCancelled(token);
  }
  return infos;
}

/**
 * Phase 2: candidate links, each quote with earlier ones (quoteCandidates.ts: rare keys first, a
 * bounded number). An exact repeat links to the first copy and shares its candidates: a quote
 * carried by a hundred sources costs a hundred links, not five thousand comparisons.
 */
function candidateLinks(infos: readonly QuoteInfo[], token?: CancellationLike): Link[] {
  const links: Link[] = [];
  const { candidatesOf, shareRareWord } = quoteCandidates(infos);
  const firstBySeq = new Map<string, number>();
  for (let i = 0; i < infos.length; i++) {
    if ((i & 255) === 0) throwIfCancelled(token);
    const twin = firstBySeq.get(infos[i].seq);
    if (twin !== undefined && infos[twin].content >= MIN_FRAGMENT_CONTENT) {
      const edge = relate(infos[twin], infos[i]);
      if (edge !== null) {
        links.push({ a: twin, b: i, edge });
        continue;
      }
    }
    if (twin === undefined) firstBySeq.set(infos[i].seq, i);
    for (const j of candidatesOf(i)) {
      const jFirst = before(infos[j], infos[i]);
      const first = jFirst ? j : i;
      const second = jFirst ? i : j;
      const edge = relate(infos[first], infos[second]);
      // A rewording that shares only the commonest words of the bundle's quotes (a dialogue on a
      // small vocabulary) is chance; one found on meaning and setting shares few words by nature.
      if (edge !== null && (edge.relation !== 'reworded' || edge.inContext === true || shareRareWord(i, j))) links.push({ a: first, b: second, edge });
    }
  }
  return links;
}

interface Cluster {
  ref: number;
  readonly members: number[];
  readonly articles: Set<number>;
}

/**
 * Whether the members of one cluster can join a cluster whose first occurrence is `ref`: each must
 * relate to it (or be a fragment of one of the kept members), and never as a second wording from
 * an article the kept cluster already has (one article repeats a quote, it does not reword it).
 */
function canJoin(infos: readonly QuoteInfo[], ref: number, moved: readonly number[], kept: Cluster, related: Related): boolean {
  for (const m of moved) {
    const r = m === ref ? null : related(ref, m);
    if (r !== null) {
      if (r.relation === 'reworded' && kept.articles.has(infos[m].article)) return false;
      continue;
    }
    if (infos[m].content >= MIN_FRAGMENT_CONTENT && kept.members.some((k) => fragmentOf(infos[k], infos[m]) === infos[m])) continue;
    return false;
  }
  return true;
}

/** relate(infos[a], infos[b]) for a before b, remembered: merging asks again of pairs the links already related. */
type Related = (a: number, b: number) => Edge | null;

function relatedOf(infos: readonly QuoteInfo[], links: readonly Link[]): Related {
  const n = infos.length;
  const known = new Map<number, Edge | null>();
  for (const l of links) known.set(l.a * n + l.b, l.edge);
  return (a, b) => {
    let edge = known.get(a * n + b);
    if (edge === undefined) known.set(a * n + b, (edge = relate(infos[a], infos[b])));
    return edge;
  };
}

/** Phase 3: strongest links first, merged while every member stays related to the cluster's first occurrence. */
function mergeClusters(infos: readonly QuoteInfo[], links: Link[]): Cluster[] {
  links.sort((x, y) => y.edge.score - x.edge.score || x.a - y.a || x.b - y.b);
  const related = relatedOf(infos, links);
  const clusterOf = new Map<number, Cluster>();
  const clusterFor = (i: number): Cluster => {
    let c = clusterOf.get(i);
    if (c === undefined) clusterOf.set(i, (c = { ref: i, members: [i], articles: new Set([infos[i].article]) }));
    return c;
  };
  for (const { a, b } of links) {
    const ca = clusterFor(a);
    const cb = clusterFor(b);
    if (ca === cb) continue;
    const ref = before(infos[ca.ref], infos[cb.ref]) ? ca.ref : cb.ref;
    const [kept, moved] = ref === ca.ref ? [ca, cb] : [cb, ca];
    if (!canJoin(infos, ref, moved.members, kept, related)) continue;
    // The larger member list absorbs the smaller one.
    const [big, small] = ca.members.length >= cb.members.length ? [ca, cb] : [cb, ca];
    for (const m of small.members) {
      big.members.push(m);
      big.articles.add(infos[m].article);
      clusterOf.set(m, big);
    }
    big.ref = ref;
  }
  return [...new Set(clusterOf.values())].filter((c) => c.members.length >= 2);
}

/** Phase 4: a cluster as a group of occurrences in bundle order, before its original is chosen. */
function draftOf(infos: readonly QuoteInfo[], c: Cluster): DraftGroup {
  const members = [...c.members].sort((x, y) => (before(infos[x], infos[y]) ? -1 : before(infos[y], infos[x]) ? 1 : 0));
  const occurrences = members.map((m) => ({
    article: infos[m].article,
    quote: infos[m].index,
    start: infos[m].quote.start,
    end: infos[m].quote.end,
    text: infos[m].quote.text,
    speaker: infos[m].quote.speaker,
  }));
  const speakerKey = infos[c.ref].speakerKey ?? members.map((m) => infos[m].speakerKey).find((k) => k !== null) ?? null;
  return { speakerKey, occurrences };
}

/**
 * Groups the quotes of a bundle: each group lists its occurrences in bundle order, each with its
 * relation to the group's original wording (given `derivesFrom`, the direction of reuse, the
 * occurrence in the source the others derive from). Only groups of two or more occurrences are
 * returned. Quotes nested inside another quote are left out (someone else's words, quoted by the speaker).
 */
export function groupQuotes(articles: readonly QuoteSource[], token?: CancellationLike, derivesFrom?: DerivesFrom): QuoteGroup[] {
  const infos = readQuotes(articles, token);
  const clusters = mergeClusters(infos, candidateLinks(infos, token));
  const groups = clusters.map((c) => withOriginal(draftOf(infos, c), derivesFrom));
  groups.sort((x, y) => x.occurrences[0].article - y.occurrences[0].article || x.occurrences[0].start - y.occurrences[0].start);
  return groups;
}

/** The relation of one occurrence of a group to another, as stored in the group. */
export function relationBetween(group: QuoteGroup, from: number, to: number): QuoteRelation {
  return group.wordingRelations[group.occurrences[from].wording][group.occurrences[to].wording];
}
