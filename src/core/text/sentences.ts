import type { Sentence, Span } from '../model';
import { firstNotBefore } from '../util/binarySearch';

/**
 * A fast sentence splitter of our own (regular expressions and word lists, no tagging): compromise's
 * splitter is too slow for megabytes of text and passes only 31 of the 52 Golden Rules. It knows
 * abbreviations (U.S., Dr., a.m.), initials, ellipses, quotes and brackets that close a sentence,
 * numbered and lettered lists, bullets, headlines, and treats a line break as the end of a paragraph
 * unless the line was only wrapped.
 */

/** Titles written before a name: a period after them never ends a sentence. */
const PREPOSITIVE = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mmes', 'dr', 'prof', 'rev', 'hon', 'gen', 'col', 'lt', 'sgt', 'capt', 'cpt', 'cmdr',
  'adm', 'maj', 'brig', 'gov', 'sen', 'rep', 'reps', 'pres', 'supt', 'det', 'insp', 'fr', 'sr', 'sra', 'st', 'mt', 'ft', 'pvt', 'cpl',
  'amb', 'atty', 'gens', 'sens', 'msgr', 'mme', 'mlle',
]);

/**
 * Other abbreviations: a period after them ends a sentence only when the next word is one that
 * typically starts a sentence ("They", "How"), not a name ("U.S. Government").
 */
const ABBREVIATIONS = new Set([
  'co', 'corp', 'inc', 'ltd', 'llc', 'plc', 'bros', 'jr', 'sr', 'esq', 'etc', 'vs', 'v', 'al', 'esp', 'approx', 'dept', 'est',
  'fig', 'figs', 'govt', 'intl', 'assn', 'assoc', 'univ', 'ave', 'blvd', 'rd', 'hwy', 'apt', 'no', 'nos', 'n°', 'nr', 'p', 'pp', 'vol',
  'vols', 'ch', 'chap', 'sec', 'sect', 'art', 'ed', 'eds', 'para', 'cf', 'viz', 'ca', 'c', 'min', 'max', 'mins', 'hr', 'hrs',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur',
  'thurs', 'fri', 'sat', 'sun', 'dist', 'div', 'mass', 'calif', 'conn', 'fla', 'ill', 'kan', 'md', 'mich', 'minn', 'penn', 'tenn',
  'tex', 'va', 'wash', 'wis', 'ariz', 'colo', 'del', 'ga', 'ind', 'ky', 'la', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore',
  'pa', 'wyo', 'ft', 'oz', 'lb', 'lbs', 'sq', 'km', 'cm', 'mm', 'kg', 'yr', 'yrs', 'mo', 'mos', 'wk', 'wks', 'tel', 'ext', 'dir',
  'mgr', 'gov', 'op', 'ref', 'rev', 'repr', 'sgd', 'trans', 'var', 'ver', 'vol', 'ibid', 'id',
]);

/** Words that usually open a sentence: after an abbreviation they tell that the sentence ended. */
const SENTENCE_STARTERS = new Set([
  'A', 'After', 'Also', 'An', 'And', 'As', 'At', 'Being', 'But', 'By', 'Did', 'Do', 'Does', 'During', 'Each', 'Even', 'Every', 'For',
  'From', 'He', 'Her', 'Here', 'His', 'How', 'However', 'I', 'If', 'In', 'Instead', 'It', 'Its', 'Meanwhile', 'Millions', 'More',
  'Most', 'My', 'No', 'Now', 'On', 'Only', 'Our', 'She', 'Since', 'So', 'Some', 'Still', 'That', 'The', 'Their', 'Then', 'There',
  'These', 'They', 'This', 'Those', 'Thus', 'To', 'We', 'What', 'When', 'Where', 'Which', 'While', 'Who', 'Why', 'With', 'Yet',
  'You', 'Your', 'Many', 'Others', 'Both', 'Neither', 'Not', 'Is', 'Are', 'Was', 'Were', 'Will', 'Can', 'Should', 'Would',
]);

