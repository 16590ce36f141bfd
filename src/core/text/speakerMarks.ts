import type { Span } from '../model';
import { isSpaceCode } from './speakerPhrases';
import { MASK, NAME_RUN, cleanName, isNameLike } from './speakerSubjects';

/**
 * Speakers named by layout rather than by a cue verb: the signature after a quote in roundups
 * and op-eds ("“…” ― Ana Ruiz, Daily Courier", "“…” - Ana Ruiz") and the label before it in
 * transcripts and newsletters ("Ana Ruiz: “…”"). Both read the text with quotes masked out.
 */

/** A dash right after the closing mark, then a name that ends the signature. */
const SIGNED = new RegExp(`^[\\s.,]*(?:[\u2014\u2013\u2015]|-(?=\\s))\\s*(${NAME_RUN})(?=\\s*(?:[,(.;:\\uFFFC]|$))`, 'u');

/**
 * Whether a dash (— – ― -) follows `from` after white space, full stops and commas: what
 * /^[\u2014\u2013\u2015-]$/ told of the first character that /[\s.,]/ does not match, by char code
 * (asked after every quote: two patterns per character cost more than the few characters read).
 */
export function dashFollows(text: string, from: number): boolean {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 44 && !isSpaceCode(c)) break;
    i++;
  }
  if (i === text.length) return false;
  const c = text.charCodeAt(i);
  return c === 0x2014 || c === 0x2013 || c === 0x2015 || c === 45;
}

/** The name signing the quote that ends at `span.end`, or null. */
export function signedAfter(masked: string, span: Span): string | null {
  // SIGNED needs a dash after spaces, full stops and commas: most quotes are followed by none.
  if (!dashFollows(masked, span.end)) return null;
  const line = masked.slice(span.end, span.end + 160).split('\n')[0];
  const m = SIGNED.exec(line);
  // "― Tom Ode. Getty/Instagram": a full stop after a word of three letters or more ends the name.
  const person = m === null ? '' : cleanName(m[1].split(/(?<=\p{L}{3})\.\s/u)[0]);
  return m !== null && isNameLike(person) ? person : null;
}

/**
 * A name (or two joined by "and") and a colon right before the quote, opening its line or
 * following the end of a sentence, a dash or "from": "Michael P. McDonald: “…”", "More from
 * Blumenthal and Cohen: “…”". A headline in capitals ("UN: PEACEKEEPERS …") is no label: the
 * name must hold a lower-case letter.
 */
const LABEL = new RegExp(
  `(?:^|[.!?\\]\\uFFFC]\\s+|[\u2014\u2013-]\\s+|\\bfrom\\s+)((?:${NAME_RUN})(?:\\s+and\\s+(?:${NAME_RUN}))?)(?:\\s*\\([^()]{1,30}\\))?\\s*:\\s*$`,
  'u',
);

/**
 * Whether the last line of text[from, to) ends with a colon, give or take white space: what
 * line.trimEnd().endsWith(':') tells of the text after its last line break, read back from `to`.
 */
function lineEndsWithColon(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (!isSpaceCode(c)) return c === 58;
  }
  return false;
}

/** The name labelling the quote that starts at `span.start`, or null. */
export function labelBefore(masked: string, span: Span): string | null {
  const from = Math.max(0, span.start - 160);
  // LABEL ends with a colon and spaces: most lines fail here, without a try of the pattern at every
  // offset, and without cutting the line out.
  if (!lineEndsWithColon(masked, from, span.start)) return null;
  const before = masked.slice(from, span.start);
  const line = before.slice(before.lastIndexOf('\n') + 1);
  const m = LABEL.exec(line);
  if (m === null || !/\p{Ll}/u.test(m[1])) {
    return null;
  }
  const first = cleanName(m[1].split(/\s+and\s+/)[0]);
  const whole = m[1].includes(' and ') ? m[1] : first;
  return isNameLike(first) && !whole.includes(MASK) ? whole : null;
}
