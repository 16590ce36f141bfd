// Bundles → passim's input: JSON Lines, one record per document with `id`, `series` and `text`;
// passim passes every other field through to its output. Format as documented in passim's README,
// "Structuring the Input" (https://github.com/dasmiq/passim#structuring-the-input).

/** An article as the export reads it: its bundle name, text and header attributes in order. */
export interface ExportArticle {
  readonly name: string;
  readonly text: string;
  readonly attributes: readonly { readonly key: string; readonly value: string }[];
}

/** A bundle to export, named (for `series` and for ids) by its file name. */
export interface ExportBundle {
  readonly name: string;
  readonly articles: readonly ExportArticle[];
}

/** One passim input record. Field order is passim's README order, then the passed-through fields. */
export type PassimInputRecord = Readonly<Record<string, string>> & {
  readonly id: string;
  readonly series: string;
  readonly text: string;
};

/**
 * Fields passim reads or writes itself: a header attribute of one of these names would be taken for
 * passim's own, so it is passed through as `attr_<name>` instead.
 */
const PASSIM_FIELDS = new Set(['id', 'series', 'text', 'uid', 'cluster', 'size', 'begin', 'end', 'src', 'pboiler', 'boiler', 'pages', 'regions', 'locs', 'gid']);
/** Header attributes the record carries under passim's names (`source` → series, `date`). */
const CONSUMED = new Set(['source', 'date']);

/** One id per article, unique across every bundle: the article's name, qualified only when needed. */
function uniqueIds(bundles: readonly ExportBundle[]): string[][] {
  const count = new Map<string, number>();
  for (const b of bundles) for (const a of b.articles) count.set(a.name, (count.get(a.name) ?? 0) + 1);
  const taken = new Set<string>();
  return bundles.map((b) => b.articles.map((a) => {
    const base = (count.get(a.name) ?? 0) > 1 ? `${b.name}/${a.name}` : a.name;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base} (${n})`;
    taken.add(id);
    return id;
  }));
}

/** The value of the first attribute named `key`, or undefined. */
function attribute(article: ExportArticle, key: string): string | undefined {
  return article.attributes.find((x) => x.key === key)?.value;
}

/**
 * passim input records for the articles of several bundles: `id` unique across bundles, `series`
 * from the `source` attribute else the bundle's name, `date` when the header has one, every other
 * header attribute passed through. Pure: the caller writes the lines.
 */
export function toPassimRecords(bundles: readonly ExportBundle[]): PassimInputRecord[] {
  const ids = uniqueIds(bundles);
  const records: PassimInputRecord[] = [];
  bundles.forEach((bundle, b) => bundle.articles.forEach((article, k) => {
    // A null-prototype record: an attribute named "__proto__" stays a field.
    const record = Object.create(null) as Record<string, string>;
    record.id = ids[b][k];
    const source = attribute(article, 'source');
    record.series = source !== undefined && source.trim() !== '' ? source : bundle.name;
    const date = attribute(article, 'date');
    if (date !== undefined && date.trim() !== '') record.date = date;
    for (const { key, value } of article.attributes) {
      if (CONSUMED.has(key)) continue;
      const field = PASSIM_FIELDS.has(key) ? `attr_${key}` : key;
      if (!(field in record)) record[field] = value;
    }
    record.text = article.text;
    records.push(record as PassimInputRecord);
  }));
  return records;
}

/** The records as JSON Lines (one object per line, "\n" after each), ready for `passim input.json out`. */
export function passimJsonLines(records: readonly PassimInputRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}
