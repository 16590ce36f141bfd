// Rows of the Sources view: what each article shares, computed from a finished analysis. Pure.
import type { BundleAnalysis, Coverage, Span } from '../core/model';
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
  /** "Reuters · 2024-12-18 · 31% unique · derives from 002 (dated 2 days later)" */
  readonly description: string;
  readonly tooltip: string;
}

const SOURCE_KEYS = ['source', 'outlet', 'publisher', 'site'];
const DATE_KEYS = ['date', 'published', 'time'];

function attribute(article: ArticleLike, keys: readonly string[]): string | undefined {
  return article.attributes.find((a) => keys.includes(a.key.toLowerCase()))?.value;
}

/** Evidence phrases shown inline; the tooltip lists them all. */
const MAX_EVIDENCE = 2;

function withEvidence(evidence: readonly string[], max = MAX_EVIDENCE): string {
  return evidence.length === 0 ? '' : ` (${evidence.slice(0, max).join(', ')}${evidence.length > max ? ', …' : ''})`;
}

/**
 * The article's place in the direction of reuse, as the engine found it (never both ways):
 * "derives from 002 (gives 5 of its quotes without quotation marks, rewords 3 of its quotes, …)",
 * else "source of 001, 004", else "shares with 002 (5/12)" for the closest source.
 */
export function relationText(analysis: BundleAnalysis, labels: readonly string[], article: number): string | undefined {
  const summary = analysis.sources[article];
  if (!summary) return undefined;
  const name = (k: number): string => labels[k] ?? String(k);
  if (summary.origin !== null) return `derives from ${name(summary.origin)}${withEvidence(summary.evidence)}`;
  const derived = summary.covers.filter((c) => c.relation === 'source of').map((c) => name(c.article));
  if (derived.length > 0) return `source of ${derived.slice(0, 3).join(', ')}${derived.length > 3 ? ` +${derived.length - 3}` : ''}`;
  const best = summary.covers[0];
  return best ? `shares with ${name(best.article)} (${best.covered}/${best.total})` : undefined;
}

/** One tooltip line per other source: "derives from 002: 16/16 sentences, in order — rewords 3 of its quotes". */
function coverLine(c: Coverage, labels: readonly string[]): string {
  const evidence = c.evidence.length > 0 ? ` — ${c.evidence.join(', ')}` : '';
  return `${c.relation} ${labels[c.article] ?? c.article}: ${c.covered}/${c.total} sentences${c.inOrder ? ', in order' : ''}${evidence}`;
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
  const covers = (summary?.covers ?? []).map((c) => coverLine(c, labels));
  return {
    article,
    label: info.name,
    description: parts.join(' · '),
    tooltip: [info.name, ...(covers.length > 0 ? ['Direction of reuse', ...covers.map((c) => `  ${c}`)] : ['Shares nothing found with the other sources'])].join('\n'),
  };
}

export interface PassageRow {
  /** The passage in this article (the union of overlapping shared spans). */
  readonly span: Span;
  /** True when every match in the passage is boilerplate (shown only with `parallax.showBoilerplate`, dimmed). */
  readonly boilerplate: boolean;
  readonly label: string;
  /** "= 000, 004 · ≈ 002 0.81" */
  readonly description: string;
  /** The strongest match per other article. */
  readonly others: readonly SideMatch[];
}


/** Whether boilerplate (page headers, bylines, sign-offs) is listed: off by default (`parallax.showBoilerplate`). */
export interface BoilerplateOption {
  readonly showBoilerplate?: boolean;
}

/** One row per passage of the article that other sources share, in text order; boilerplate only when asked. */
export function passageRows(analysis: BundleAnalysis, labels: readonly string[], article: number, text: string, options: BoilerplateOption = {}): PassageRow[] {
  const own = indexOf(analysis).matchesOf(article).filter((m) => options.showBoilerplate === true || m.match.boilerplate !== true);
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
    const boilerplate = inSpan.length > 0 && inSpan.every((m) => m.match.boilerplate === true);
    return { span, boilerplate, label: `${boilerplate ? '(boilerplate) ' : ''}${excerpt(text.slice(span.start, span.end), 70)}`, description, others };
  });
}
