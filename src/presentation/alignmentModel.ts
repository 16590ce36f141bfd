// The content of the alignment panel and of exported reports: one column per source, one row per
// group of matching passages, with word-level highlights. Pure (no vscode, no DOM), so the panel
// and the report show the same thing and both are unit-tested.
import type { BundleAnalysis, MatchKind, QuoteRelation, Span } from '../core/model';
import { wordDiff } from '../core/text/wordDiff';
import { mergeSpans } from '../analysis/analysisIndex';
import { byStrength } from './kinds';
import { lastAtOrBefore } from '../core/util/binarySearch';
import { quoteTree } from './quotesModel';
import { relationText } from './sourcesModel';

/** A run of a passage's words; `changed` marks words that differ from the row's reference wording. */
export interface Segment {
  readonly text: string;
  readonly changed: boolean;
}

export interface CellPassage extends Span {
  readonly article: number;
  readonly segments: readonly Segment[];
}

export interface AlignmentRow {
  readonly id: number;
  /** Every kind of match inside the group, strongest first. */
  readonly kinds: readonly MatchKind[];
  /** Per column (same order as `columns`): the article's passages in this group, maybe none. */
  readonly cells: readonly (readonly CellPassage[])[];
}

export interface AlignmentColumn {
  readonly article: number;
  readonly label: string;
  readonly name: string;
  readonly uniqueShare: number;
  /** The direction of reuse, as the Sources view says it ("derives from 002 (dated 2 days later)"), if any. */
  readonly direction?: string;
}

export interface QuoteFinding {
  readonly speaker: string;
  readonly text: string;
  /** Relation of each occurrence to the original wording (`original`: the one the engine chose; `text` is its words). */
  readonly occurrences: readonly { readonly label: string; readonly article: number; readonly relation: QuoteRelation; readonly text: string; readonly start: number; readonly end: number; readonly original?: boolean }[];
}

export interface AlignmentModel {
  readonly title: string;
  readonly columns: readonly AlignmentColumn[];
  readonly rows: readonly AlignmentRow[];
  /** Quotations that more than one source carries, with reworded ones. */
  readonly quotes: readonly QuoteFinding[];
}

/**
 * `own` cut into runs of unchanged and changed words, from a word diff against `other`. The flags
 * are carried character by character over the non-space characters, so the runs are exact slices
 * of `own` (its case and spacing), whatever case or spacing the diff reports.
 */
function segmentsAgainst(own: string, other: string, ownIsFirst: boolean): Segment[] {
  const ownSide = ownIsFirst ? 'removed' : 'added';
  const flags: boolean[] = [];
  for (const part of ownIsFirst ? wordDiff(own, other) : wordDiff(other, own)) {
    if (part.op !== 'equal' && part.op !== ownSide) continue;
    for (const ch of part.text) if (!/\s/.test(ch)) flags.push(part.op !== 'equal');
  }
  const out: Segment[] = [];
  let k = 0;
  let runStart = 0;
  let runChanged = false;
  for (let i = 0; i < own.length; i++) {
    if (/\s/.test(own[i] as string)) continue;
    const changed = flags[k++] ?? false;
    if (changed !== runChanged && i > runStart) {
      // Spaces between runs go to the unchanged side, so a highlight covers words only.
      let cut = i;
      if (!changed) while (cut > runStart && /\s/.test(own[cut - 1] as string)) cut--;
      if (cut > runStart) out.push({ text: own.slice(runStart, cut), changed: runChanged });
      runStart = cut;
    }
    runChanged = changed;
  }
  if (runStart < own.length) out.push({ text: own.slice(runStart), changed: runChanged });
  return out;
}

/** The graph's nodes: each article's merged shared passages, numbered article by article. */
interface PassageNodes {
  readonly passages: readonly (readonly Span[])[];
  /** Number of the first node of each article. */
  readonly offset: readonly number[];
  readonly total: number;
}

type Member = { readonly article: number; readonly span: Span };

function passageNodes(analysis: BundleAnalysis): PassageNodes {
  const n = analysis.articles.length;
  const sides: Span[][] = Array.from({ length: n }, () => []);
  for (const m of analysis.matches) {
    sides[m.a.article]?.push(m.a);
    sides[m.b.article]?.push(m.b);
  }
  const passages: Span[][] = [];
  const offset: number[] = [];
  let total = 0;
  for (let a = 0; a < n; a++) {
    passages.push(mergeSpans(sides[a] ?? []));
    offset.push(total);
    total += passages[a]?.length ?? 0;
  }
  return { passages, offset, total };
}

