// passim's output, read from the records of `out.json/part-*` and `align.json/part-*`.
// Fields as documented in passim's README, "Running passim" (https://github.com/dasmiq/passim):
// each output record echoes the input fields (`id`, `series`, `date`, … with `text` cut to the
// reused passage) and adds `cluster`, `size`, `begin`, `end` (character offsets into the
// document: Python string indices, i.e. code points), `uid`, `src` (the preceding passage inferred
// to be this one's source) and `pboiler`. With `--pairwise`, `align.json` holds one record per
// aligned pair: the "source" document's fields as they are and the "target" document's with a "2"
// appended (`uid`/`uid2`, `id`/`id2`, `begin`/`begin2`, `end`/`end2`), and the aligned texts `s1`,
// `s2` with `matches` (passim/seriatim.py writes them).

/** A passage another passage was inferred to come from: passim's `src` entry. */
export interface PassimLink {
  /** passim's document uid, as a decimal string (64-bit: never a rounded double). */
  readonly uid: string;
  readonly begin: number | null;
  readonly end: number | null;
}

/** One reused passage: one record of out.json. Offsets are passim's (code points into the document). */
export interface PassimPassage {
  readonly id: string;
  readonly uid: string;
  readonly cluster: string;
  readonly size: number | null;
  readonly begin: number;
  readonly end: number;
  /** The passage's text, as passim cut it from the document. */
  readonly text: string;
  readonly series: string | null;
  readonly date: string | null;
  readonly src: readonly PassimLink[];
  readonly pboiler: number | null;
  /** The other scalar fields of the record (input metadata passed through), in record order. */
  readonly extra: ReadonlyMap<string, string>;
}

/** One pairwise alignment of align.json: `uid` is the source side, `uid2` the target side. */
export interface PassimAlignment {
  readonly uid: string;
  readonly uid2: string;
  readonly id: string | null;
  readonly id2: string | null;
  readonly begin: number;
  readonly end: number;
  readonly begin2: number;
  readonly end2: number;
  readonly matches: number | null;
  readonly s1: string | null;
  readonly s2: string | null;
}

/** A record that is not a passage or an alignment, with why. */
export interface RecordProblem {
  readonly index: number;
  readonly message: string;
}

/** Fields passim adds or that this reader maps; every other scalar field is passed through. */
const PASSAGE_FIELDS = new Set(['id', 'uid', 'cluster', 'size', 'begin', 'end', 'text', 'series', 'date', 'src', 'pboiler', 'boiler']);

const idOf = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);
const numberOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : null);
const offsetOf = (v: unknown): number | null => {
  const n = numberOf(v);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
};

/** passim's `src`: an array of {uid, begin, end} (passim 2), one such object, or a bare uid. */
function linksOf(v: unknown): PassimLink[] {
  const one = (x: unknown): PassimLink | null => {
    if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
      const o = x as Record<string, unknown>;
      const uid = idOf(o.uid);
      return uid === null ? null : { uid, begin: offsetOf(o.begin), end: offsetOf(o.end) };
    }
    const uid = idOf(x);
    return uid === null ? null : { uid, begin: null, end: null };
  };
  const list = Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];
  return list.map(one).filter((l): l is PassimLink => l !== null);
}

function extraFields(record: Record<string, unknown>): Map<string, string> {
  const extra = new Map<string, string>();
  for (const [key, value] of Object.entries(record)) {
    if (PASSAGE_FIELDS.has(key)) continue;
    if (typeof value === 'string') extra.set(key, value);
    else if (typeof value === 'number' || typeof value === 'boolean') extra.set(key, String(value));
  }
  return extra;
}

/** Why a record could not be read. */
interface Unreadable {
  readonly problem: string;
}

/** Each record read as an item, or as a problem (with the record's index) when `read` says why it cannot be. */
function readRecords<T extends object>(records: readonly Record<string, unknown>[], read: (r: Record<string, unknown>) => T | Unreadable): { items: T[]; problems: RecordProblem[] } {
  const items: T[] = [];
  const problems: RecordProblem[] = [];
  records.forEach((r, index) => {
    const item = read(r);
    if ('problem' in item) problems.push({ index, message: item.problem });
    else items.push(item);
  });
  return { items, problems };
}

/** One out.json record as a passage, or a problem when it has no id, cluster, offsets or text. */
function passageOf(r: Record<string, unknown>): PassimPassage | Unreadable {
  const id = idOf(r.id);
  const cluster = idOf(r.cluster);
  const begin = offsetOf(r.begin);
  const end = offsetOf(r.end);
  const missing = [id === null && 'id', cluster === null && 'cluster', begin === null && 'begin', end === null && 'end', typeof r.text !== 'string' && 'text'].filter(Boolean);
  if (missing.length > 0 || id === null || cluster === null || begin === null || end === null || typeof r.text !== 'string') {
    return { problem: `not a passim passage: no ${missing.join(', ')}` };
  }
  return {
    id,
    uid: idOf(r.uid) ?? `id:${id}`,
    cluster,
    size: numberOf(r.size),
    begin,
    end: Math.max(begin, end),
    text: r.text,
    series: idOf(r.series),
    date: idOf(r.date),
    src: linksOf(r.src),
    pboiler: numberOf(r.pboiler),
    extra: extraFields(r),
  };
}

/** One align.json record (passim --pairwise) as an alignment, or a problem when it lacks a side. */
function alignmentOf(r: Record<string, unknown>): PassimAlignment | Unreadable {
  const uid = idOf(r.uid);
  const uid2 = idOf(r.uid2);
  const [begin, end, begin2, end2] = [r.begin, r.end, r.begin2, r.end2].map(offsetOf);
  if (uid === null || uid2 === null || begin === null || end === null || begin2 === null || end2 === null) {
    return { problem: 'not a passim alignment: it needs uid, uid2, begin, end, begin2 and end2' };
  }
  return {
    uid, uid2, id: idOf(r.id), id2: idOf(r.id2), begin, end, begin2, end2,
    matches: numberOf(r.matches),
    s1: typeof r.s1 === 'string' ? r.s1 : null,
    s2: typeof r.s2 === 'string' ? r.s2 : null,
  };
}

/** The passages of out.json records, and the records that are none (problems). */
export function readPassages(records: readonly Record<string, unknown>[]): { passages: PassimPassage[]; problems: RecordProblem[] } {
  const { items, problems } = readRecords(records, passageOf);
  return { passages: items, problems };
}

/** The alignments of align.json records, and the records that are none (problems). */
export function readAlignments(records: readonly Record<string, unknown>[]): { alignments: PassimAlignment[]; problems: RecordProblem[] } {
  const { items, problems } = readRecords(records, alignmentOf);
  return { alignments: items, problems };
}