/**
 * Classes of the characters the splitter looks at one by one, as bits per UTF-16 unit, so that
 * scanning a paragraph tests a table instead of running a regular expression (and cutting a string)
 * per character. Each unit is classed as the regular expression in its comment reads text[i] (a
 * unit of a surrogate pair alone is none of the Unicode classes); Unicode classes are filled on
 * first sight from those expressions, the punctuation classes are fixed lists.
 */
const SPACE = 1; // /\s/
const UPPER = 2; // /\p{Lu}/u
const LOWER = 4; // /\p{Ll}/u
const LETTER = 8; // /\p{L}/u
const NUMBER = 16; // /\p{N}/u
const TERMINATOR = 32; // [.!?…‼⁇⁈⁉]
/** Marks that close a quotation or parenthesis and belong to the sentence they end. */
const CLOSER = 64; // ["'”’»›)\]″〞」』]
/** Marks that may open the next sentence before its first word. */
const OPENER = 128; // ["'“‘«‹([″〝「『—–\-•⁃*]
const BANG = 256; // [!?‼⁇⁈⁉]
const BULLET = 1024; // [•⁃◦▪‣]
const KNOWN = 2048;

const unitClasses = new Uint16Array(0x10000);

function marksOf(chars: string, bit: number): void {
  for (const ch of chars) unitClasses[ch.charCodeAt(0)] |= bit;
}
marksOf('.!?…‼⁇⁈⁉', TERMINATOR);
marksOf('!?‼⁇⁈⁉', BANG);
marksOf('•⁃◦▪‣', BULLET);
marksOf('"\'”’»›)]″〞」』', CLOSER);
marksOf('"\'“‘«‹([″〝「『—–-•⁃*', OPENER);

/** The classes of UTF-16 unit c (0 for NaN, what charCodeAt gives past the end: none of them). */
function classOf(c: number): number {
  const known = unitClasses[c];
  if (known === undefined || (known & KNOWN) !== 0) return known ?? 0;
  const ch = String.fromCharCode(c);
  const found = known | KNOWN | (/\s/.test(ch) ? SPACE : 0) | (/\p{Lu}/u.test(ch) ? UPPER : 0) | (/\p{Ll}/u.test(ch) ? LOWER : 0)
    | (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0);
  unitClasses[c] = found;
  return found;
}

/** Whether text[i] has one of the classes in `bits` (false past either end of text). */
function isAt(text: string, i: number, bits: number): boolean {
  return (classOf(text.charCodeAt(i)) & bits) !== 0;
}
const LIST_MARKER = /(^|\s)(?:[•⁃◦▪‣]\s*)?(\d{1,3}|[a-zA-Z])(\.\)|\)|\.)(?=\s)/g;
/** Words a line of prose cannot end a sentence on. */
const WRAP_WORDS = /(?:^|\s)(?:the|a|an|of|to|at|by|for|from|with|and|or|but|that|as|into|than|his|her|its|their|our)$/;
const NO_PERIODS: ReadonlySet<number> = new Set();
const MULTI_PERIOD = /^(?:\p{L}\.)+\p{L}$/u;
/** The longest word the splitter looks at around a period (longer runs are not abbreviations). */
const MAX_WORD = 64;

/** Splits text into sentences with offsets into `text`, trimmed of surrounding whitespace. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const paragraphs = findParagraphs(text);
  for (let p = 0; p < paragraphs.length; p++) {
    splitParagraph(text, paragraphs[p].start, paragraphs[p].end, p, out);
  }
  return out;
}

/**
 * Paragraphs: lines separated by line breaks, except that a line of prose that stops without
 * punctuation and is followed by a line starting in lower case was only wrapped (a PDF or e-mail
 * line break) and continues on the next line.
 */
export function findParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  let open: { start: number; end: number } | null = null;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0) nl = text.length;
    let s = lineStart;
    let e = nl;
    while (s < e && isAt(text, s, SPACE)) s++;
    while (e > s && isAt(text, e - 1, SPACE)) e--;
    if (s === e) {
      if (open) paragraphs.push(open);
      open = null;
    } else if (open && isWrapped(text, open.start, open.end, s)) {
      open.end = e;
    } else {
      if (open) paragraphs.push(open);
      open = { start: s, end: e };
    }
    lineStart = nl + 1;
  }
  if (open) paragraphs.push(open);
  return paragraphs;
}

