import type { AlignedPair, BundleAnalysis, MatchKind, Sentence, Span } from './model';
import { monotoneChain } from './match/alignment';
import type { AlignNode } from './match/alignment';
import { firstNotBefore } from './util/binarySearch';

/**
 * The aligned view of two articles (Compare Sources), from a finished analysis alone: it imports
 * nothing of the engine's text processing, so the extension host computes it without carrying the
 * engine (issue 10).
 */

const KIND_RANK: Record<MatchKind, number> = { verbatim: 3, 'near-verbatim': 2, paraphrase: 1 };

interface Link {
  kind: MatchKind;
  score: number;
}

/** Index of the sentence holding `at`, or -1. */
function sentenceIndexAt(sentences: readonly Sentence[], at: number): number {
  const k = firstNotBefore(sentences.length, (i) => sentences[i].end <= at);
  return k < sentences.length && sentences[k].start <= at ? k : -1;
}

/** The strongest link between sentence i of `a` and sentence j of `b`, keyed i * |b| + j. */
function sentenceLinks(analysis: BundleAnalysis, a: number, b: number, sa: readonly Sentence[], sb: readonly Sentence[]): Map<number, Link> {
  const links = new Map<number, Link>();
  const m = sb.length;
  if (a === b) {
    for (let i = 0; i < sa.length; i++) links.set(i * m + i, { kind: 'verbatim', score: 1 });
    return links;
  }
  for (const match of analysis.matches) {
    let x: Span;
    let y: Span;
    if (match.a.article === a && match.b.article === b) [x, y] = [match.a, match.b];
    else if (match.a.article === b && match.b.article === a) [x, y] = [match.b, match.a];
    else continue;
    const i = sentenceIndexAt(sa, x.start);
    const j = sentenceIndexAt(sb, y.start);
    if (i < 0 || j < 0) continue;
    const key = i * m + j;
    const old = links.get(key);
    if (!old || KIND_RANK[match.kind] > KIND_RANK[old.kind] || (match.kind === old.kind && match.score > old.score)) {
      links.set(key, { kind: match.kind, score: Math.max(match.score, old?.score ?? 0) });
    }
  }
  return links;
}

/** Candidate rows: each link alone, and a sentence facing two adjacent sentences of the other side as one row. */
function alignNodes(links: ReadonlyMap<number, Link>, n: number, m: number): (AlignNode & Link)[] {
  const nodes: (AlignNode & Link)[] = [];
  for (const [key, l] of links) {
    const j = key % m;
    const i = (key - j) / m;
    nodes.push({ i0: i, i1: i, j0: j, j1: j, weight: l.score + 0.01, ...l });
    for (const [di, dj] of [[1, 0], [0, 1]] as const) {
      const other = links.get((i + di) * m + j + dj);
      if (other && i + di < n && j + dj < m) {
        const kind = KIND_RANK[other.kind] > KIND_RANK[l.kind] ? other.kind : l.kind;
        nodes.push({ i0: i, i1: i + di, j0: j, j1: j + dj, weight: l.score + other.score + 0.02, kind, score: Math.max(l.score, other.score) });
      }
    }
  }
  return nodes;
}

/** The rows of a chain of nodes, with every unmatched sentence of either side on its own row, in order. */
function rowsOf(chain: readonly (AlignNode & Link)[], sa: readonly Sentence[], sb: readonly Sentence[]): AlignedPair[] {
  const rows: AlignedPair[] = [];
  const spanOf = (s: readonly Sentence[], from: number, to: number): Span => ({ start: s[from].start, end: s[to].end });
  let i = 0;
  let j = 0;
  for (const n of chain) {
    for (; i < n.i0; i++) rows.push({ a: spanOf(sa, i, i), b: null, kind: null, score: 0 });
    for (; j < n.j0; j++) rows.push({ a: null, b: spanOf(sb, j, j), kind: null, score: 0 });
    rows.push({ a: spanOf(sa, n.i0, n.i1), b: spanOf(sb, n.j0, n.j1), kind: n.kind, score: n.score });
    i = n.i1 + 1;
    j = n.j1 + 1;
  }
  for (; i < sa.length; i++) rows.push({ a: spanOf(sa, i, i), b: null, kind: null, score: 0 });
  for (; j < sb.length; j++) rows.push({ a: null, b: spanOf(sb, j, j), kind: null, score: 0 });
  return rows;
}

/**
 * The aligned view of two articles for Compare Sources: every sentence of both appears exactly
 * once, in order; matched sentences side by side (a sentence split in two faces both halves as
 * one row), unmatched ones against null. `a` is the left article, `b` the right.
 */
export function alignPair(analysis: BundleAnalysis, a: number, b: number): AlignedPair[] {
  const left = analysis.articles[a];
  const right = analysis.articles[b];
  if (!left || !right) return [];
  const sa = left.sentences;
  const sb = right.sentences;
  const nodes = alignNodes(sentenceLinks(analysis, a, b, sa, sb), sa.length, sb.length);
  const chain = monotoneChain(nodes).map((k) => nodes[k]);
  return rowsOf(chain, sa, sb);
}
