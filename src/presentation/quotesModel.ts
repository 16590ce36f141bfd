// Rows of the Quotes view: speakers → quotations → occurrences by source. Pure.
import type { BundleAnalysis, OriginalReason, QuoteRelation } from '../core/model';
import { excerpt } from './articleLabels';

export interface OccurrenceRow {
  readonly article: number;
  readonly label: string;
  readonly relation: QuoteRelation;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker: string | null;
  /** True for the group's original wording: never flagged as a misquote. */
  readonly original: boolean;
  /** True when this occurrence rewords the original: a misquote. */
  readonly misquote: boolean;
}

export interface QuotationRow {
  /** The original wording (the occurrence the engine chose: origin source, most carried, or most complete). */
  readonly label: string;
  readonly occurrences: readonly OccurrenceRow[];
  /** Number of occurrences that reword the original (misquotes). */
  readonly reworded: number;
  /** Why the label's wording is the original ("the source the others derive from"), or null for a lone quote. */
  readonly why: string | null;
}

const WHY: Record<OriginalReason, string> = {
  origin: 'the source the others derive from',
  'most sources': 'the wording most sources carry',
  'most complete': 'the most complete wording',
};

export interface SpeakerRow {
  /** Normalized speaker key, or "" for quotes with no speaker found. */
  readonly key: string;
  readonly name: string;
  readonly quotations: readonly QuotationRow[];
}

/** Every quotation of the bundle by speaker; quotes in no group are quotations with one occurrence. */
export function quoteTree(analysis: BundleAnalysis, labels: readonly string[]): SpeakerRow[] {
  const speakers = new Map<string, { names: Map<string, number>; quotations: QuotationRow[] }>();
  const add = (key: string | null, quotation: QuotationRow): void => {
    const k = key ?? '';
    let entry = speakers.get(k);
    if (!entry) speakers.set(k, (entry = { names: new Map(), quotations: [] }));
    entry.quotations.push(quotation);
    for (const o of quotation.occurrences) if (o.speaker) entry.names.set(o.speaker, (entry.names.get(o.speaker) ?? 0) + 1);
  };
  const grouped = new Set<string>();
  for (const group of analysis.quoteGroups) {
    const occurrences = group.occurrences.map((o): OccurrenceRow => {
      grouped.add(`${o.article}:${o.quote}`);
      const misquote = !o.original && o.relation === 'reworded';
      return { article: o.article, label: labels[o.article] ?? String(o.article), relation: o.relation, start: o.start, end: o.end, text: o.text, speaker: o.speaker, original: o.original, misquote };
    });
    const original = occurrences[group.original] ?? occurrences[0];
    if (!original) continue;
    add(group.speakerKey, { label: excerpt(original.text, 70), occurrences, reworded: occurrences.filter((o) => o.misquote).length, why: WHY[group.originalReason] ?? null });
  }
  analysis.articles.forEach((article, a) => {
    article.quotes.forEach((q, qi) => {
      if (grouped.has(`${a}:${qi}`)) return;
      const occurrence: OccurrenceRow = { article: a, label: labels[a] ?? String(a), relation: 'verbatim', start: q.start, end: q.end, text: q.text, speaker: q.speaker, original: true, misquote: false };
      add(q.speakerKey, { label: excerpt(q.text, 70), occurrences: [occurrence], reworded: 0, why: null });
    });
  });
  const rows: SpeakerRow[] = [];
  for (const [key, entry] of speakers) {
    const name = [...entry.names.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? (key || 'Speaker not found');
    // Quotations carried by most sources first.
    const quotations = [...entry.quotations].sort((x, y) => y.occurrences.length - x.occurrences.length || x.label.localeCompare(y.label));
    rows.push({ key, name: key ? name : 'Speaker not found', quotations });
  }
  return rows.sort((x, y) => (x.key === '' ? 1 : 0) - (y.key === '' ? 1 : 0) || y.quotations.length - x.quotations.length || x.name.localeCompare(y.name));
}

/** How the Quotes view states an occurrence: the original is never flagged; a rewording of it is the misquote. */
export function occurrenceText(row: OccurrenceRow): string {
  if (row.original) return 'original';
  return row.misquote ? 'reworded ⚠ misquote' : row.relation;
}
