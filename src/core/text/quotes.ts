import type { Quote, Sentence, Span } from '../model';
import { attributeSpeakerMentions, attributeSpeakers } from './speakers';
import type { Assigned } from './speakers';

/**
 * Quotation marks in news text: curly “ ” and ‘ ’, straight " and ', the double prime ″ that AP
 * copy uses, « » and ‹ ›, German „ “ and ‚ ‘. Apostrophes (Ukraine’s, ’90s, rock ’n’ roll) are told
 * apart from single quotes by their neighbours; a quote still open at the end of a paragraph goes
 * on when the next paragraph reopens it (the newspaper convention); unbalanced marks are dropped,
 * never thrown on.
 */

/** A quoted span before speakers are attributed. */
export interface QuoteSpan extends Span {
  readonly inner: Span;
  /** The quoted words; for a quote that runs across paragraphs, without the reopening marks. */
  readonly text: string;
  /** 0 for a top-level quote, 1 for a quote inside a quote, … */
  readonly depth: number;
}

type Kind = 'curly' | 'low' | 'guillemet' | 'guillemetR' | 'straight' | 'prime' | 'single' | 'lowSingle' | 'straightSingle' | 'angleSingle' | 'angleSingleR';

/** /\s/.test of one UTF-16 code unit (−1: none), without a regular expression per mark. */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** What may stand before a straight mark that opens while another straight quote is open: ( [ { — – - / */
function isBracketOrDashCode(c: number): boolean {
  return c === 0x28 || c === 0x5b || c === 0x7b || c === 0x2014 || c === 0x2013 || c === 0x2d || c === 0x2f;
}

/** What may stand right before an opening mark: space, a bracket or dash, or : ; , … */
export function mayStandBeforeOpen(c: number): boolean {
  return isSpaceCode(c) || isBracketOrDashCode(c) || c === 0x3a || c === 0x3b || c === 0x2c || c === 0x2026;
}

/** What may stand right after a closing mark: space, . , ; : ! ? ) ] } — – - / … * */
export function mayStandAfterClose(c: number): boolean {
  switch (c) {
    case 0x2e: case 0x2c: case 0x3b: case 0x3a: case 0x21: case 0x3f: case 0x29: case 0x5d: case 0x7d:
    case 0x2014: case 0x2013: case 0x2d: case 0x2f: case 0x2026: case 0x2a:
      return true;
    default:
      return isSpaceCode(c);
  }
}

/** The marks that may open a quote: “ „ « ‹ " ″ ‘ ‚ ' */
function isOpeningMarkCode(c: number): boolean {
  return c === 0x201c || c === 0x201e || c === 0xab || c === 0x2039 || c === 0x22 || c === 0x2033 || c === 0x2018 || c === 0x201a || c === 0x27;
}

/** The marks that may close a quote: ” “ » › " ″ ’ ‘ ' */
function isClosingMarkCode(c: number): boolean {
  return c === 0x201d || c === 0x201c || c === 0xbb || c === 0x203a || c === 0x22 || c === 0x2033 || c === 0x2019 || c === 0x2018 || c === 0x27;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** LETTER_OR_DIGIT.test of one code unit of `text` (−1: none): ASCII by its code, the rest by the expression. */
function isLetterOrDigitAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return LETTER_OR_DIGIT.test(text[i]);
}

/** Words that start with an elided letter: ’90s, ’n’, ’em, ’tis, ’til, ’cause. */
const ELISION = /^(?:\d\d(?:s\b|\b)|n['’‘](?!\p{L})|em\b|tis\b|twas\b|til\b|cause\b|bout\b)/iu;

/** The code unit at i, or −1 outside the text. */
function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** Whether the code unit at i is white space; false outside the text. */
function isSpaceAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isSpaceCode(text.charCodeAt(i));
}

/**
 * A mark opens (closes) a quote when the character on its inner side is not space and the one on
 * its outer side is the text's edge, another mark, or one that may stand there.
 */
function canOpen(text: string, i: number): boolean {
  const inner = codeAt(text, i + 1);
  if (inner < 0 || isSpaceCode(inner)) return false;
  const outer = codeAt(text, i - 1);
  return outer < 0 || mayStandBeforeOpen(outer) || isOpeningMarkCode(outer);
}

function canClose(text: string, i: number): boolean {
  const inner = codeAt(text, i - 1);
  if (inner < 0 || isSpaceCode(inner)) return false;
  const outer = codeAt(text, i + 1);
  return outer < 0 || mayStandAfterClose(outer) || isClosingMarkCode(outer);
}

function isApostrophe(text: string, i: number): boolean {
  return isLetterOrDigitAt(text, i - 1) && isLetterOrDigitAt(text, i + 1);
}

function isElision(text: string, i: number): boolean {
  return ELISION.test(text.slice(i + 1, i + 8));
}

/**
 * The first offset after i where `mark` stands and `accept` holds, or text.length when none:
 * remembered, so that questions asked in increasing order scan the text once in all.
 */
class NextMark {
  private from = -1;
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly mark: string,
    private readonly accept: (j: number) => boolean,
  ) {}

  after(i: number): number {
    if (this.from < 0 || i < this.from || i >= this.at) {
      let j = this.text.indexOf(this.mark, i + 1);
      while (j >= 0 && !this.accept(j)) {
        j = this.text.indexOf(this.mark, j + 1);
      }
      this.from = i;
      this.at = j < 0 ? this.text.length : j;
    }
    return this.at;
  }
}

/** The questions a scan asks about what follows a mark, each answered in linear time overall. */
class Lookahead {
  readonly newline: NextMark;
  readonly closingCurly: NextMark;
  readonly closingStraight: NextMark;

  constructor(text: string) {
    const closable = (j: number): boolean => canClose(text, j) && !isApostrophe(text, j);
    this.newline = new NextMark(text, '\n', () => true);
    this.closingCurly = new NextMark(text, '’', closable);
    this.closingStraight = new NextMark(text, "'", closable);
  }
}

/**
 * A single closing mark after "s" and before a lower-case word ("the leaders’ summit") is more
 * likely a plural possessive: it closes only when no other closing mark follows in the paragraph.
 */
function isPluralPossessive(text: string, i: number, kind: Kind, ahead: Lookahead): boolean {
  if (!/s/i.test(text[i - 1] ?? '') || !/^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4))) {
    return false;
  }
  const next = (kind === 'straightSingle' ? ahead.closingStraight : ahead.closingCurly).after(i);
  return next < ahead.newline.after(i - 1);
}

const FAMILY: Readonly<Record<Kind, string>> = {
  curly: 'double', low: 'double', guillemet: 'guillemet', guillemetR: 'guillemet', straight: 'double',
  prime: 'double', single: 'single', lowSingle: 'single', straightSingle: 'single', angleSingle: 'angle',
  angleSingleR: 'angle',
};

/** The kind a mark would open, if it can open one here. */
function openingKind(ch: string): Kind | null {
  switch (ch) {
    case '“': return 'curly';
    case '„': return 'low';
    case '«': return 'guillemet';
    case '»': return 'guillemetR';
    case '‹': return 'angleSingle';
    case '›': return 'angleSingleR';
    case '"': return 'straight';
    case '″': return 'prime';
    case '‘': return 'single';
    case '‚': return 'lowSingle';
    case "'": return 'straightSingle';
    default: return null;
  }
}

// The kinds lists below are constants: a mark asks for them once per mark, and a quote-dense text has thousands.
const CLOSES_CURLY: readonly Kind[] = ['curly', 'low'];
const CLOSES_LOW: readonly Kind[] = ['low', 'curly'];
const CLOSES_GUILLEMET: readonly Kind[] = ['guillemet'];
const CLOSES_GUILLEMET_R: readonly Kind[] = ['guillemetR'];
const CLOSES_ANGLE: readonly Kind[] = ['angleSingle'];
const CLOSES_ANGLE_R: readonly Kind[] = ['angleSingleR'];
const CLOSES_STRAIGHT: readonly Kind[] = ['straight'];
const CLOSES_PRIME: readonly Kind[] = ['prime', 'straight'];
const CLOSES_SINGLE: readonly Kind[] = ['single', 'lowSingle', 'straightSingle'];
const CLOSES_LOW_SINGLE: readonly Kind[] = ['lowSingle', 'single'];
const CLOSES_STRAIGHT_SINGLE: readonly Kind[] = ['straightSingle', 'single'];
const NO_KINDS: readonly Kind[] = [];

/** The kinds a mark can close, most likely first. */
function closingKinds(ch: string): readonly Kind[] {
  switch (ch) {
    case '”': return CLOSES_CURLY;
    case '“': return CLOSES_LOW;
    case '»': return CLOSES_GUILLEMET;
    case '«': return CLOSES_GUILLEMET_R;
    case '›': return CLOSES_ANGLE;
    case '‹': return CLOSES_ANGLE_R;
    case '"': return CLOSES_STRAIGHT;
    case '″': return CLOSES_PRIME;
    case '’': return CLOSES_SINGLE;
    case '‘': return CLOSES_LOW_SINGLE;
    case "'": return CLOSES_STRAIGHT_SINGLE;
    default: return NO_KINDS;
  }
}

const MARKS = /[“”„«»‹›"″‘’‚'\n]/g;

const MIXED_DOUBLE: readonly Kind[] = ['curly', 'low', 'straight', 'prime'];
const STRAIGHT_DOUBLE: readonly Kind[] = ['straight', 'prime'];

/**
 * What a mark closes when no quote of its own kind is open: news copy mixes curly and straight
 * double marks (“…" or "…”), and a closing mark then pairs with whatever double quote is open.
 */
function mixedKinds(ch: string): readonly Kind[] {
  switch (ch) {
    case '"': case '”': case '“': case '″': return MIXED_DOUBLE;
    default: return NO_KINDS;
  }
}

/** Quotes open at once, at most: real quotes never nest deeper than a few levels. */
const MAX_DEPTH = 6;

/**
 * The marks still open, innermost last, in arrays kept for the whole text: no object per mark, and no
 * array emptied after each quote and grown again for the next (setting an array's length to 0 drops its store).
 */
class OpenMarks {
  size = 0;
  readonly kinds: Kind[] = [];
  readonly marks = new Int32Array(MAX_DEPTH);
  /** Offsets of marks that reopened the outermost quote at the start of a following paragraph (only it can be), or null. */
  reopened: number[] | null = null;

  push(kind: Kind, mark: number): void {
    if (this.size === 0) this.reopened = null;
    this.kinds[this.size] = kind;
    this.marks[this.size] = mark;
    this.size++;
  }

  /** Whether a quote of this kind is open. */
  has(kind: Kind): boolean {
    for (let s = 0; s < this.size; s++) if (this.kinds[s] === kind) return true;
    return false;
  }

  /** Index of the innermost open quote of one of these kinds, or -1. */
  innermost(kinds: readonly Kind[]): number {
    for (let s = this.size - 1; s >= 0; s--) {
      if (kinds.includes(this.kinds[s])) {
        return s;
      }
    }
    return -1;
  }
}

/** The quotes found so far and the marks still open, over one text. */
class QuoteScanner {
  readonly found: QuoteSpan[] = [];
  private readonly stack = new OpenMarks();
  private readonly ahead: Lookahead;

  constructor(private readonly text: string) {
    this.ahead = new Lookahead(text);
  }

  /** A line break: a quote open at the end of a paragraph goes on only if the next one reopens it. */
  lineBreak(i: number): number {
    const { text, stack } = this;
    if (stack.size === 0) {
      return i + 1;
    }
    let j = i + 1;
    while (j < text.length && isSpaceCode(text.charCodeAt(j))) {
      j++;
    }
    const reopen = j < text.length ? openingKind(text[j]) : null;
    // Only the outermost quote goes on: it stays at the bottom of the stack.
    stack.size = 0;
    if (reopen !== null && FAMILY[reopen] === FAMILY[stack.kinds[0]] && canOpen(text, j)) {
      (stack.reopened ??= []).push(j);
      stack.size = 1;
      return j + 1;
    }
    return i + 1;
  }

  /** A quotation mark at i: closes an open quote, opens one, or is dropped. */
  mark(i: number, ch: string): void {
    const { text, stack } = this;
    if ((ch === "'" || ch === '’' || ch === '‘') && isApostrophe(text, i)) {
      return;
    }
    const kind = openingKind(ch);
    // Guillemets are never apostrophes or inch marks: French sets them off with spaces.
    const guillemet = ch === '«' || ch === '»' || ch === '‹' || ch === '›';
    const guillemetCloses = guillemet && stack.innermost(closingKinds(ch)) >= 0;
    // “ opens whatever stands before it (”“ between two quotes, a missing space), unless it closes.
    const opens = kind !== null && (canOpen(text, i) || (guillemet && !guillemetCloses) || (ch === '“' && i + 1 < text.length && !isSpaceAt(text, i + 1)));
    // A straight mark after a word or punctuation closes the straight quote that is open.
    const closesStraight = (ch === '"' || ch === '″') && i > 0 && !isSpaceAt(text, i - 1) && !isBracketOrDashCode(text.charCodeAt(i - 1)) && stack.innermost(STRAIGHT_DOUBLE) >= 0;
    const closes = canClose(text, i) || guillemetCloses || closesStraight || (ch === '”' && i > 0 && !isSpaceAt(text, i - 1));
    if ((closes || !opens) && this.close(i, ch, closes, opens)) {
      return;
    }
    if (opens && kind !== null) {
      this.open(i, kind);
    }
  }

  /** Closes the innermost open quote this mark can close (its own kind first, then a mixed pair). */
  private close(i: number, ch: string, closes: boolean, opens: boolean): boolean {
    const { text, stack } = this;
    let at = stack.innermost(closingKinds(ch));
    if (at < 0) {
      at = stack.innermost(mixedKinds(ch));
    }
    if (at < 0) {
      return false;
    }
    const kind = stack.kinds[at];
    const single = kind === 'single' || kind === 'straightSingle';
    if (single && ch !== '‘' && isPluralPossessive(text, i, kind, this.ahead)) {
      return false;
    }
    if (!closes && !(FAMILY[kind] === 'double' && !opens)) {
      return false;
    }
    stack.size = at;
    this.emit(stack.marks[at], at === 0 ? stack.reopened : null, i, at);
    return true;
  }

  private open(i: number, kind: Kind): void {
    const { text, stack } = this;
    if ((kind === 'single' || kind === 'straightSingle') && isElision(text, i)) {
      return;
    }
    // A symmetric mark cannot open a second quote of its own kind inside the first; real quotes
    // never nest deeper than a few levels, and a bounded stack keeps every mark O(1).
    if (stack.size >= MAX_DEPTH || ((kind === 'straight' || kind === 'prime' || kind === 'straightSingle') && stack.has(kind))) {
      return;
    }
    stack.push(kind, i);
  }

  /** The quote opened at `mark` (reopened at `reopened`, or null) and closed at `close`, `depth` quotes deep. */
  private emit(mark: number, reopened: readonly number[] | null, close: number, depth: number): void {
    const { text } = this;
    const inner: Span = { start: mark + 1, end: close };
    let quoted: string;
    if (reopened === null || reopened.length === 0) {
      quoted = text.slice(inner.start, inner.end);
    } else {
      const parts: string[] = [];
      let from = inner.start;
      for (const r of reopened) {
        parts.push(text.slice(from, r).trim());
        from = r + 1;
      }
      parts.push(text.slice(from, close).trim());
      quoted = parts.join(' ');
    }
    if (LETTER_OR_DIGIT.test(quoted)) {
      this.found.push({ start: mark, end: close + 1, inner, text: quoted, depth });
    }
  }
}

/** Finds every quoted span of a text, nested ones included, in order of their opening mark. */
export function scanQuotes(text: string): QuoteSpan[] {
  const scanner = new QuoteScanner(text);
  MARKS.lastIndex = 0;
  // test, not exec: the mark is where the match ended, and no match array is made per mark.
  while (MARKS.test(text)) {
    const i = MARKS.lastIndex - 1;
    if (text.charCodeAt(i) === 0x0a) {
      MARKS.lastIndex = scanner.lineBreak(i);
    } else {
      scanner.mark(i, text[i]);
    }
  }
  const found = scanner.found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found;
}

/**
 * Every quotation of an article with its speaker and cue verb. `sentences` are the article's
 * sentences (from splitSentences); they bound the search for cues around each quote.
 */
export function findQuotes(text: string, sentences: readonly Sentence[]): Quote[] {
  return attributeSpeakers(text, sentences, scanQuotes(text));
}

/** findQuotes, with the role as written behind each resolved speaker (see attributeSpeakerMentions). */
export function findQuotesWithMentions(text: string, sentences: readonly Sentence[]): Assigned {
  return attributeSpeakerMentions(text, sentences, scanQuotes(text));
}
