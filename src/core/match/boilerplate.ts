import type { CancellationLike, Cursor, Progress } from '../cancellation';
import { inUnits, throwIfCancelled } from '../cancellation';
import type { PairLinks } from './coverage';

/**
 * Boilerplate: text that recurs across many articles that share nothing else — page headers,
 * bylines ("By <name>, <agency>"), sign-offs, markup lines. Found from the bundle itself: sentences
 * linked word for word form clusters; a cluster carried by at least MIN_CARRIERS articles is
 * boilerplate when most pairs of articles that share it are otherwise unrelated (what else they
 * share is under RELATED_SHARE of each). A story many sources take up is not: its carriers share
 * the rest of it too. All suspects are left out of "what else" at first (a header and a sign-off
 * must not vouch for each other); suspects cleared are put back and the test runs again.
 * Boilerplate sits at the edges of articles (first or last sentences) in most of its occurrences:
 * one source's paragraph copied into the middle of several unrelated texts is reuse.
 */

/** Carriers a cluster needs before it can be boilerplate ("many articles"). */
const MIN_CARRIERS = 4;
/** A pair is related when what else it shares covers at least this share of one of the two articles. */
const RELATED_SHARE = 0.3;
/** Boilerplate when at most this share of the pairs that carry the cluster are related otherwise. */
const MAX_RELATED_PAIRS = 1 / 3;
/** Page headers, bylines and sign-offs sit at an article's edges: within this many sentences of its start or end. */
const EDGE = 3;
/** Share of a cluster's sentences that must sit at an edge: a passage reused inside many texts is reuse, not boilerplate. */
const MIN_AT_EDGE = 0.5;
/** Rounds of the test (each one only clears suspects); a bound, real bundles settle in two or three. */
const MAX_ROUNDS = 6;

/** Union-find over sentence nodes. */
function makeSets(n: number): { find: (x: number) => number; union: (x: number, y: number) => void } {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  return { find, union: (x, y) => void (parent[find(x)] = find(y)) };
}

/** Per pair: how many of each side's sentences it links, in all and per wide cluster. */
interface PairShares {
  readonly a: number;
  readonly b: number;
  readonly total: [number, number];
  /** Wide cluster → [a's sentences in it linked in this pair, b's]. */
  readonly byCluster: Map<number, [number, number]>;
}

/**
 * The shares of pair k if it links a sentence of a wide cluster (the others weigh in no round: the
 * suspects are all wide), else null. A node is a sentence; `stamp` marks the nodes a pair has counted.
 */
function shareOf(p: PairLinks, k: number, nodes: Nodes, wide: ReadonlySet<number>, stamp: Int32Array): PairShares | null {
  const { offsets, clusterOf } = nodes;
  const total: [number, number] = [0, 0];
  const byCluster = new Map<number, [number, number]>();
  const count = (side: 0 | 1, node: number): void => {
    if (stamp[node] === k + 1) return;
    stamp[node] = k + 1;
    total[side]++;
    const c = clusterOf[node];
    if (!wide.has(c)) return;
    const counts = byCluster.get(c);
    if (counts === undefined) byCluster.set(c, side === 0 ? [1, 0] : [0, 1]);
    else counts[side]++;
  };
  for (const l of p.links) {
    count(0, offsets[p.a] + l.i);
    count(1, offsets[p.b] + l.j);
  }
  return byCluster.size > 0 ? { a: p.a, b: p.b, total, byCluster } : null;
}

/**
 * True when the pair shares enough beyond the left-out clusters to be related: at least RELATED_SHARE
 * of what one article has outside them. An article with (almost) nothing outside them is all shared
 * text, so nothing says its carriers are otherwise unrelated.
 */
function relatedWithout(s: PairShares, out: (c: number) => boolean, rest: readonly number[]): boolean {
  if (rest[s.a] < 2 || rest[s.b] < 2) return true;
  const other = [...s.total];
  for (const [c, [na, nb]] of s.byCluster) {
    if (!out(c)) continue;
    other[0] -= na;
    other[1] -= nb;
  }
  return other[0] > 0 && other[1] > 0 && Math.max(other[0] / rest[s.a], other[1] / rest[s.b]) >= RELATED_SHARE;
}

export interface Boilerplate {
  /** True when the bundle has no boilerplate at all (isBoilerplate is false throughout). */
  readonly none: boolean;
  /** True when sentence i of an article is boilerplate. */
  isBoilerplate(article: number, sentence: number): boolean;
  /** The links with every boilerplate sentence left out (pairs left with no link dropped). */
  readonly pairs: PairLinks[];
}

