import type { SentenceFeatures } from './articleFeatures';
import { contentKey } from './lexicon';
import { numberMentions } from './numbers';
import type { NumberMention } from './numbers';
import { meaningsOf } from './synonyms';

/**
 * What the paraphrase evidence reads from one sentence alone: word bigram and trigram counts,
 * character trigram counts, content keys per word and the numbers it states. A sentence is compared
 * with several candidates in a row, so these are kept for the last few hundred sentences (a small
 * cache that is cleared when full, never one entry per sentence of a bundle).
 */
export interface SentenceGrams {
  readonly unigrams: ReadonlyMap<number, number>;
  readonly bigrams: ReadonlyMap<number, number>;
  readonly trigrams: ReadonlyMap<number, number>;
  readonly fourgrams: ReadonlyMap<number, number>;
  /** The sentence carries a negation ("not", "never", "didn't"). */
  readonly negated: boolean;
  readonly chars: ReadonlyMap<number, number>;
  readonly charCount: number;
  /** Each word's content key; null for function words. */
  readonly keys: readonly (string | null)[];
  readonly numbers: readonly NumberMention[];
  /** Content key → the WordNet senses of the words that carry it (synonyms.ts), for keys that have any. */
  readonly senses: ReadonlyMap<string, readonly number[]>;
}

const CACHE_SIZE = 2048;
const cache = new Map<SentenceFeatures, SentenceGrams>();

export function sentenceGrams(s: SentenceFeatures): SentenceGrams {
  let g = cache.get(s);
  if (g === undefined) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    g = computeGrams(s);
    cache.set(s, g);
  }
  return g;
}

/** 30-bit FNV-1a of a word: n-gram keys stay small integers (fast Map keys); a collision only nudges a share. */
function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

function combine(h: number, next: number): number {
  return (Math.imul(h, 0x9e3779b1) ^ next) & 0x3fffffff;
}

function count(m: Map<number, number>, key: number): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

/** Negation words: a sentence that denies what the other asserts is not its paraphrase. */
const NEGATION = /^(?:not|no|never|nor|none|nobody|nothing|neither|without|cannot|n't|\w+n't)$/i;

function computeGrams(s: SentenceFeatures): SentenceGrams {
  const hashes = s.words.map(wordHash);
  const unigrams = new Map<number, number>();
  const bigrams = new Map<number, number>();
  const trigrams = new Map<number, number>();
  const fourgrams = new Map<number, number>();
  for (let i = 0; i < hashes.length; i++) {
    count(unigrams, hashes[i]);
    if (i + 1 >= hashes.length) continue;
    const two = combine(hashes[i], hashes[i + 1]);
    count(bigrams, two);
    if (i + 2 >= hashes.length) continue;
    const three = combine(two, hashes[i + 2]);
    count(trigrams, three);
    if (i + 3 < hashes.length) count(fourgrams, combine(three, hashes[i + 3]));
  }
  // Character trigrams of the words joined by single spaces; ten bits a character keeps the key small.
  const chars = new Map<number, number>();
  let c1 = -1;
  let c2 = -1;
  let charCount = 0;
  const push = (c: number) => {
    if (c1 >= 0) {
      count(chars, ((c1 & 1023) << 20) | ((c2 & 1023) << 10) | (c & 1023));
      charCount++;
    }
    c1 = c2;
    c2 = c;
  };
  s.words.forEach((w, k) => {
    if (k > 0) push(32);
    for (let i = 0; i < w.length; i++) push(w.charCodeAt(i));
  });
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
  const negated = s.words.some((w) => NEGATION.test(w.replace(/[\u2019]/g, "'")));
  return { unigrams, bigrams, trigrams, fourgrams, negated, chars, charCount, keys, numbers: numberMentions(s.words), senses };
}

/** Share of the n-grams of `a` that `b` has too, with multiplicity (the n-gram precision of BLEU). */
export function gramPrecision(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): number {
  let total = 0;
  let hit = 0;
  for (const [g, c] of a) {
    total += c;
    hit += Math.min(c, b.get(g) ?? 0);
  }
  return total === 0 ? 0 : hit / total;
}

/** Dice coefficient of two sentences' character trigrams: spelling variants still meet. */
export function charDice(a: SentenceGrams, b: SentenceGrams): number {
  let hit = 0;
  for (const [g, c] of a.chars) hit += Math.min(c, b.chars.get(g) ?? 0);
  return a.charCount + b.charCount === 0 ? 0 : (2 * hit) / (a.charCount + b.charCount);
}