/** Whether the line at `next` continues the paragraph [start, end) rather than starting one. */
function isWrapped(text: string, start: number, end: number, next: number): boolean {
  const comma = text.charCodeAt(end - 1) === 0x2c;
  if (!comma && !isAt(text, end - 1, LETTER | NUMBER)) return false;
  // A line that stops on a comma or a word like "the" or "of" is cut mid-sentence whatever follows.
  if (comma || WRAP_WORDS.test(text.slice(Math.max(start, end - 6), end))) return isAt(text, next, LETTER | NUMBER) || /["“‘(]/.test(text[next]);
  if (!isAt(text, next, LOWER)) return false;
  // A list of short lines ("features", "contact manager") is not wrapped prose.
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  let words = 0;
  for (let i = Math.max(start, lineStart); i < end && words < 3; i++) {
    if (!isAt(text, i, SPACE) && (i === Math.max(start, lineStart) || isAt(text, i - 1, SPACE))) words++;
  }
  return words >= 3;
}

interface ListMarkers {
  /** Offsets where a list item starts (a sentence starts there). */
  readonly starts: number[];
  /** Offsets of periods that belong to a list marker ("2." in "2. The second item"). */
  readonly periods: Set<number>;
}

/** Numbered or lettered list items in [start, end): only runs of at least two consecutive markers count. */
function findListMarkers(text: string, start: number, end: number): ListMarkers {
  const found: { at: number; value: number; letter: boolean; style: string; period: number }[] = [];
  const slice = text.slice(start, end);
  LIST_MARKER.lastIndex = 0;
  for (let m = LIST_MARKER.exec(slice); m !== null; m = LIST_MARKER.exec(slice)) {
    const label = m[2];
    const letter = /\D/.test(label);
    const at = start + m.index + m[1].length;
    const value = letter ? label.toLowerCase().charCodeAt(0) - 96 : Number(label);
    const period = m[3].startsWith('.') ? start + m.index + m[0].length - m[3].length : -1;
    found.push({ at, value, letter, style: m[3], period });
  }
  const starts: number[] = [];
  const periods = new Set<number>();
  const accepted = new Array<boolean>(found.length).fill(false);
  // Chain each marker to the next one that continues its numbering in the same style: markers
  // indexed by what they are, so a paragraph full of "a." stays linear.
  const byKind = new Map<string, number[]>();
  found.forEach((f, i) => {
    const key = `${f.letter ? 'l' : 'n'}${f.style}${f.value}`;
    const list = byKind.get(key) ?? [];
    list.push(i);
    byKind.set(key, list);
  });
  for (let i = 0; i < found.length; i++) {
    const a = found[i];
    const list = byKind.get(`${a.letter ? 'l' : 'n'}${a.style}${a.value + 1}`) ?? [];
    const k = firstNotBefore(list.length, (x) => list[x] <= i);
    if (k < list.length && (!a.letter || accepted[i] || a.value === 1)) {
      accepted[i] = true;
      accepted[list[k]] = true;
    }
  }
  for (let i = 0; i < found.length; i++) {
    if (!accepted[i]) continue;
    let at = found[i].at;
    // A bullet before the number belongs to the item.
    if (at > start && /[•⁃◦▪‣]/.test(text[at - 1])) at--;
    starts.push(at);
    if (found[i].period >= 0) periods.add(found[i].period);
  }
  return { starts, periods };
}

/** The word before offset `i`: from the previous whitespace, without opening marks. */
function wordBefore(text: string, from: number, i: number): string {
  let s = i;
  // A word is short: a bounded look back keeps a run of "a.b.c.d…" without spaces linear.
  const limit = Math.max(from, i - MAX_WORD);
  while (s > limit && !isAt(text, s - 1, SPACE)) s--;
  while (s < i && isWordOpener(text.charCodeAt(s))) s++;
  const word = text.slice(s, i);
  // "Tuesday.Mr": only the last word counts; "U.S" stays whole.
  const dot = word.lastIndexOf('.');
  return dot > 1 && i - (s + dot + 1) >= 2 ? word.slice(dot + 1) : word;
}

/** Whether c is one of the opening marks wordBefore skips: ["'“‘«([]. */
function isWordOpener(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x28 || c === 0x5b;
}

function tokenAround(text: string, from: number, to: number, i: number): string {
  let s = i;
  const before = Math.max(from, i - MAX_WORD);
  while (s > before && !isAt(text, s - 1, SPACE)) s--;
  let e = i;
  const after = Math.min(to, i + MAX_WORD);
  while (e < after && !isAt(text, e, SPACE)) e++;
  return text.slice(s, e);
}

/** The word starting at `i` (letters only). */
function wordAt(text: string, i: number, to: number): string {
  let e = i;
  const limit = Math.min(to, i + MAX_WORD);
  while (e < limit && isAt(text, e, LETTER)) e++;
  return text.slice(i, e);
}

function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase();
  return ABBREVIATIONS.has(w) || PREPOSITIVE.has(w) || MULTI_PERIOD.test(word) || /^\p{L}$/u.test(word);
}

