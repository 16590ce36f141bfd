import type { SentenceFeatures } from './articleFeatures';
import { contentKey } from './lexicon';
import { numberMentions } from './numbers';
import type { NumberMention } from './numbers';
import { meaningsOf } from './synonyms';
import { boundedMemo } from '../memo';

/**
 * What the paraphrase evidence reads from one sentence alone: word n-grams, character trigrams,
 * content keys per word and the numbers it states. A sentence is compared with several candidates
 * in a row, so these are kept for the last few thousand sentences (a small cache that is cleared
 * when full, never one entry per sentence of a bundle). Each n-gram multiset is one sorted typed
 * array of hashes (repeats kept): comparing two is a merge, with no Map to build or probe.
 */
export interface SentenceGrams {
  readonly unigrams: Int32Array;
  readonly bigrams: Int32Array;
  readonly trigrams: Int32Array;
  readonly fourgrams: Int32Array;
  /** The sentence carries a negation ("not", "never", "didn't"). */
  readonly negated: boolean;
  /** Character trigrams of the words joined by single spaces, sorted, repeats kept. */
  readonly chars: Int32Array;
  readonly charCount: number;
  /** Each word's content key; null for function words. */
  readonly keys: readonly (string | null)[];
  readonly numbers: readonly NumberMention[];
  /** Content key → the WordNet senses of the words that carry it (synonyms.ts), for keys that have any. */
  readonly senses: ReadonlyMap<string, readonly number[]>;
}

const CACHE_SIZE = 4096;

export const sentenceGrams = boundedMemo<SentenceGrams, SentenceFeatures>(CACHE_SIZE, (s) => computeGrams(s));

/** 30-bit FNV-1a of a word: n-gram keys stay small integers (fast Map keys); a collision only nudges a share. */
function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

function combine(h: number, next: number): number {
  return (Math.imul(h, 0x9e3779b1) ^ next) & 0x3fffffff;
}

/** Negation words: a sentence that denies what the other asserts is not its paraphrase. */
const NEGATION = /^(?:not|no|never|nor|none|nobody|nothing|neither|without|cannot|n't|\w+n't)$/i;

/**
 * The word n-grams of a sentence (n = 1 to 4), each multiset sorted, then its character trigrams:
 * views of one buffer (a typed array of its own each costs an allocation).
 */
function gramArrays(words: readonly string[]): Int32Array[] {
  const n = words.length;
  const buffer = new Int32Array(n + Math.max(0, n - 1) + Math.max(0, n - 2) + Math.max(0, n - 3) + charGramCount(words));
  let at = 0;
  const take = (length: number) => buffer.subarray(at, (at += length));
  const grams = [take(n), take(Math.max(0, n - 1)), take(Math.max(0, n - 2)), take(Math.max(0, n - 3))];
  for (let i = 0; i < n; i++) grams[0][i] = wordHash(words[i]);
  for (let i = 0; i < n; i++) {
    let h = grams[0][i];
    for (let k = 1; k < 4 && i + k < n; k++) {
      h = combine(h, grams[0][i + k]);
      grams[k][i] = h;
    }
  }
  for (const g of grams) g.sort();
  const chars = take(buffer.length - at);
  charGrams(words, chars);
  return [...grams, chars];
}

/** How many character trigrams the words joined by single spaces have. */
function charGramCount(words: readonly string[]): number {
  let length = Math.max(0, words.length - 1);
  for (const w of words) length += w.length;
  return Math.max(0, length - 2);
}

/** Character trigrams of the words joined by single spaces, written to `out` (charGramCount of them); ten bits a character keeps the key small. Sorted. */
function charGrams(words: readonly string[], out: Int32Array): void {
  // The last two characters seen (−1: none yet), across the joining spaces.
  let c1 = -1;
  let c2 = -1;
  let at = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    for (let i = k > 0 ? -1 : 0; i < w.length; i++) {
      const c = i < 0 ? 32 : w.charCodeAt(i);
      if (c1 >= 0) out[at++] = ((c1 & 1023) << 20) | ((c2 & 1023) << 10) | (c & 1023);
      c1 = c2;
      c2 = c;
    }
  }
  out.sort();
}

/** Whether a folded word is a negation (a typographic apostrophe read as a straight one). */
function isNegation(w: string): boolean {
  return NEGATION.test(w.includes('\u2019') ? w.replace(/\u2019/g, "'") : w);
}

function computeGrams(s: SentenceFeatures): SentenceGrams {
  const [unigrams, bigrams, trigrams, fourgrams, chars] = gramArrays(s.words);
  const keys = s.words.map(contentKey);
  const senses = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k === null) return;
    for (const m of meaningsOf(s.words[i])) {
      const list = senses.get(k);
      if (list === undefined) senses.set(k, [m]);
      else if (!list.includes(m)) list.push(m);
    }
  });
  const negated = s.words.some(isNegation);
  return { unigrams, bigrams, trigrams, fourgrams, negated, chars, charCount: chars.length, keys, numbers: numberMentions(s.words), senses };
}

/** Where a value both of two sorted arrays hold sits in each: [x, xe) of one, [y, ye) of the other. */
export interface CommonRun {
  x: number;
  xe: number;
  y: number;
  ye: number;
}

/**
 * Moves `run` to the next value both sorted arrays hold, searching from where it ended (xe, ye; 0
 * and 0 to start): a step of a merge. False when there is none left.
 */
export function nextCommonRun(a: Int32Array, b: Int32Array, run: CommonRun): boolean {
  let x = run.xe;
  let y = run.ye;
  while (x < a.length && y < b.length) {
    const v = a[x];
    if (v !== b[y]) {
      if (v < b[y]) x++;
      else y++;
      continue;
    }
    run.x = x;
    run.y = y;
    while (x < a.length && a[x] === v) x++;
    while (y < b.length && b[y] === v) y++;
    run.xe = x;
    run.ye = y;
    return true;
  }
  return false;
}

/** How many elements two sorted multisets have in common, with multiplicity (a merge; hashes are 32-bit, so their difference is exact). */
function sharedCount(a: Int32Array, b: Int32Array): number {
  let hit = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const d = a[i] - b[j];
    if (d === 0) hit++;
    if (d <= 0) i++;
    if (d >= 0) j++;
  }
  return hit;
}

/** How many words two sentences have in common, with multiplicity, by word hash (a collision only adds one): at least any run or common subsequence of the two. */
export function sharedWordCount(a: SentenceGrams, b: SentenceGrams): number {
  return sharedCount(a.unigrams, b.unigrams);
}

/**
 * The n-gram precision of BLEU both ways, from one merge (the shared count is symmetric): the share
 * of the n-grams of `a` that `b` has too, with multiplicity, and the share of those of `b` in `a`.
 */
export function gramPrecisions(a: Int32Array, b: Int32Array): readonly [number, number] {
  const hit = sharedCount(a, b);
  return [a.length === 0 ? 0 : hit / a.length, b.length === 0 ? 0 : hit / b.length];
}

/** Dice coefficient of two sentences' character trigrams: spelling variants still meet. */
export function charDice(a: SentenceGrams, b: SentenceGrams): number {
  return a.charCount + b.charCount === 0 ? 0 : (2 * sharedCount(a.chars, b.chars)) / (a.charCount + b.charCount);
}
