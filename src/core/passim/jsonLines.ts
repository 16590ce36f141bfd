// JSON Lines as Spark writes them: one JSON object per line. passim's `uid` is a 64-bit hash
// (Spark's xxhash64) that JSON.parse would round to the nearest double, so two documents could
// share a uid and a `src` link could point at the wrong passage. Integers too long to be exact
// are read as strings instead.

/** A line that could not be read, with its 1-based number. */
export interface JsonLineProblem {
  readonly line: number;
  readonly message: string;
}

export interface JsonLines {
  /** The objects, in file order (lines that are not objects are problems, not values). */
  readonly values: readonly Record<string, unknown>[];
  readonly problems: readonly JsonLineProblem[];
}

/** Integers with more digits than this may not be exact as doubles (2^53 has 16 digits). */
const SAFE_DIGITS = 15;

/** The line with every integer literal longer than SAFE_DIGITS digits written as a JSON string. */
export function quoteLongIntegers(line: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < line.length && line.charCodeAt(i) !== 34) i += line.charCodeAt(i) === 92 /* \ */ ? 2 : 1;
      i++;
      continue;
    }
    const isStart = c === 45 /* - */ || (c >= 48 && c <= 57);
    if (!isStart) {
      i++;
      continue;
    }
    let j = c === 45 ? i + 1 : i;
    while (j < line.length && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
    const digits = j - (c === 45 ? i + 1 : i);
    const next = line[j];
    const isInteger = next !== '.' && next !== 'e' && next !== 'E';
    if (isInteger && digits > SAFE_DIGITS) {
      out += `${line.slice(from, i)}"${line.slice(i, j)}"`;
      from = j;
    }
    // Skip the rest of the number (fraction, exponent) so its digits are not read as another one.
    while (j < line.length && /[0-9.eE+-]/.test(line[j])) j++;
    i = Math.max(j, i + 1);
  }
  return from === 0 ? line : out + line.slice(from);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads JSON Lines (LF or CRLF); blank lines are skipped. Never throws. */
export function parseJsonLines(text: string): JsonLines {
  const values: Record<string, unknown>[] = [];
  const problems: JsonLineProblem[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, k) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(quoteLongIntegers(line));
    } catch (err) {
      problems.push({ line: k + 1, message: `not JSON (${err instanceof Error ? err.message : String(err)})` });
      return;
    }
    if (isObject(value)) values.push(value);
    else problems.push({ line: k + 1, message: 'not a JSON object (each line must be one record {…})' });
  });
  return { values, problems };
}
