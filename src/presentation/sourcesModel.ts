// Rows of the Sources view: what each article shares, computed from a finished analysis. Pure.
import type { BundleAnalysis, Span } from '../core/model';
import { indexOf, mergeSpans, overlaps } from '../analysis/analysisIndex';
import { byStrength, KIND_SIGN, strongestPerArticle } from './kinds';
import type { SideMatch } from '../analysis/analysisIndex';
import { excerpt, percent } from './articleLabels';

export interface ArticleLike {
  readonly name: string;
  readonly attributes: readonly { readonly key: string; readonly value: string }[];
}

export interface ArticleRow {
  readonly article: number;
  readonly label: string;
  /** "Reuters · 2024-12-18 · 31% unique · follows 002 (16/16 in order)" */
  readonly description: string;
  readonly tooltip: string;
}

const SOURCE_KEYS = ['source', 'outlet', 'publisher', 'site'];
const DATE_KEYS = ['date', 'published', 'time'];

function attribute(article: ArticleLike, keys: readonly string[]): string | undefined {
  return article.attributes.find((a) => keys.includes(a.key.toLowerCase()))?.value;
}

/** "follows 002 (16/16 in order)" when one source covers most of the article in order, else "closest 002 (5/12)". */
export function relationText(analysis: BundleAnalysis, labels: readonly string[], article: number): string | undefined {
  const best = analysis.sources[article]?.covers[0];
  if (!best) return undefined;
  const name = labels[best.article] ?? String(best.article);
  if (best.inOrder && best.share >= 0.5) return `follows ${name} (${best.covered}/${best.total} in order)`;
  return `closest ${name} (${best.covered}/${best.total})`;
}

export function articleRow(analysis: BundleAnalysis, labels: readonly string[], article: number, info: ArticleLike): ArticleRow {
  const parts: string[] = [];
  const source = attribute(info, SOURCE_KEYS);
  const date = attribute(info, DATE_KEYS);
  if (source) parts.push(source);
  if (date) parts.push(date);
  const summary = analysis.sources[article];
  if (summary) parts.push(`${percent(summary.uniqueShare)} unique`);
  const relation = relationText(analysis, labels, article);
  if (relation) parts.push(relation);
  const covers = (summary?.covers ?? []).map((c) => `${labels[c.article] ?? c.article}: ${c.covered}/${c.total} sentences${c.inOrder ? ', in order' : ''}`);
  return {
    article,
    label: info.name,
    description: parts.join(' · '),
    tooltip: [info.name, ...(covers.length > 0 ? ['Covered by', ...covers.map((c) => `  ${c}`)] : ['Shares nothing found with the other sources'])].join('\n'),
  };
}

export interface PassageRow {
  /** The passage in this article (the union of overlapping shared spans). */
  readonly span: Span;
  readonly label: string;
  /** "= 000, 004 · ≈ 002 0.81" */
  readonly description: string;
  /** The strongest match per other article. */
  readonly others: readonly SideMatch[];
}


/** One row per passage of the article that other sources share, in text order. */
export function passageRows(analysis: BundleAnalysis, labels: readonly string[], article: number, text: string): PassageRow[] {
  const own = indexOf(analysis).matchesOf(article);
  const spans = mergeSpans(own.map((m) => m.self));
  let cursor = 0;
  return spans.map((span) => {
    const inSpan: SideMatch[] = [];
    // Matches are sorted by start, so the ones inside this span follow the previous span's.
    while (cursor < own.length && (own[cursor] as SideMatch).self.end <= span.start) cursor++;
    for (let i = cursor; i < own.length && (own[i] as SideMatch).self.start < span.end; i++) {
      const m = own[i] as SideMatch;
      if (overlaps(m.self, span) || (m.self.start === span.start && m.self.end === span.end)) inSpan.push(m);
    }
    const best = strongestPerArticle(inSpan);
    const others = [...best.values()].sort((x, y) => byStrength(x.match.kind, y.match.kind) || y.match.score - x.match.score);
    const description = others
      .map((m) => `${KIND_SIGN[m.match.kind]} ${labels[m.other.article] ?? m.other.article}${m.match.kind === 'verbatim' ? '' : ` ${m.match.score.toFixed(2)}`}`)
      .join(' · ');
    return { span, label: excerpt(text.slice(span.start, span.end), 70), description, others };
  });
}
