// passim's passages grouped into clusters, each ready to be read as a bundle: one article per
// passage, a unique name per article, passim's `src` link resolved to the name of the article it
// points at, and (with --pairwise output) each alignment placed in the two articles' texts.
import type { Span } from '../model';
import { groupBy } from '../util/groupBy';
import { codePointsToUtf16 } from './codePoints';
import type { PassimAlignment, PassimLink, PassimPassage } from './passimOutput';

/** One passage of a cluster, as an article of the cluster's bundle. */
export interface ClusterArticle {
  /** Unique in the cluster: the document id, with the passage's offsets when a document has two. */
  readonly name: string;
  readonly passage: PassimPassage;
  /** The name of the article passim inferred to be this passage's source, when it is in the cluster. */
  readonly src: string | null;
  /** Where `src` comes from: out.json's `src` field, or the source side of an align.json pair. */
  readonly srcFrom: 'src' | 'align' | null;
}

/** An align.json pair inside a cluster: article indexes and UTF-16 ranges into the articles' texts. */
export interface ClusterAlignment {
  readonly source: number;
  readonly target: number;
  readonly sourceRange: Span;
  readonly targetRange: Span;
  readonly matches: number | null;
}

export interface PassimCluster {
  readonly id: string;
  /** passim's `size` (documents in the cluster), else the number of distinct documents. */
  readonly size: number;
  readonly pboiler: number | null;
  readonly articles: readonly ClusterArticle[];
  readonly alignments: readonly ClusterAlignment[];
}

export interface ClusterOptions {
  /** Clusters smaller than this are left out (passim's `size`). */
  readonly minSize?: number;
}

