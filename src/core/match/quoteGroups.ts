import type { QuoteGroup, QuoteRelation } from '../model';
import type { CancellationLike, Cursor, Progress } from '../cancellation';
import { inUnits, throwIfCancelled } from '../cancellation';
import { wordKey } from './lexicon';
import { quoteCandidates } from './quoteCandidates';
import type { QuoteIndex } from './quoteCandidates';
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

/** Work per unit, a few milliseconds each: quotes linked (relate() calls), links merged, clusters drafted (and given their original). */
const PER_UNIT = { quotes: 32, links: 512, clusters: 32 } as const;

/**
 * Grouping cut into units of work (an article read, a block of quotes linked, of links merged, of
 * clusters drafted), its progress kept here between calls: a call stopped by its token between two
 * units (a time slice) resumes after the last. Each phase reads its items in the same order as one
 * uninterrupted call, so the groups are the same.
 */
export interface QuoteGrouping extends Progress {
  /** Phase 1: the quotes read so far, in bundle order, and the next article to read. */
  readonly infos: QuoteInfo[];
  readonly readAt: Cursor;
  /** Phase 2: the candidate index (built once the quotes are read), the links found, the next quote. */
  index?: QuoteIndex;
  readonly firstBySeq: Map<string, number>;
  readonly links: Link[];
  readonly linkAt: Cursor;
  /** Phase 3: the merging state (once the links are sorted) and the next link to merge. */
  merging?: Merging;
  readonly mergeAt: Cursor;
  /** Phase 4: the clusters of two or more, the groups drafted from them so far, the next to draft. */
  clusters?: Cluster[];
  readonly groups: QuoteGroup[];
  readonly draftAt: Cursor;
  /** The sorted groups, once every phase is done. */
  done?: QuoteGroup[];
}

export function newQuoteGrouping(): QuoteGrouping {
  return { units: 0, infos: [], readAt: { next: 0 }, firstBySeq: new Map(), links: [], linkAt: { next: 0 }, mergeAt: { next: 0 }, groups: [], draftAt: { next: 0 } };
}

/** Phase 1: each article's quotes, in bundle order, one article per unit. */
function readQuotes(g: QuoteGrouping, articles: readonly QuoteSource[], token?: CancellationLike): void {
  inUnits(g, g.readAt, articles.length, 1, token, (a) => {
    // An index loop: this callback runs once per article, too few times to be optimized, and for…of
    // would allocate an iterator result per quote.
    const read = readArticleQuotes(a, articles[a]);
    for (let q = 0; q < read.length; q++) g.infos.push(read[q]);
  });
}

/**
 * Phase 2: candidate links, each quote with earlier ones (quoteCandidates.ts: rare keys first, a
 * bounded number). An exact repeat links to the first copy and shares its candidates: a quote
 * carried by a hundred sources costs a hundred links, not five thousand comparisons.
 * PER_UNIT.quotes quotes per unit; the index is asked in increasing order, as it must be.
 */
function candidateLinks(g: QuoteGrouping, token?: CancellationLike): void {
  const infos = g.infos;
  if (g.index === undefined) {
    g.index = quoteCandidates(infos);
    g.units++;
    throwIfCancelled(token);
  }
  const index = g.index;
  inUnits(g, g.linkAt, infos.length, PER_UNIT.quotes, token, (i) => linkQuote(g, index, i));
}

