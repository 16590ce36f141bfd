import { boundedMemo } from '../memo';
import { foldWord } from './normalize';
import { FNV_OFFSET, FNV_PRIME } from '../hash';

/** A word of an article with its offsets and its folded comparison key. */
export interface Token {
  readonly start: number;
  readonly end: number;
  /** Folded form (see foldWord): what matchers compare. */
  readonly norm: string;
}

/**
 * Splits text into word tokens (WordSpans): fast (tens of MB/s), no tagging.
 * `from`/`to` restrict it to a slice without copying; offsets stay relative to `text`.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  eachWord(text, from, to, (start, end, norm) => tokens.push({ start, end, norm }));
  return tokens;
}

// News repeats its words: folding each spelling once halves the cost of reading text again.
const foldedMemo = boundedMemo(100_000, foldWord);

/** Calls back with the offsets and folded form of each word of text[from, to), without building tokens. */
export function eachWord(text: string, from: number, to: number, onWord: (start: number, end: number, norm: string) => void): void {
  eachSpelling(text, from, to, (start, end, spelling) => onWord(start, end, foldedMemo(spelling)));
}

/**
 * Calls back with the offsets and the spelling (unfolded) of each word of text[from, to): for
 * callers that look each spelling up in a memo of their own, once, instead of folding it first.
 */
export function eachSpelling(text: string, from: number, to: number, onWord: (start: number, end: number, spelling: string) => void): void {
  const words = new WordSpans().reset(text, from, to);
  while (words.next()) onWord(words.start, words.end, text.slice(words.start, words.end));
}

/** Character classes of the word scanner. */
const OTHER = 1;
const LETTER = 2;
const NUMBER = 3;

/** Class of each UTF-16 unit outside the surrogates, filled on first sight (0: not yet known). */
const unitClass = new Uint8Array(0x10000);
const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;

function classOf(char: string): number {
  return IS_LETTER.test(char) ? LETTER : IS_NUMBER.test(char) ? NUMBER : OTHER;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Whether text[i] and text[i + 1] are a surrogate pair (one code point, as a Unicode regular expression reads it). */
function pairAt(text: string, i: number): boolean {
  return isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1));
}

/** The class of the code point at text[i] (i < text.length): a lone surrogate is neither letter nor number. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) {
    const known = unitClass[c];
    return known !== 0 ? known : (unitClass[c] = classOf(text[i]));
  }
  return pairAt(text, i) ? classOf(text.slice(i, i + 2)) : OTHER;
}

/** Code units of the code point at text[i]. */
function widthAt(text: string, i: number): number {
  return pairAt(text, i) ? 2 : 1;
}

/** Whether text[i] may join two runs of letters and digits into one word (apostrophes, hyphen), or two runs with a digit after it (. and ,). */
function joinsAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x27 || c === 0x2d || c === 0x2018 || c === 0x2019) return i + 1 < text.length && classAt(text, i + 1) !== OTHER;
  return (c === 0x2e || c === 0x2c) && i + 1 < text.length && classAt(text, i + 1) === NUMBER;
}

/**
 * The words of text[from, to), one after the other: letters or digits (code points, \p{L} or \p{N}),
 * with inner apostrophes, hyphens, dots or commas between digits (3.5, 1,000). The same words as
 * the regular expression [\p{L}\p{N}]+(?:(?:['’‘-]|[.,](?=\p{N}))[\p{L}\p{N}]+)* with the u and g flags
 * (the unit test compares them), without a match object and a string per word: reading an article
 * looks each word up by its offsets (lexicon's spelling table). A word that runs past `to` ends
 * there (it is read to its end first, as the expression reads it); one that starts at or after `to` is not read.
 */
export class WordSpans {
  /** The offsets of the word found by the last next(). */
  start = 0;
  end = 0;
  /**
   * FNV-1a over the UTF-16 units of text[start, end), read while the word is scanned: lexicon's
   * spelling table looks the word up by it without reading its characters a second time.
   */
  hash = 0;
  private text = '';
  private at = 0;
  private to = 0;

  /** Starts reading text[from, to). */
  reset(text: string, from: number, to: number): this {
    this.text = text;
    this.to = to;
    // A Unicode regular expression asked to start inside a surrogate pair starts at the pair.
    this.at = from > 0 && from < text.length && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1)) ? from - 1 : from;
    return this;
  }

  /** Finds the next word (start, end, hash); false when there is none before `to`. */
  next(): boolean {
    const i = skipClass(this.text, this.at, this.to, true);
    if (i >= this.to) {
      this.at = i;
      return false;
    }
    this.start = i;
    this.at = this.readWord(i);
    this.end = Math.min(this.at, this.to);
    return true;
  }

  /** Reads the word that starts at i to its end (returned), hashing its units before `to`. */
  private readWord(i: number): number {
    const text = this.text;
    const to = this.to;
    let h = FNV_OFFSET;
    for (;;) {
      while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdfff) {
          if (classAt(text, i) === OTHER) break;
          const width = widthAt(text, i);
          for (let k = i; k < i + width && k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
          i += width;
          continue;
        }
        let cls = unitClass[c];
        if (cls === 0) cls = unitClass[c] = classOf(text[i]);
        if (cls === OTHER) break;
        if (i < to) h = Math.imul(h ^ c, FNV_PRIME);
        i++;
      }
      if (i >= text.length || !joinsAt(text, i)) break;
      if (i < to) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
      i++;
    }
    this.hash = h;
    return i;
  }
}

/**
 * The first offset from i on (before `end`) whose code point is not of class OTHER when `other`,
 * or is of class OTHER when not `other`; `end` or past it when there is none. What a loop of
 * classAt and widthAt finds, with one read per code unit outside the surrogates (most text).
 */
function skipClass(text: string, i: number, end: number, other: boolean): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) {
      let cls = unitClass[c];
      if (cls === 0) cls = unitClass[c] = classOf(text[i]);
      if ((cls === OTHER) !== other) return i;
      i++;
    } else {
      if ((classAt(text, i) === OTHER) !== other) return i;
      i += widthAt(text, i);
    }
  }
  return i;
}

/** Common English function words: they carry no content, so matchers weigh them low. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an the and or but nor so yet for of in on at to from by with about as into onto upon over under ' +
    'is are was were be been being am do does did has have had having will would shall should can could may might must ' +
    'i me my we us our you your he him his she her it its they them their this that these those there here ' +
    'what which who whom whose when where why how not no than then too very also just only any some all each both ' +
    "such own same other more most less if while because until after before during up down out off again further once " +
    "it's he's she's that's there's we're they're i'm i've we've don't doesn't didn't won't can't isn't aren't wasn't")
    .split(/\s+/),
);