/** The node of the merged passage holding a match's span. */
function nodeOf(nodes: PassageNodes, article: number, span: Span): number {
  const list = nodes.passages[article] ?? [];
  const at = Math.max(0, lastAtOrBefore(list.length, (i) => (list[i] as Span).start <= span.start));
  return (nodes.offset[article] ?? 0) + at;
}

/** Links the nodes of each match (union-find): `find` gives a node's group, `kindsOf` a group's kinds. */
function linkPassages(analysis: BundleAnalysis, nodes: PassageNodes): { find: (x: number) => number; kindsOf: Map<number, Set<MatchKind>> } {
  const parent = Array.from({ length: nodes.total }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  const edges: [number, MatchKind][] = [];
  for (const m of analysis.matches) {
    const x = nodeOf(nodes, m.a.article, m.a);
    edges.push([x, m.kind]);
    const rx = find(x);
    const ry = find(nodeOf(nodes, m.b.article, m.b));
    if (rx !== ry) parent[rx] = ry;
  }
  const kindsOf = new Map<number, Set<MatchKind>>();
  for (const [x, kind] of edges) {
    const r = find(x);
    let set = kindsOf.get(r);
    if (!set) kindsOf.set(r, (set = new Set()));
    set.add(kind);
  }
  return { find, kindsOf };
}

/** Each group's passages, in article then text order (node order); groups by their first passage. */
function groupMembers(nodes: PassageNodes, find: (x: number) => number): [number, Member[]][] {
  const groups = new Map<number, Member[]>();
  nodes.passages.forEach((list, a) => list.forEach((span, i) => {
    const r = find((nodes.offset[a] ?? 0) + i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push({ article: a, span });
  }));
  return [...groups.entries()].sort((x, y) => {
    const fx = x[1][0] as Member;
    const fy = y[1][0] as Member;
    return fx.article - fy.article || fx.span.start - fy.span.start;
  });
}

/** One row: each source's passages, marked where they differ from the group's first passage. */
function alignmentRow(id: number, members: readonly Member[], kinds: MatchKind[], n: number, texts: readonly string[]): AlignmentRow {
  const cells: CellPassage[][] = Array.from({ length: n }, () => []);
  const textOf = (m: Member): string => (texts[m.article] ?? '').slice(m.span.start, m.span.end);
  const ref = members[0] as Member;
  const refText = textOf(ref);
  const second = members.find((m) => m.article !== ref.article);
  const secondText = second ? textOf(second) : refText;
  for (const m of members) {
    const segments = m === ref ? segmentsAgainst(refText, secondText, true) : segmentsAgainst(textOf(m), refText, false);
    cells[m.article]?.push({ article: m.article, start: m.span.start, end: m.span.end, segments });
  }
  return { id, kinds: kinds.sort(byStrength), cells };
}

/** Quotations carried by at least two sources. */
function sharedQuotes(analysis: BundleAnalysis, labels: readonly string[]): QuoteFinding[] {
  const quotes: QuoteFinding[] = [];
  for (const speaker of quoteTree(analysis, labels)) {
    for (const q of speaker.quotations) {
      if (new Set(q.occurrences.map((o) => o.article)).size < 2) continue;
      quotes.push({
        speaker: speaker.name,
        text: (q.occurrences.find((o) => o.original) ?? q.occurrences[0])?.text ?? '',
        occurrences: q.occurrences.map((o) => ({ label: o.label, article: o.article, relation: o.relation, text: o.text, start: o.start, end: o.end, original: o.original })),
      });
    }
  }
  return quotes;
}

/** Groups passages linked by matches (transitively) into rows and lays them out by source. */
export function buildAlignmentModel(analysis: BundleAnalysis, names: readonly string[], labels: readonly string[], texts: readonly string[], title: string): AlignmentModel {
  const n = analysis.articles.length;
  const nodes = passageNodes(analysis);
  const { find, kindsOf } = linkPassages(analysis, nodes);
  const rows = groupMembers(nodes, find).map(([root, members], id) => alignmentRow(id, members, [...(kindsOf.get(root) ?? [])], n, texts));
  const columns: AlignmentColumn[] = analysis.articles.map((_, a) => ({
    article: a,
    label: labels[a] ?? String(a),
    name: names[a] ?? String(a),
    uniqueShare: analysis.sources[a]?.uniqueShare ?? 1,
    direction: relationText(analysis, labels, a),
  }));
  return { title, columns, rows, quotes: sharedQuotes(analysis, labels) };
}
