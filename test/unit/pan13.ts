import * as fs from 'fs';

/** One PAN-13 text-alignment record (../shared/eval/DATA.md): a suspicious and a source document, and the copied passages. */
export interface PanPair {
  readonly susp_doc: string;
  readonly src_doc: string;
  readonly susp_text: string;
  readonly src_text: string;
  readonly alignments: readonly { susp_start: number; susp_end: number; src_start: number; src_end: number }[];
}

/** The JSONL file, split on \n only. */
export function readPan(file: string): PanPair[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as PanPair);
}

/** A detected passage: a span in one named document matched with a span in another. */
export interface DetectedPair {
  readonly a: { readonly doc: string; readonly start: number; readonly end: number };
  readonly b: { readonly doc: string; readonly start: number; readonly end: number };
}

export interface CharCounts {
  gold: number;
  found: number;
  detected: number;
  correct: number;
}

export function emptyCounts(): CharCounts {
  return { gold: 0, found: 0, detected: 0, correct: 0 };
}

type Spans = Map<string, [number, number][]>;

function addSpan(m: Map<string, Spans>, key: string, doc: string, start: number, end: number): void {
  let sides = m.get(key);
  if (sides === undefined) m.set(key, (sides = new Map()));
  const list = sides.get(doc);
  if (list === undefined) sides.set(doc, [[start, end]]);
  else list.push([start, end]);
}

function mask(spans: readonly [number, number][], n: number): Uint8Array {
  const m = new Uint8Array(n);
  for (const [s, e] of spans) m.fill(1, Math.max(0, s), Math.min(n, e));
  return m;
}

/**
 * Character-level counts, as PAN scores text alignment: per pair of documents and per side, the gold
 * characters (copied passages) and the detected characters (covered by matches between those two
 * documents). A passage is found as far as its characters are covered; detected characters outside
 * the gold, and every match between two documents PAN does not pair, count against precision.
 * `lengths` gives each document's length by name. Adds into `into`.
 */
export function countChars(lengths: ReadonlyMap<string, number>, gold: readonly PanPair[], detected: readonly DetectedPair[], into = emptyCounts()): CharCounts {
  const pairKey = (x: string, y: string) => (x < y ? `${x}\n${y}` : `${y}\n${x}`);
  const goldSpans = new Map<string, Spans>();
  for (const r of gold) {
    const key = pairKey(r.susp_doc, r.src_doc);
    if (!goldSpans.has(key)) goldSpans.set(key, new Map([[r.susp_doc, []], [r.src_doc, []]]));
    for (const al of r.alignments) {
      addSpan(goldSpans, key, r.susp_doc, al.susp_start, al.susp_end);
      addSpan(goldSpans, key, r.src_doc, al.src_start, al.src_end);
    }
  }
  const found = new Map<string, Spans>();
  for (const d of detected) {
    if (d.a.doc === d.b.doc) continue;
    const key = pairKey(d.a.doc, d.b.doc);
    addSpan(found, key, d.a.doc, d.a.start, d.a.end);
    addSpan(found, key, d.b.doc, d.b.start, d.b.end);
  }
  for (const key of new Set([...goldSpans.keys(), ...found.keys()])) {
    for (const doc of key.split('\n')) {
      const n = lengths.get(doc) ?? 0;
      const g = mask(goldSpans.get(key)?.get(doc) ?? [], n);
      const f = mask(found.get(key)?.get(doc) ?? [], n);
      for (let i = 0; i < n; i++) {
        into.gold += g[i];
        into.detected += f[i];
        into.found += g[i] & f[i];
      }
    }
  }
  into.correct = into.found;
  return into;
}

export function charScores(c: CharCounts): { precision: number; recall: number; f1: number } {
  const precision = c.detected === 0 ? 0 : c.correct / c.detected;
  const recall = c.gold === 0 ? 0 : c.found / c.gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