/** The links of quote i with earlier quotes, added to g.links. */
function linkQuote(g: QuoteGrouping, index: QuoteIndex, i: number): void {
  const { infos, links, firstBySeq } = g;
  const twin = firstBySeq.get(infos[i].seq);
  if (twin !== undefined && infos[twin].content >= MIN_FRAGMENT_CONTENT) {
    const edge = relate(infos[twin], infos[i]);
    if (edge !== null) {
      links.push({ a: twin, b: i, edge });
      return;
    }
  }
  if (twin === undefined) firstBySeq.set(infos[i].seq, i);
  // An index loop: for…of allocates an iterator result per candidate until linkQuote is optimized.
  const candidates = index.candidatesOf(i);
  for (let c = 0; c < candidates.length; c++) {
    const j = candidates[c];
    const jFirst = before(infos[j], infos[i]);
    const first = jFirst ? j : i;
    const second = jFirst ? i : j;
    const edge = relate(infos[first], infos[second]);
    // A rewording that shares only the commonest words of the bundle's quotes (a dialogue on a
    // small vocabulary) is chance; one found on meaning and setting shares few words by nature.
    if (edge !== null && (edge.relation !== 'reworded' || edge.inContext === true || index.shareRareWord(i, j))) links.push({ a: first, b: second, edge });
  }
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

/** Clusters as merging leaves them: by member, and the remembered relations. */
interface Merging {
  readonly related: Related;
  readonly clusterOf: Map<number, Cluster>;
}

/**
 * Phase 3: strongest links first, merged while every member stays related to the cluster's first
 * occurrence; PER_UNIT.links links per unit. Ends with the clusters of two or more.
 */
function mergeClusters(g: QuoteGrouping, token?: CancellationLike): Cluster[] {
  const { infos, links } = g;
  if (g.merging === undefined) {
    links.sort((x, y) => y.edge.score - x.edge.score || x.a - y.a || x.b - y.b);
    g.merging = { related: relatedOf(infos, links), clusterOf: new Map() };
    g.units++;
    throwIfCancelled(token);
  }
  const { related, clusterOf } = g.merging;
  inUnits(g, g.mergeAt, links.length, PER_UNIT.links, token, (k) => mergeLink(infos, clusterOf, related, links[k]));
  return [...new Set(clusterOf.values())].filter((c) => c.members.length >= 2);
}

/** Merges the clusters of a link's two quotes when every member can join (canJoin). */
function mergeLink(infos: readonly QuoteInfo[], clusterOf: Map<number, Cluster>, related: Related, { a, b }: Link): void {
  const clusterFor = (i: number): Cluster => {
    let c = clusterOf.get(i);
    if (c === undefined) clusterOf.set(i, (c = { ref: i, members: [i], articles: new Set([infos[i].article]) }));
    return c;
  };
  const ca = clusterFor(a);
  const cb = clusterFor(b);
  if (ca === cb) return;
  const ref = before(infos[ca.ref], infos[cb.ref]) ? ca.ref : cb.ref;
  const [kept, moved] = ref === ca.ref ? [ca, cb] : [cb, ca];
  if (!canJoin(infos, ref, moved.members, kept, related)) return;
  // The larger member list absorbs the smaller one.
  const [big, small] = ca.members.length >= cb.members.length ? [ca, cb] : [cb, ca];
  for (const m of small.members) {
    big.members.push(m);
    big.articles.add(infos[m].article);
    clusterOf.set(m, big);
  }
  big.ref = ref;
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
  // Each quote's wording as reading found it: withOriginal need not fold the texts again.
  return { speakerKey, occurrences, seqs: members.map((m) => infos[m].seq) };
}

/**
 * Groups the quotes of a bundle: each group lists its occurrences in bundle order, each with its
 * relation to the group's original wording (given `derivesFrom`, the direction of reuse, the
 * occurrence in the source the others derive from). Only groups of two or more occurrences are
 * returned. Quotes nested inside another quote are left out (someone else's words, quoted by the speaker).
 */
export function groupQuotes(articles: readonly QuoteSource[], token?: CancellationLike, derivesFrom?: DerivesFrom): QuoteGroup[] {
  return continueGrouping(newQuoteGrouping(), articles, token, derivesFrom);
}

/**
 * groupQuotes from where `g` stopped (the same articles each call): throws CancelledError between two
 * units when `token` asks, with the progress kept in `g`; the next call goes on from there.
 */
export function continueGrouping(g: QuoteGrouping, articles: readonly QuoteSource[], token?: CancellationLike, derivesFrom?: DerivesFrom): QuoteGroup[] {
  if (g.done !== undefined) return g.done;
  readQuotes(g, articles, token);
  candidateLinks(g, token);
  g.clusters ??= mergeClusters(g, token);
  const clusters = g.clusters;
  inUnits(g, g.draftAt, clusters.length, PER_UNIT.clusters, token, (k) => g.groups.push(withOriginal(draftOf(g.infos, clusters[k]), derivesFrom)));
  g.done = [...g.groups].sort((x, y) => x.occurrences[0].article - y.occurrences[0].article || x.occurrences[0].start - y.occurrences[0].start);
  return g.done;
}

/** The relation of one occurrence of a group to another, as stored in the group. */
export function relationBetween(group: QuoteGroup, from: number, to: number): QuoteRelation {
  return group.wordingRelations[group.occurrences[from].wording][group.occurrences[to].wording];
}
