// Where the quotations that another source also carries start in one article, in reading order: the
// stops of Parallax: Next Shared Quotation. Pure: no vscode import.
import type { BundleAnalysis } from '../core/model';

/** Start offsets (article-relative) of `article`'s quotations whose group reaches another article. */
export function sharedQuotationStarts(analysis: BundleAnalysis, article: number): number[] {
  const starts = new Set<number>();
  for (const group of analysis.quoteGroups) {
    const here = group.occurrences.filter((o) => o.article === article);
    if (here.length === 0 || !group.occurrences.some((o) => o.article !== article)) continue;
    for (const o of here) starts.add(o.start);
  }
  return [...starts].sort((a, b) => a - b);
}

/** A stop in a document: `offset` is where the cursor goes (inside the quotation, past its opening mark). */
export interface QuotationStop {
  readonly offset: number;
}

/**
 * The first stop after `cursor` among the documents' articles (each placed at its `base`), wrapping
 * round to the first one; undefined when no article has a shared quotation.
 */
export function nextQuotationStop(
  analysis: BundleAnalysis,
  views: readonly { readonly article: number; readonly base: number }[],
  cursor: number,
): QuotationStop | undefined {
  const offsets = views.flatMap((v) => sharedQuotationStarts(analysis, v.article).map((start) => v.base + start + 1)).sort((a, b) => a - b);
  const offset = offsets.find((o) => o > cursor) ?? offsets[0];
  return offset === undefined ? undefined : { offset };
}
