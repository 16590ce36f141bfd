// passim counts characters as Python does: code points. JavaScript strings (and every offset in
// Parallax) count UTF-16 code units. A character outside the Basic Multilingual Plane (an emoji, a
// CJK extension ideograph, a mathematical letter) is one code point but two code units, so the two
// counts drift apart after the first such character.

/** True when the code unit at `i` starts a surrogate pair (a high surrogate followed by a low one). */
function startsPair(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** The number of code points in `text` (a lone surrogate counts as one, as in Python). */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += startsPair(text, i) ? 2 : 1) n++;
  return n;
}

/**
 * UTF-16 offsets of several code-point offsets into one text, in one pass over the text.
 * Offsets may come in any order; an offset past the end maps to `text.length`, a negative one to 0.
 */
export function codePointsToUtf16(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((_, k) => k).sort((x, y) => offsets[x] - offsets[y]);
  const out = new Array<number>(offsets.length);
  let unit = 0;
  let point = 0;
  for (const k of order) {
    const target = Math.max(0, Math.floor(offsets[k]));
    while (point < target && unit < text.length) {
      unit += startsPair(text, unit) ? 2 : 1;
      point++;
    }
    out[k] = unit;
  }
  return out;
}

/** The UTF-16 offset of one code-point offset. */
export function codePointToUtf16(text: string, offset: number): number {
  return codePointsToUtf16(text, [offset])[0];
}

/** The code-point offset of a UTF-16 offset (one inside a surrogate pair counts the pair's start). */
export function utf16ToCodePoint(text: string, offset: number): number {
  let point = 0;
  for (let i = 0; i < text.length && i < offset; i += startsPair(text, i) ? 2 : 1) {
    if (startsPair(text, i) && i + 1 === offset) return point;
    point++;
  }
  return point;
}

/** The text between two code-point offsets, as Python's `text[begin:end]` gives it. */
export function sliceCodePoints(text: string, begin: number, end: number): string {
  const [b, e] = codePointsToUtf16(text, [begin, end]);
  return text.slice(b, Math.max(b, e));
}