/** The cut offsets of the paragraph being split (reused from paragraph to paragraph). */
const cuts: number[] = [];

/**
 * Terminators and bullets, found with test() and lastIndex: the scan runs natively (no character
 * loop run by the interpreter in a cold process) and makes no match object per terminator.
 */
const TERMINATOR_OR_BULLET = /[.!?…‼⁇⁈⁉•⁃◦▪‣]/g;

/** Decides the sentence boundaries of one paragraph and appends its sentences to `out`. */
function splitParagraph(text: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  cuts.length = 0;
  // Regular expressions run over the paragraph alone, so that a search never runs ahead into the rest of the text.
  const para = text.slice(start, end);
  let listPeriods: ReadonlySet<number> = NO_PERIODS;
  if (hasListCandidate(text, start, para)) {
    const list = findListMarkers(text, start, end);
    cuts.push(...list.starts);
    listPeriods = list.periods;
  }
  // The terminators' cuts come in increasing order (each scan resumes past the cut before): the
  // cuts are sorted only when list items or bullets added theirs.
  let ordered = cuts.length === 0;
  const scan = TERMINATOR_OR_BULLET;
  scan.lastIndex = 0;
  while (scan.test(para)) {
    const i = start + scan.lastIndex - 1;
    if (isAt(text, i, BULLET)) {
      // A bullet after a space (or opening the paragraph) and before any character starts an item.
      if (i + 1 < end && (i === start || isAt(text, i - 1, SPACE))) {
        cuts.push(i);
        ordered = false;
      }
      continue;
    }
    if (listPeriods.has(i)) continue;
    const at = boundaryAfter(text, start, end, i);
    if (at >= 0) cuts.push(at);
    // The run of terminators, spaced dots and closers skipped holds no bullet.
    scan.lastIndex = resumeAt - start;
  }
  if (!ordered) cuts.sort((a, b) => a - b);
  let s = start;
  for (let n = 0; n < cuts.length; n++) {
    const c = cuts[n];
    if (c > s && c < end) {
      pushTrimmed(text, s, c, paragraph, out);
      s = c;
    }
  }
  pushTrimmed(text, s, end, paragraph, out);
}

/** A period or closing parenthesis before a space: where a list marker can end. */
const MARKER_END = /[.)]\s/g;

/**
 * Whether the paragraph `para` (text from `start` on) may hold a list marker: what
 * /(?:^|\s)(?:[•⁃◦▪‣]\s*)?(?:\d{1,3}|[a-zA-Z])(?:\.\)|\)|\.)\s/ finds in it, cheaper: a marker ends
 * with ".", ")" or ".)" before a space, so only the label before those is looked at.
 */