/** Ids compared as numbers when both are integers (passim's cluster ids are), else as text. */
export function compareIds(a: string, b: string): number {
  if (/^-?\d+$/.test(a) && /^-?\d+$/.test(b)) {
    const d = BigInt(a) - BigInt(b);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const overlap = (b1: number, e1: number, b2: number, e2: number): number => Math.max(0, Math.min(e1, e2) - Math.max(b1, b2));

/** Passages in passim's reading order: by date (undated last), then document id, then offset. */
function byDateIdBegin(x: PassimPassage, y: PassimPassage): number {
  if (x.date !== y.date) return x.date === null ? 1 : y.date === null ? -1 : x.date < y.date ? -1 : 1;
  return compareIds(x.id, y.id) || x.begin - y.begin;
}

function articleNames(passages: readonly PassimPassage[]): string[] {
  const perId = new Map<string, number>();
  for (const p of passages) perId.set(p.id, (perId.get(p.id) ?? 0) + 1);
  return passages.map((p) => ((perId.get(p.id) ?? 0) > 1 ? `${p.id} [${p.begin}-${p.end}]` : p.id));
}

/** The indexes of a cluster's passages by document uid: a link or a pair looks at one document's passages only. */
function indexByUid(passages: readonly PassimPassage[]): Map<string, number[]> {
  return groupBy(passages.keys(), (k) => passages[k].uid);
}

/** Of the candidates, the first with the largest overlap above `floor`, or -1. */
function mostOverlapping(candidates: readonly number[], overlapOf: (k: number) => number, floor: number): number {
  let best = -1;
  let bestOverlap = floor;
  for (const k of candidates) {
    const o = overlapOf(k);
    if (o > bestOverlap) {
      best = k;
      bestOverlap = o;
    }
  }
  return best;
}

/**
 * The passage (by index) a link points at: same document, most overlap with the link's span; -1 if
 * none. A link without offsets, or overlapping none, points at the document's first other passage.
 */
function resolveLink(passages: readonly PassimPassage[], byUid: ReadonlyMap<string, number[]>, self: number, link: PassimLink): number {
  const { begin, end } = link;
  const others = (byUid.get(link.uid) ?? []).filter((k) => k !== self);
  return mostOverlapping(others, (k) => (begin !== null && end !== null ? overlap(passages[k].begin, passages[k].end, begin, end) : 0), -1);
}

/** The passage of `uid` in this cluster that overlaps [begin, end) most, or -1. */
function passageAt(passages: readonly PassimPassage[], byUid: ReadonlyMap<string, number[]>, uid: string, begin: number, end: number): number {
  return mostOverlapping(byUid.get(uid) ?? [], (k) => overlap(passages[k].begin, passages[k].end, begin, end), 0);
}

/** A document's code-point range, as a UTF-16 range into the text of the passage that holds it. */
function rangeInPassage(p: PassimPassage, begin: number, end: number): Span {
  const length = p.end - p.begin;
  const clamp = (x: number): number => Math.min(length, Math.max(0, x - p.begin));
  const [start, stop] = codePointsToUtf16(p.text, [clamp(begin), clamp(end)]);
  return { start, end: Math.max(start, stop) };
}

function clusterAlignments(passages: readonly PassimPassage[], byUid: ReadonlyMap<string, number[]>, alignments: readonly PassimAlignment[]): ClusterAlignment[] {
  const out: ClusterAlignment[] = [];
  for (const a of alignments) {
    const source = passageAt(passages, byUid, a.uid, a.begin, a.end);
    const target = passageAt(passages, byUid, a.uid2, a.begin2, a.end2);
    if (source < 0 || target < 0 || source === target) continue;
    out.push({
      source,
      target,
      sourceRange: rangeInPassage(passages[source], a.begin, a.end),
      targetRange: rangeInPassage(passages[target], a.begin2, a.end2),
      matches: a.matches,
    });
  }
  return out;
}

function buildCluster(id: string, members: PassimPassage[], alignments: readonly PassimAlignment[]): PassimCluster {
  const passages = [...members].sort(byDateIdBegin);
  const names = articleNames(passages);
  const byUid = indexByUid(passages);
  const aligned = clusterAlignments(passages, byUid, alignments);
  // The first pair that has each passage as its target: its source side is passim's source.
  const sourceOf = new Map<number, number>();
  for (const a of aligned) if (!sourceOf.has(a.target)) sourceOf.set(a.target, a.source);
  const articles = passages.map((passage, k): ClusterArticle => {
    for (const link of passage.src) {
      const at = resolveLink(passages, byUid, k, link);
      if (at >= 0) return { name: names[k], passage, src: names[at], srcFrom: 'src' };
    }
    const source = sourceOf.get(k);
    return source !== undefined ? { name: names[k], passage, src: names[source], srcFrom: 'align' } : { name: names[k], passage, src: null, srcFrom: null };
  });
  const size = passages.find((p) => p.size !== null)?.size ?? new Set(passages.map((p) => p.uid)).size;
  return { id, size, pboiler: passages.find((p) => p.pboiler !== null)?.pboiler ?? null, articles, alignments: aligned };
}

/**
 * The clusters of passim's output: largest first (then by cluster id), passages by date, id and
 * offset. `alignments` (align.json, optional) adds pairs inside each cluster and, for a passage
 * without a `src` field, its source from the pair's source side.
 */
export function clustersFromPassim(passages: readonly PassimPassage[], alignments: readonly PassimAlignment[] = [], options: ClusterOptions = {}): PassimCluster[] {
  const byCluster = groupBy(passages, (p) => p.cluster);
  // Only the alignments that touch a cluster's documents are searched for that cluster.
  const byUid = groupBy(alignments, (a) => a.uid);
  const clusters: PassimCluster[] = [];
  for (const [id, members] of byCluster) {
    const uids = new Set(members.map((m) => m.uid));
    const relevant = [...uids].flatMap((u) => byUid.get(u) ?? []).filter((a) => uids.has(a.uid2));
    const cluster = buildCluster(id, members, relevant);
    if (cluster.size >= (options.minSize ?? 0)) clusters.push(cluster);
  }
  return clusters.sort((x, y) => y.size - x.size || compareIds(x.id, y.id));
}
