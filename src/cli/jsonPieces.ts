import type { Print } from './args';

/** Two spaces per level, as `JSON.stringify(value, null, 2)` indents. */
const pad = (depth: number): string => '  '.repeat(depth);

/** `JSON.stringify(v, null, 2)` of a value standing `depth` levels in: its inner lines indented that much more. */
function nested(v: unknown, depth: number): string {
  // An array holds undefined, functions and symbols as null (what JSON.stringify writes there).
  const text = JSON.stringify(v, null, 2) ?? 'null';
  return depth === 0 ? text : text.replace(/\n/g, `\n${pad(depth)}`);
}

/** Whether JSON.stringify leaves an object's field out (undefined, functions, symbols). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function hasToJson(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

/** Prints `value` at `depth`, after `prefix` and before `suffix`: an array element by element, anything else whole. */
function printValue(value: unknown, depth: number, prefix: string, suffix: string, out: Print): void {
  if (!Array.isArray(value) || value.length === 0 || hasToJson(value)) {
    out(`${prefix}${nested(value, depth)}${suffix}`);
    return;
  }
  out(`${prefix}[`);
  for (let i = 0; i < value.length; i++) out(`${pad(depth + 1)}${nested(value[i], depth + 1)}${i < value.length - 1 ? ',' : ''}`);
  out(`${pad(depth)}]${suffix}`);
}

/**
 * Prints exactly `JSON.stringify(value, null, 2)` through `out`, a piece at a time: each element of
 * a top-level array, or of an array in a field of a top-level object, is serialised on its own. A
 * large report (25 MB of JSON for 2,000 articles) then never exists as one string, nor again as the
 * copy `out` makes to add its line break. Every piece ends where the whole text has a line break,
 * and `out` ends each piece with one, so the bytes printed are the same.
 */
export function printJsonPieces(value: unknown, out: Print): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || hasToJson(value)) {
    printValue(value, 0, '', '', out);
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => !omitted(record[k]));
  if (keys.length === 0) {
    out('{}');
    return;
  }
  out('{');
  keys.forEach((k, i) => printValue(record[k], 1, `${pad(1)}${JSON.stringify(k)}: `, i < keys.length - 1 ? ',' : '', out));
  out('}');
}
