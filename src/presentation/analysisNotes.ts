// What the Sources view says about an analysis beyond its matches (issue 8 §2): the caps that cut
// work (`limits`), and the articles that are copies of another (`copies`). Pure: no vscode import.
import type { BundleAnalysis } from '../core/model';
import { percent } from './articleLabels';

/** The bundle row's tooltip: its size, what the caps cut if anything, and why the latest run did not complete. */
export function bundleTooltip(analysis: BundleAnalysis, name: string, problem?: string): string {
  const lines = [`${name}: ${analysis.articles.length} articles · ${analysis.matches.length} shared passages`];
  const copies = analysis.copies?.length ?? 0;
  if (copies > 0) lines.push(`${copies} ${copies === 1 ? 'article is a copy' : 'articles are copies'} of another (not compared again)`);
  const limits = analysis.limits;
  if (limits && limits.notes.length > 0) {
    lines.push('', limits.capped ? 'Limits: some matches may be missing, because' : 'Limits:', ...limits.notes.map((n) => `  ${n}`));
  }
  if (problem) lines.push('', problem);
  return lines.join('\n');
}

/** A short mark for the bundle row's description when a cap cut work that could have found a match. */
export function limitsMark(analysis: BundleAnalysis): string | undefined {
  return analysis.limits?.capped ? 'limits applied' : undefined;
}

/** "copy of 002 (identical)" when the article is a copy of another, else undefined. */
export function copyLine(analysis: BundleAnalysis, labels: readonly string[], article: number): string | undefined {
  const copy = analysis.copies?.find((c) => c.article === article);
  if (!copy) return undefined;
  const of = labels[copy.of] ?? analysis.articles[copy.of]?.name ?? String(copy.of);
  return `copy of ${of} (${copy.kind === 'identical' ? 'identical' : `near-identical, ${percent(copy.similarity)}`})`;
}