export function hasListCandidate(text: string, start: number, para: string): boolean {
  MARKER_END.lastIndex = 0;
  while (MARKER_END.test(para)) {
    const p = start + MARKER_END.lastIndex - 2;
    const c = text.charCodeAt(p);
    if (labelEndsAt(text, start, p) || (c === 0x29 && text.charCodeAt(p - 1) === 0x2e && labelEndsAt(text, start, p - 1))) {
      MARKER_END.lastIndex = 0;
      return true;
    }
  }
  return false;
}

/**
 * Whether a list label (one letter a–z or A–Z, or one to three digits 0–9) ends just before `at`
 * and starts the paragraph, follows a space, or follows a bullet that does.
 */
function labelEndsAt(text: string, start: number, at: number): boolean {
  if (at <= start) return false;
  let b = at - 1;
  const c = text.charCodeAt(b);
  if (c >= 0x30 && c <= 0x39) {
    while (b > start && isAsciiDigit(text.charCodeAt(b - 1))) b--;
    if (at - b > 3) return false;
  } else if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) {
    return false;
  }
  if (b === start || isAt(text, b - 1, SPACE)) return true;
  return isAt(text, b - 1, BULLET) && (b - 1 === start || isAt(text, b - 2, SPACE));
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function pushTrimmed(text: string, s: number, e: number, paragraph: number, out: Sentence[]): void {
  while (s < e && isAt(text, s, SPACE)) s++;
  while (e > s && isAt(text, e - 1, SPACE)) e--;
  if (e > s) out.push({ start: s, end: e, paragraph });
}

/** Where splitParagraph resumes its scan after the terminator boundaryAfter looked at last. */
let resumeAt = 0;

/** boundaryAfter's answer: sets where to resume and returns where the sentence ends. */
function boundary(at: number, resume: number): number {
  resumeAt = resume;
  return at;
}

/**
 * Looks at the terminator at `i`: returns where the sentence ends (-1 when it does not) and sets
 * where to resume scanning (resumeAt: after the whole run of terminators, so "?!" or ". . ." count once).
 */
function boundaryAfter(text: string, from: number, to: number, i: number): number {
  // The contiguous run ("?!", "....", "…"), read for its periods, ellipses and other marks.
  let j = i;
  let periods = 0;
  let ellipsis = false;
  let hasBang = false;
  for (; j < to; j++) {
    const c = text.charCodeAt(j);
    const k = classOf(c);
    if ((k & TERMINATOR) === 0) break;
    if (c === 0x2e) periods++;
    else if (c === 0x2026) ellipsis = true;
    else if ((k & BANG) !== 0) hasBang = true;
  }
  const single = j === i + 1 && periods === 1; // the run is one period
  // A spaced ellipsis continues it: ". . ." or "word. . . .".
  let k = j;
  let spacedDots = 0;
  while (k + 1 < to && text.charCodeAt(k) === 0x20 && text.charCodeAt(k + 1) === 0x2e) {
    k += 2;
    spacedDots++;
  }
  const attached = i > from && !isAt(text, i - 1, SPACE);
  const dots = periods + spacedDots + (ellipsis ? 3 : 0);
  if (i > from && text.charCodeAt(i - 1) === 0x5b) return boundary(-1, k); // "[...]" marks an omission

  if (attached && single && spacedDots >= 2) {
    // "compounds. . . . The": the sentence ends after the word's own period; the ellipsis that
    // follows opens the next one.
    const next = nextSignificant(text, k, to);
    return boundary(next >= 0 && nextSpace && isAt(text, next, UPPER) ? i + 1 : -1, k);
  }

  let c = k;
  while (c < to && isAt(text, c, CLOSER)) c++;
  if (c >= to) return boundary(-1, c);

  if (!isAt(text, c, SPACE)) {
    const ends = single && spacedDots === 0 && c === j && endsWithoutSpace(text, from, to, i, c);
    return ends ? boundary(c, c) : boundary(-1, j);
  }

  const next = nextSignificant(text, c, to);
  resumeAt = c;
  if (next < 0) return -1;
  const cls = classOf(text.charCodeAt(next));
  if (hasBang) return (cls & LOWER) !== 0 ? -1 : c;
  if (dots >= 4) return (cls & (UPPER | NUMBER)) !== 0 ? c : -1;
  if (dots === 3) {
    // An ellipsis marks an omission; before a capital (other than "I") it also ends the sentence.
    return (cls & UPPER) !== 0 && wordAt(text, next, to) !== 'I' ? c : -1;
  }
  return singlePeriodEnds(text, from, to, i, next, cls) ? c : -1;
}

