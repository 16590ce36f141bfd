/**
 * Numbers however they are written: "12", "twelve", "a dozen", "1,000", "3.5 million",
 * "twenty-five", "a decade" (ten years). Reworded quotes and paraphrases switch between digits
 * and words, so two wordings are compared by value. Folded words in, plain data out.
 */

/** A number found in a word sequence: words [start, end) say `value`; `unit` when the words imply one. */
export interface NumberMention {
  readonly value: number;
  readonly start: number;
  readonly end: number;
  /** "year" for "a decade" or "ten years": a time span compares by value and unit. */
  readonly unit: string | null;
}

const UNITS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['dozen', 12], ['half', 0.5], ['couple', 2],
]);

const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['mln', 1e6], ['bln', 1e9], ['bn', 1e9], ['m', 1e6],
]);

/** Words that are a number of years by themselves. */
const SPANS: ReadonlyMap<string, number> = new Map([['decade', 10], ['decades', 10], ['century', 100], ['centuries', 100]]);

const TIME_UNITS: ReadonlyMap<string, string> = new Map([
  ['year', 'year'], ['years', 'year'], ['month', 'month'], ['months', 'month'], ['week', 'week'], ['weeks', 'week'],
  ['day', 'day'], ['days', 'day'], ['hour', 'hour'], ['hours', 'hour'],
]);

/**
 * The first letters of the number words (UNITS and SPANS): a word that starts with neither one of
 * them nor a digit states no number and opens no span (a hyphenated number starts with a unit), so
 * most words are passed over without a look-up in either map.
 */
const OPENING_LETTER = new Uint8Array(128);
for (const word of [...UNITS.keys(), ...SPANS.keys()]) OPENING_LETTER[word.charCodeAt(0)] = 1;

/** Whether a word may state a number or a span (false: it surely does not). */
function mayOpen(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 && (OPENING_LETTER[c] === 1 || (c >= 48 && c <= 57));
}

// Module constants: a regular expression literal in a function is a new object on every call (this runs per word).
const GROUPED_DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN_DIGITS = /^\d+(?:\.\d+)?$/;
const HYPHENATED = /^([a-z]+)-([a-z]+)$/;
const HAS_DIGIT = /\d/;

/** The value of one word: digits ("1,000", "3.5"), a number word, or a hyphenated one ("twenty-five"). */
export function wordValue(word: string): number | null {
  // Each pattern below needs a leading digit or a hyphen: most words are tested by one look-up.
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57 && (GROUPED_DIGITS.test(word) || PLAIN_DIGITS.test(word))) {
    return Number(word.replace(/,/g, ''));
  }
  const unit = UNITS.get(word);
  if (unit !== undefined) return unit;
  if (!word.includes('-')) return null;
  const dash = HYPHENATED.exec(word);
  if (dash !== null) {
    const tens = UNITS.get(dash[1]);
    const ones = UNITS.get(dash[2]);
    if (tens !== undefined && ones !== undefined && tens >= 20 && tens % 10 === 0 && ones >= 1 && ones <= 9) return tens + ones;
  }
  return null;
}

/** Whether a number mention can start at this word (numberMentions finds none in words of which none can). */
export function opensNumber(word: string): boolean {
  return mayOpen(word) && (SPANS.has(word) || wordValue(word) !== null);
}

/** The numbers a sequence of folded words states, left to right; each word belongs to at most one. */
export function numberMentions(words: readonly string[]): NumberMention[] {
  const found: NumberMention[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!mayOpen(words[i])) continue;
    const span = SPANS.get(words[i]);
    if (span !== undefined) {
      // "a decade", "two decades": a span of years; a count just before it multiplies it.
      const count = found.at(-1);
      if (count !== undefined && count.end === i && count.unit === null) {
        found[found.length - 1] = { value: span * count.value, start: count.start, end: i + 1, unit: 'year' };
      } else {
        found.push({ value: span, start: i, end: i + 1, unit: 'year' });
      }
      continue;
    }
    let value = wordValue(words[i]);
    if (value === null) continue;
    let end = i + 1;
    // "3.5 million", "two hundred thousand", "twenty five".
    for (;;) {
      const scale = end < words.length ? SCALES.get(words[end]) : undefined;
      const next = end < words.length ? UNITS.get(words[end]) : undefined;
      if (scale !== undefined && !(words[end] === 'm' && !HAS_DIGIT.test(words[i]))) {
        value *= scale;
        end++;
      } else if (next !== undefined && next >= 1 && next <= 9 && value >= 20 && value < 100 && value % 10 === 0 && !HAS_DIGIT.test(words[i])) {
        value += next;
        end++;
      } else {
        break;
      }
    }
    const unit = end < words.length ? TIME_UNITS.get(words[end]) ?? null : null;
    found.push({ value, start: i, end, unit });
    i = end - 1;
  }
  return found;
}

/** Whether two mentions state the same quantity: same value, and the same unit when both say one. */
export function sameQuantity(a: NumberMention, b: NumberMention): boolean {
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value)) && (a.unit === null || b.unit === null || a.unit === b.unit);
}