/**
 * The bundle's sentences as nodes (node = offsets[article] + sentence): the cluster of each (the
 * clusters of sentences linked word for word, verbatim or near-verbatim; a sentence with no such
 * link is a cluster of its own), and whether it has such a link.
 */
interface Nodes {
  readonly offsets: readonly number[];
  /** Sentences per article. */
  readonly sizes: readonly number[];
  readonly clusterOf: Int32Array;
  readonly worded: Uint8Array;
}

/** The nodes with the union-find that joins the linked ones, before their clusters are read. */
interface Joining {
  readonly offsets: number[];
  readonly sets: ReturnType<typeof makeSets>;
  readonly worded: Uint8Array;
}

function startJoining(sizes: readonly number[]): Joining {
  const offsets = [0];
  for (const n of sizes) offsets.push(offsets[offsets.length - 1] + n);
  const count = offsets[offsets.length - 1];
  return { offsets, sets: makeSets(count), worded: new Uint8Array(count) };
}

/** Joins the sentences one pair links word for word. */
function joinPair(j: Joining, p: PairLinks): void {
  for (const l of p.links) {
    if (l.kind === 'paraphrase') continue;
    const [x, y] = [j.offsets[p.a] + l.i, j.offsets[p.b] + l.j];
    j.worded[x] = j.worded[y] = 1;
    j.sets.union(x, y);
  }
}

function nodesOf(j: Joining, sizes: readonly number[]): Nodes {
  const clusterOf = new Int32Array(j.worded.length);
  for (let node = 0; node < clusterOf.length; node++) clusterOf[node] = j.sets.find(node);
  return { offsets: j.offsets, sizes, clusterOf, worded: j.worded };
}

/**
 * The clusters carried by at least MIN_CARRIERS articles whose sentences sit mostly at the edges of
 * their articles. A cluster's carriers are the articles of its sentences; the nodes are read in
 * article order, so "a new article for this cluster" is "not the article it last saw".
 */
function wideAtEdges(nodes: Nodes): Set<number> {
  const { offsets, sizes, clusterOf, worded } = nodes;
  const count = clusterOf.length;
  const lastArticle = new Int32Array(count).fill(-1);
  const carriers = new Int32Array(count);
  const atEdge = new Int32Array(count);
  const all = new Int32Array(count);
  sizes.forEach((n, a) => {
    for (let i = 0; i < n; i++) {
      const node = offsets[a] + i;
      if (worded[node] === 0) continue;
      const c = clusterOf[node];
      if (lastArticle[c] !== a) {
        lastArticle[c] = a;
        carriers[c]++;
      }
      all[c]++;
      if (i < EDGE || i >= n - EDGE) atEdge[c]++;
    }
  });
  const wide = new Set<number>();
  for (let c = 0; c < count; c++) if (carriers[c] >= MIN_CARRIERS && atEdge[c] >= MIN_AT_EDGE * all[c]) wide.add(c);
  return wide;
}

/** The sentences of the wide clusters: per such sentence its article and its cluster. */
function wideNodes(nodes: Nodes, wide: ReadonlySet<number>): { article: number; cluster: number }[] {
  const out: { article: number; cluster: number }[] = [];
  nodes.sizes.forEach((n, a) => {
    for (let i = 0; i < n; i++) {
      const c = nodes.clusterOf[nodes.offsets[a] + i];
      if (wide.has(c)) out.push({ article: a, cluster: c });
    }
  });
  return out;
}

/** Per article, its sentences outside the given clusters (all wide: only wide nodes can be in them). */
function restSizes(sizes: readonly number[], nodes: readonly { article: number; cluster: number }[], out: ReadonlySet<number>): number[] {
  const rest = [...sizes];
  for (const node of nodes) if (out.has(node.cluster)) rest[node.article]--;
  return rest;
}

/** One round: the suspects whose carrying pairs are mostly unrelated once all the suspects are left out. */
function flagRound(shares: readonly PairShares[], suspects: ReadonlySet<number>, rest: readonly number[]): Set<number> {
  const tally = new Map<number, { carrying: number; related: number }>();
  for (const s of shares) {
    for (const [c, counts] of s.byCluster) {
      if (!suspects.has(c) || counts[0] === 0 || counts[1] === 0) continue;
      const t = tally.get(c) ?? { carrying: 0, related: 0 };
      t.carrying++;
      if (relatedWithout(s, (x) => suspects.has(x), rest)) t.related++;
      tally.set(c, t);
    }
  }
  return new Set([...tally].filter(([, t]) => t.related <= MAX_RELATED_PAIRS * t.carrying).map(([c]) => c));
}