/**
 * Whether a single period at `i` ends its sentence, given the word before it and what follows
 * (abbreviations, titles, initials): `next` is the first significant character after it, `cls` its classes.
 */
function singlePeriodEnds(text: string, from: number, to: number, i: number, next: number, cls: number): boolean {
  if ((cls & LOWER) !== 0) return false;
  const upper = (cls & UPPER) !== 0;
  const digit = (cls & NUMBER) !== 0;
  const prev = wordBefore(text, from, i);
  if (prev === '') return upper || digit;
  if (!isAbbreviation(prev)) return true;
  const nextWord = wordAt(text, next, to);
  if (PREPOSITIVE.has(prev.toLowerCase()) && /^\p{Lu}/u.test(prev) && upper && !SENTENCE_STARTERS.has(nextWord)) return false;
  if (digit) return false;
  if (upper && PREPOSITIVE.has(nextWord.toLowerCase()) && text[next + nextWord.length] === '.') {
    // "at 6 P.M. Mr. Smith": a title after an abbreviation starts a sentence, unless what precedes
    // is only a short opening phrase ("At 5 a.m. Mr. Smith went").
    return countWords(text, sentenceStart(text, from, i), i) >= 4;
  }
  if (upper) return SENTENCE_STARTERS.has(nextWord);
  return true;
}

/** No space after a period at i (c: the next character): "world.Today" ends a sentence, "Jane.Doe@x.com" and "U.S.A" do not. */
function endsWithoutSpace(text: string, from: number, to: number, i: number, c: number): boolean {
  if (!isAt(text, c, UPPER) || c + 1 >= to || !isAt(text, c + 1, LOWER) || i <= from || !isAt(text, i - 1, LETTER | NUMBER)) {
    return false;
  }
  const token = tokenAround(text, from, to, i);
  return !/@|:\/\/|www\./i.test(token) && !isAbbreviation(wordBefore(text, from, i));
}

/** Whether whitespace came before the character nextSignificant found last. */
let nextSpace = false;

/** The first letter or digit after `c` (−1: none before `to`), skipping spaces, opening marks and periods; sets nextSpace. */
function nextSignificant(text: string, c: number, to: number): number {
  let n = c;
  let space = false;
  for (; n < to; n++) {
    const k = classOf(text.charCodeAt(n));
    if ((k & SPACE) !== 0) space = true;
    else if ((k & OPENER) === 0 && text.charCodeAt(n) !== 0x2e) break;
  }
  nextSpace = space;
  return n < to ? n : -1;
}

/**
 * A rough start of the sentence that contains `i`: after the last terminator followed by a space,
 * looked for in the last 200 characters only (the caller asks whether four words precede).
 */
function sentenceStart(text: string, from: number, i: number): number {
  const limit = Math.max(from, i - 200);
  for (let s = i - 1; s > limit; s--) {
    if (isAt(text, s, SPACE) && isAt(text, s - 1, TERMINATOR)) return s;
  }
  return limit;
}

function countWords(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (!isAt(text, i, SPACE) && (i === from || isAt(text, i - 1, SPACE))) n++;
  }
  return n;
}

/** Index of the sentence containing offset `at`, or -1 (sentences in order, not overlapping). */
export function sentenceAt(sentences: readonly Sentence[], at: number): number {
  const i = firstNotBefore(sentences.length, (k) => sentences[k].end <= at);
  return i < sentences.length && sentences[i].start <= at ? i : -1;
}
