// Rows of the Quotes view: speakers → quotations → occurrences by source. Pure.
import type { BundleAnalysis, QuoteRelation } from '../core/model';
import { excerpt } from './articleLabels';

export interface OccurrenceRow {
  readonly article: number;
  readonly label: string;
  readonly relation: QuoteRelation;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker: string | null;
}

export interface QuotationRow {
  /** The reference wording (the group's first occurrence). */
  readonly label: string;
  readonly occurrences: readonly OccurrenceRow[];
  /** Number of occurrences whose wording differs from the reference (misquotes). */
  readonly reworded: number;
}

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
      return { article: o.article, label: labels[o.article] ?? String(o.article), relation: o.relation, start: o.start, end: o.end, text: o.text, speaker: o.speaker };
    });
    const first = occurrences[0];
    if (!first) continue;
    add(group.speakerKey, { label: excerpt(first.text, 70), occurrences, reworded: occurrences.filter((o) => o.relation === 'reworded').length });
  }
  analysis.articles.forEach((article, a) => {
    article.quotes.forEach((q, qi) => {
      if (grouped.has(`${a}:${qi}`)) return;
      const occurrence: OccurrenceRow = { article: a, label: labels[a] ?? String(a), relation: 'verbatim', start: q.start, end: q.end, text: q.text, speaker: q.speaker };
      add(q.speakerKey, { label: excerpt(q.text, 70), occurrences: [occurrence], reworded: 0 });
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