/** Finds the boilerplate of a bundle from its sentence links; `sizes` are the articles' sentence counts. */
export function findBoilerplate(pairs: readonly PairLinks[], sizes: readonly number[]): Boilerplate {
  return continueBoilerplate(newBoilerplateSearch(), { units: 0 }, pairs, sizes);
}

/** Pairs read per unit of work. */
const PAIRS_PER_UNIT = 256;

/**
 * findBoilerplate so far, step by step (sentences joined, pairs by the unit; the clusters and the wide
 * ones; the shares of the pairs that carry them, pairs by the unit; the rounds; the links kept, pairs
 * by the unit): a call stopped by its token between two units (a time slice) resumes after the last.
 */
export interface BoilerplateSearch {
  joining?: Joining;
  readonly joinAt: Cursor;
  nodes?: { readonly nodes: Nodes; readonly wide: Set<number> };
  stamp?: Int32Array;
  readonly shares: PairShares[];
  readonly sharesAt: Cursor;
  flagged?: Set<number>;
  readonly kept: PairLinks[];
  readonly keptAt: Cursor;
}

export function newBoilerplateSearch(): BoilerplateSearch {
  return { joinAt: { next: 0 }, shares: [], sharesAt: { next: 0 }, kept: [], keptAt: { next: 0 } };
}

/** findBoilerplate from where `s` stopped (the same input each call), counting its units in `progress`. */
export function continueBoilerplate(s: BoilerplateSearch, progress: Progress, pairs: readonly PairLinks[], sizes: readonly number[], token?: CancellationLike): Boilerplate {
  const joining = (s.joining ??= startJoining(sizes));
  inUnits(progress, s.joinAt, pairs.length, PAIRS_PER_UNIT, token, (k) => joinPair(joining, pairs[k]));
  if (s.nodes === undefined) {
    const nodes = nodesOf(joining, sizes);
    s.nodes = { nodes, wide: wideAtEdges(nodes) };
    progress.units++;
    throwIfCancelled(token);
  }
  const { nodes, wide } = s.nodes;
  if (wide.size === 0) return { none: true, isBoilerplate: () => false, pairs: pairs.filter((p) => p.links.length > 0) };
  const stamp = (s.stamp ??= new Int32Array(nodes.clusterOf.length));
  inUnits(progress, s.sharesAt, pairs.length, PAIRS_PER_UNIT, token, (k) => {
    const share = shareOf(pairs[k], k, nodes, wide, stamp);
    if (share !== null) s.shares.push(share);
  });
  if (s.flagged === undefined) {
    s.flagged = flagSuspects(s.shares, nodes, wide);
    progress.units++;
    throwIfCancelled(token);
  }
  const flagged = s.flagged;
  const { offsets, clusterOf } = nodes;
  const isBoilerplate = (article: number, sentence: number): boolean =>
    flagged.size > 0 && sentence >= 0 && sentence < (sizes[article] ?? 0) && flagged.has(clusterOf[offsets[article] + sentence]);
  if (flagged.size === 0) return { none: true, isBoilerplate, pairs: pairs.filter((p) => p.links.length > 0) };
  inUnits(progress, s.keptAt, pairs.length, PAIRS_PER_UNIT, token, (k) => {
    const p = pairs[k];
    const links = p.links.filter((l) => !isBoilerplate(p.a, l.i) && !isBoilerplate(p.b, l.j));
    if (links.length > 0) s.kept.push({ a: p.a, b: p.b, links });
  });
  return { none: false, isBoilerplate, pairs: s.kept };
}

/**
 * Every wide cluster at the edges is a suspect; a suspect whose carriers turn out related on their
 * other text is cleared, which may clear others (fewer left out): repeat until nothing changes.
 */
function flagSuspects(shares: readonly PairShares[], nodes: Nodes, wide: Set<number>): Set<number> {
  const members = wideNodes(nodes, wide);
  let flagged: Set<number> = wide;
  for (let round = 0; round < MAX_ROUNDS && flagged.size > 0; round++) {
    const next = flagRound(shares, flagged, restSizes(nodes.sizes, members, flagged));
    const stable = next.size === flagged.size;
    flagged = next;
    if (stable) break;
  }
  return flagged;
}
