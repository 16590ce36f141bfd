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

const TERMINATORS = /[.!?…‼⁇⁈⁉]/g;
const IS_TERMINATOR = /[.!?…‼⁇⁈⁉]/;
/** Marks that close a quotation or parenthesis and belong to the sentence they end. */
const IS_CLOSER = /["'”’»›)\]″〞」』]/;
/** Marks that may open the next sentence before its first word. */
const IS_OPENER = /["'“‘«‹([″〝「『—–\-•⁃*]/;
const IS_UPPER = /\p{Lu}/u;
const IS_LOWER = /\p{Ll}/u;
const IS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const IS_SPACE = /\s/;
const BULLET = /(?:^|\s)[•⁃◦▪‣](?=\s|\S)/g;
const LIST_MARKER = /(^|\s)(?:[•⁃◦▪‣]\s*)?(\d{1,3}|[a-zA-Z])(\.\)|\)|\.)(?=\s)/g;
/** Words a line of prose cannot end a sentence on. */
const WRAP_WORDS = /(?:^|\s)(?:the|a|an|of|to|at|by|for|from|with|and|or|but|that|as|into|than|his|her|its|their|our)$/;
const LIST_CANDIDATE = /(?:^|\s)(?:[•⁃◦▪‣]\s*)?(?:\d{1,3}|[a-zA-Z])(?:\.\)|\)|\.)\s/;
const HAS_BULLET = /[•⁃◦▪‣]/;
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
    while (s < e && IS_SPACE.test(text[s])) s++;
    while (e > s && IS_SPACE.test(text[e - 1])) e--;
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
  const last = text[end - 1];
  if (!IS_LETTER_OR_DIGIT.test(last) && last !== ',') return false;
  // A line that stops on a comma or a word like "the" or "of" is cut mid-sentence whatever follows.
  if (last === ',' || WRAP_WORDS.test(text.slice(Math.max(start, end - 6), end))) return IS_LETTER_OR_DIGIT.test(text[next]) || /["“‘(]/.test(text[next]);
  if (!IS_LOWER.test(text[next])) return false;
  // A list of short lines ("features", "contact manager") is not wrapped prose.
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  let words = 0;
  for (let i = Math.max(start, lineStart); i < end && words < 3; i++) {
    if (!IS_SPACE.test(text[i]) && (i === Math.max(start, lineStart) || IS_SPACE.test(text[i - 1]))) words++;
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
  while (s > limit && !IS_SPACE.test(text[s - 1])) s--;
  while (s < i && /["'“‘«([]/.test(text[s])) s++;
  const word = text.slice(s, i);
  // "Tuesday.Mr": only the last word counts; "U.S" stays whole.
  const dot = word.lastIndexOf('.');
  return dot > 1 && i - (s + dot + 1) >= 2 ? word.slice(dot + 1) : word;
}

function tokenAround(text: string, from: number, to: number, i: number): string {
  let s = i;
  const before = Math.max(from, i - MAX_WORD);
  while (s > before && !IS_SPACE.test(text[s - 1])) s--;
  let e = i;
  const after = Math.min(to, i + MAX_WORD);
  while (e < after && !IS_SPACE.test(text[e])) e++;
  return text.slice(s, e);
}

/** The word starting at `i` (letters only). */
function wordAt(text: string, i: number, to: number): string {
  let e = i;
  const limit = Math.min(to, i + MAX_WORD);
  while (e < limit && /[\p{L}]/u.test(text[e])) e++;
  return text.slice(i, e);
}

function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase();
  return ABBREVIATIONS.has(w) || PREPOSITIVE.has(w) || MULTI_PERIOD.test(word) || /^\p{L}$/u.test(word);
}

/** Decides the sentence boundaries of one paragraph and appends its sentences to `out`. */
function splitParagraph(text: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  const cuts: number[] = [];
  // Regular expressions run over the paragraph alone, so that a search never runs ahead into the rest of the text.
  const para = text.slice(start, end);
  let listPeriods: ReadonlySet<number> = NO_PERIODS;
  if (LIST_CANDIDATE.test(para)) {
    const list = findListMarkers(text, start, end);
    cuts.push(...list.starts);
    listPeriods = list.periods;
  }
  if (HAS_BULLET.test(para)) {
    BULLET.lastIndex = 0;
    for (let m = BULLET.exec(para); m !== null; m = BULLET.exec(para)) {
      cuts.push(start + (IS_SPACE.test(para[m.index]) ? m.index + 1 : m.index));
    }
  }
  TERMINATORS.lastIndex = 0;
  for (let m = TERMINATORS.exec(para); m !== null; m = TERMINATORS.exec(para)) {
    const i = start + m.index;
    if (listPeriods.has(i)) continue;
    const cut = boundaryAfter(text, start, end, i);
    TERMINATORS.lastIndex = cut.resume - start;
    if (cut.at >= 0) cuts.push(cut.at);
  }

  cuts.sort((a, b) => a - b);
  let s = start;
  for (const c of cuts) {
    if (c > s && c < end) {
      pushTrimmed(text, s, c, paragraph, out);
      s = c;
    }
  }
  pushTrimmed(text, s, end, paragraph, out);
}

function pushTrimmed(text: string, s: number, e: number, paragraph: number, out: Sentence[]): void {
  while (s < e && IS_SPACE.test(text[s])) s++;
  while (e > s && IS_SPACE.test(text[e - 1])) e--;
  if (e > s) out.push({ start: s, end: e, paragraph });
}

/**
 * Looks at the terminator at `i`: returns where the sentence ends (-1 when it does not) and where
 * to resume scanning (after the whole run of terminators, so "?!" or ". . ." count once).
 */
function boundaryAfter(text: string, from: number, to: number, i: number): { at: number; resume: number } {
  // The contiguous run ("?!", "....", "…").
  let j = i;
  while (j < to && IS_TERMINATOR.test(text[j])) j++;
  const contiguous = text.slice(i, j);
  // A spaced ellipsis continues it: ". . ." or "word. . . .".
  let k = j;
  let spacedDots = 0;
  while (k + 1 < to && text[k] === ' ' && text[k + 1] === '.') {
    k += 2;
    spacedDots++;
  }
  const attached = i > from && !IS_SPACE.test(text[i - 1]);
  const dots = (contiguous.match(/\./g)?.length ?? 0) + spacedDots + (contiguous.includes('…') ? 3 : 0);
  const hasBang = /[!?‼⁇⁈⁉]/.test(contiguous);
  if (i > from && text[i - 1] === '[') return { at: -1, resume: k }; // "[...]" marks an omission

  if (attached && contiguous === '.' && spacedDots >= 2) {
    // "compounds. . . . The": the sentence ends after the word's own period; the ellipsis that
    // follows opens the next one.
    const next = nextSignificant(text, k, to);
    if (next.index >= 0 && next.space && IS_UPPER.test(text[next.index])) return { at: i + 1, resume: k };
    return { at: -1, resume: k };
  }

  let c = k;
  while (c < to && IS_CLOSER.test(text[c])) c++;
  if (c >= to) return { at: -1, resume: c };

  if (!IS_SPACE.test(text[c])) {
    const ends = contiguous === '.' && spacedDots === 0 && c === j && endsWithoutSpace(text, from, to, i, c);
    return ends ? { at: c, resume: c } : { at: -1, resume: j };
  }

  const next = nextSignificant(text, c, to);
  if (next.index < 0) return { at: -1, resume: c };
  const ch = text[next.index];
  const upper = IS_UPPER.test(ch);
  const lower = IS_LOWER.test(ch);
  const digit = /\p{N}/u.test(ch);
  const nextWord = wordAt(text, next.index, to);

  if (hasBang) {
    return { at: lower ? -1 : c, resume: c };
  }
  if (dots >= 4) {
    return { at: upper || digit ? c : -1, resume: c };
  }
  if (dots === 3) {
    // An ellipsis marks an omission; before a capital (other than "I") it also ends the sentence.
    return { at: upper && nextWord !== 'I' ? c : -1, resume: c };
  }
  return { at: singlePeriodEnds(text, from, i, { upper, lower, digit, nextWord, nextIndex: next.index }) ? c : -1, resume: c };
}

/** What follows a terminator: its first significant character's class and the word it opens. */
interface FollowingText {
  readonly upper: boolean;
  readonly lower: boolean;
  readonly digit: boolean;
  readonly nextWord: string;
  readonly nextIndex: number;
}

/** Whether a single period at `i` ends its sentence, given the word before it and what follows (abbreviations, titles, initials). */
function singlePeriodEnds(text: string, from: number, i: number, after: FollowingText): boolean {
  const { upper, lower, digit, nextWord } = after;
  if (lower) return false;
  const prev = wordBefore(text, from, i);
  if (prev === '') return upper || digit;
  if (!isAbbreviation(prev)) return true;
  if (PREPOSITIVE.has(prev.toLowerCase()) && /^\p{Lu}/u.test(prev) && upper && !SENTENCE_STARTERS.has(nextWord)) return false;
  if (digit) return false;
  if (upper && PREPOSITIVE.has(nextWord.toLowerCase()) && text[after.nextIndex + nextWord.length] === '.') {
    // "at 6 P.M. Mr. Smith": a title after an abbreviation starts a sentence, unless what precedes
    // is only a short opening phrase ("At 5 a.m. Mr. Smith went").
    return countWords(text, sentenceStart(text, from, i), i) >= 4;
  }
  if (upper) return SENTENCE_STARTERS.has(nextWord);
  return true;
}

/** No space after a period at i (c: the next character): "world.Today" ends a sentence, "Jane.Doe@x.com" and "U.S.A" do not. */
function endsWithoutSpace(text: string, from: number, to: number, i: number, c: number): boolean {
  if (!IS_UPPER.test(text[c]) || c + 1 >= to || !IS_LOWER.test(text[c + 1]) || i <= from || !IS_LETTER_OR_DIGIT.test(text[i - 1])) {
    return false;
  }
  const token = tokenAround(text, from, to, i);
  return !/@|:\/\/|www\./i.test(token) && !isAbbreviation(wordBefore(text, from, i));
}

/** The first letter or digit after `c`, skipping spaces and opening marks; `space` tells whether whitespace came first. */
function nextSignificant(text: string, c: number, to: number): { index: number; space: boolean } {
  let n = c;
  let space = false;
  while (n < to && (IS_SPACE.test(text[n]) || IS_OPENER.test(text[n]) || text[n] === '.')) {
    if (IS_SPACE.test(text[n])) space = true;
    n++;
  }
  return { index: n < to ? n : -1, space };
}

/**
 * A rough start of the sentence that contains `i`: after the last terminator followed by a space,
 * looked for in the last 200 characters only (the caller asks whether four words precede).
 */
function sentenceStart(text: string, from: number, i: number): number {
  const limit = Math.max(from, i - 200);
  for (let s = i - 1; s > limit; s--) {
    if (IS_SPACE.test(text[s]) && IS_TERMINATOR.test(text[s - 1])) return s;
  }
  return limit;
}

function countWords(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (!IS_SPACE.test(text[i]) && (i === from || IS_SPACE.test(text[i - 1]))) n++;
  }
  return n;
}

/** Index of the sentence containing offset `at`, or -1 (sentences in order, not overlapping). */
export function sentenceAt(sentences: readonly Sentence[], at: number): number {
  const i = firstNotBefore(sentences.length, (k) => sentences[k].end <= at);
  return i < sentences.length && sentences[i].start <= at ? i : -1;
}
