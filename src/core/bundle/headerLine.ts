import type { Attribute } from './parseBundle';

/** What a `<<<FILE …>>>` header line says. */
export interface HeaderInfo {
  /** False when the line has no closing ">>>". */
  readonly terminated: boolean;
  readonly attributes: readonly Attribute[];
  /** A bare token beside attributes: the block id that a matching `<<<END FILE id>>>` closes. */
  readonly blockId: string | null;
  /** The whole inside of a header without attributes (`<<<FILE my notes/a b.txt>>>`), else null. */
  readonly bareName: string | null;
  /** `<<<FILE name="x" BEGIN>>>`: the writer promised a `<<<FILE END>>>`. */
  readonly begin: boolean;
}

const HEADER_START = /^<<<FILE(?=[\s>]|$)/;
const END_MARKER = /^<<<(?:END|END FILE|FILE END|END FILE\s+(\S+?))>>>\s*$/;
// key=value with the value double-quoted, single-quoted or bare; or a bare token.
const TOKEN = /\s*(?:([A-Za-z_][\w.:-]*)=(?:"([^"]*)"|'([^']*)'|(\S*))|(\S+))/gy;

/**
 * Reads an end marker line: undefined when the line is not one, null for `<<<END>>>`,
 * `<<<END FILE>>>` and `<<<FILE END>>>`, the id for `<<<END FILE id>>>`.
 */
export function parseEndMarker(line: string): string | null | undefined {
  const m = END_MARKER.exec(line);
  if (!m) return undefined;
  return m[1] ?? null;
}

/** Reads a header line (already known not to be an end marker), or null when it is not a header. */
export function parseHeader(line: string): HeaderInfo | null {
  const start = HEADER_START.exec(line);
  if (!start) return null;
  const close = line.indexOf('>>>', start[0].length);
  const terminated = close >= 0;
  const inner = line.slice(start[0].length, terminated ? close : line.length);

  const attributes: Attribute[] = [];
  const bare: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(inner); m !== null && m[0] !== ''; m = TOKEN.exec(inner)) {
    if (m[1] !== undefined) {
      attributes.push({ key: m[1], value: m[2] ?? m[3] ?? m[4] ?? '' });
    } else if (m[5] !== undefined) {
      bare.push(m[5]);
    }
  }

  if (attributes.length > 0) {
    const begin = bare.includes('BEGIN');
    const ids = bare.filter((t) => t !== 'BEGIN');
    return { terminated, attributes, blockId: ids.length > 0 ? ids[0] : null, bareName: null, begin };
  }
  // No attributes: the whole inside is the name (names may hold spaces and slashes).
  let name = inner.trim();
  let begin = false;
  if (name === 'BEGIN' || name.endsWith(' BEGIN')) {
    begin = true;
    name = name.slice(0, -'BEGIN'.length).trim();
  }
  return { terminated, attributes, blockId: null, bareName: name === '' ? null : name, begin };
}
