import type { SentenceFeatures } from './articleFeatures';
import { reserveWordIds, wordFacts, wordIdGeneration, wordIdOf } from './lexicon';
import { numberMentions, opensNumber } from './numbers';
import type { NumberMention } from './numbers';
import { meaningsOf } from './synonyms';
import { FNV_OFFSET, fnv1aUpdate } from '../hash';
import { grownArray } from '../util/grownArray';
import { sortRange } from '../util/sortRange';

/** Word classes for the word alignment (pairAlignment.ts): what an unpaired word of that class says. */
export const WordClass = { Function: 0, Content: 1, Name: 2, Number: 3, Reporting: 4 } as const;

/** Counts of a sentence's parts, from which its grams' layout follows (SentenceGrams). */
export interface GramSizes {
  /** Words, content words, key slots, senses kept, character trigrams. */
  readonly n: number;
  readonly content: number;
  readonly slots: number;
  readonly senses: number;
  readonly chars: number;
  /** Whether a word is a number (the number-masked words are kept only then). */
  readonly hasNumber: boolean;
}

const NO_STRINGS: readonly string[] = Object.freeze([]);
const NO_NUMBERS: readonly NumberMention[] = Object.freeze([]);

/** Max(0, m − k): how many k-grams past the first m things have. */
const less = (k: number, m: number): number => Math.max(0, m - k);

/**
 * What the paraphrase evidence and the word alignment read from one sentence alone: word n-grams,
 * character trigrams, content keys per word, the numbers it states, and the alignment's sorted
 * hashes and word classes. A sentence is compared with several candidates in a row, so these are
 * kept for the last few thousand sentences (a small cache that is cleared when full, never one
 * entry per sentence of a bundle); the scorer asks for them once per side of a pair. Each n-gram
 * multiset is one sorted run of hashes (repeats kept): comparing two is a merge, with no Map to
 * build or probe.
 *
 * All the integer arrays of a sentence are stretches of one buffer (`buf`, shared with other
 * sentences: see slabFor) at the offsets below, and the scorer's hot loops read them there: a
 * typed-array view per part (18 per sentence, kept by the cache) cost about a third of the
 * scorer's collection time.
 */
export class SentenceGrams {
  readonly n: number;
  readonly content: number;
  readonly slots: number;
  readonly senses: number;
  readonly charCount: number;
  /** Where each part starts in `buf`. Word n-gram hashes (n = 1 to 4; Gram gives their counts), each multiset sorted. */
  readonly unigramAt: number;
  readonly bigramAt: number;
  readonly trigramAt: number;
  readonly fourgramAt: number;
  /** Character trigrams of the words joined by single spaces (charCount), sorted, repeats kept. */
  readonly charAt: number;
  /** Each word's hash (32-bit FNV-1a), in order. */
  readonly hashAt: number;
  /** All words' positions sorted by hash (then position), and their hashes in that order. */
  readonly wordOrderAt: number;
  readonly wordSortedAt: number;
  /** Content words' positions sorted by key hash, and those hashes. */
  readonly keyOrderAt: number;
  readonly keySortedAt: number;
  /** Bigrams of content keys (function words left out), sorted hashes. */
  readonly keyBigramAt: number;
  /** Bigrams of the words with every number written as one placeholder, sorted hashes. */
  readonly maskedBigramAt: number;
  /** Each word's WordClass. */
  readonly kindAt: number;
  /**
   * Each word's key slot: the index of its content key in the sentence's `keys` (SentenceFeatures),
   * or past them for a key `keys` lacks (slots of such keys follow in order of first use); −1 for
   * function words.
   */
  readonly slotAt: number;
  /**
   * Each bare word's shape, the spelling stage's quick test: the low ten bits of its first character
   * (bits 20 to 29) and of its last (bits 10 to 19), and its length (low ten bits, at most 1,023).
   */
  readonly shapeAt: number;
  /**
   * The WordNet senses (synonyms.ts) of the words that carry each key slot, in word order, each
   * sense once: slot x's lie from senseListAt + buf[senseStartAt + x] to senseListAt + buf[senseStartAt + x + 1].
   */
  readonly senseStartAt: number;
  readonly senseListAt: number;
  /** The words' hashes with every number written as one placeholder, in order; −1 when the sentence states no number. */
  readonly maskedAt: number;
  /** The sentence carries a negation ("not", "never", "didn't"). */
  negated = false;
  /** The keys of the slots past the sentence's `keys`, in slot order (only features built by hand have any). */
  extraKeys: readonly string[] = NO_STRINGS;
  /** The sentence's names: its salient keys that are not numbers (pairAlignment's missingNames reads them for every pair). */
  names: readonly string[] = NO_STRINGS;
  numbers: readonly NumberMention[] = NO_NUMBERS;
  /** How many of the masked words are the number placeholder (0 when there are none). */
  maskedNumbers = 0;
  /** The words without hyphens and apostrophes (the alignment's spelling stage compares these). */
  bare: readonly string[] = NO_STRINGS;

  /**
   * The layout of a sentence of these sizes from `base` on in `buf` (computeGrams fills it); `source`:
   * the sentence they are computed from (a sentence of the same words and keys shares them: sameSource).
   */
  constructor(readonly buf: Int32Array, base: number, z: GramSizes, readonly source: SentenceFeatures) {
    this.n = z.n;
    this.content = z.content;
    this.slots = z.slots;
    this.senses = z.senses;
    this.charCount = z.chars;
    this.unigramAt = base;
    this.bigramAt = this.unigramAt + z.n;
    this.trigramAt = this.bigramAt + less(1, z.n);
    this.fourgramAt = this.trigramAt + less(2, z.n);
    this.charAt = this.fourgramAt + less(3, z.n);
    this.hashAt = this.charAt + z.chars;
    this.wordOrderAt = this.hashAt + z.n;
    this.wordSortedAt = this.wordOrderAt + z.n;
    this.keyOrderAt = this.wordSortedAt + z.n;
    this.keySortedAt = this.keyOrderAt + z.content;
    this.keyBigramAt = this.keySortedAt + z.content;
    this.maskedBigramAt = this.keyBigramAt + less(1, z.content);
    this.kindAt = this.maskedBigramAt + less(1, z.n);
    this.slotAt = this.kindAt + z.n;
    this.shapeAt = this.slotAt + z.n;
    this.senseStartAt = this.shapeAt + z.n;
    this.senseListAt = this.senseStartAt + z.slots + 1;
    this.maskedAt = z.hasNumber ? this.senseListAt + z.senses : -1;
  }

  /** How many integers a sentence of these sizes takes. */
  static size(z: GramSizes): number {
    return z.n + less(1, z.n) + less(2, z.n) + less(3, z.n) + z.chars + 6 * z.n + 2 * z.content + less(1, z.content) + less(1, z.n) + z.slots + 1 + z.senses + (z.hasNumber ? z.n : 0);
  }
}

/**
 * A sentence has a few dozen keys, scanned faster than hashed; a "sentence" of text without
 * punctuation has thousands, and scanning them per key made one pair quadratic: those are looked
 * up through a Map (key → index) built once per list.
 */
const SCAN_KEYS = 64;
const keyIndexes = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

/** list.indexOf(key) of a list of distinct keys, through a Map when the list is long. */
export function keyIndex(list: readonly string[], key: string): number {
  if (list.length <= SCAN_KEYS) return list.indexOf(key);
  let index = keyIndexes.get(list);
  if (index === undefined) {
    index = new Map(list.map((k, i) => [k, i]));
    keyIndexes.set(list, index);
  }
  return index.get(key) ?? -1;
}

/** list.includes(key), through a Map when the list is long. */
export function hasKey(list: readonly string[], key: string): boolean {
  return keyIndex(list, key) >= 0;
}

/**
 * Grams are asked for again mostly within one article pair, but a sentence also comes back when
 * its article meets others, thousands of asks later: a replay of the dense 2,000 bench's 113,000
 * asks (twins shared, the generation before copied: see below) computes 28,432 grams with 2,048
 * kept, 27,806 with 4,096 and 25,103 with 8,192, for 4-7 MiB more peak RSS than 2,048 (dense
 * 2,000: 272-277 → 277-285 MiB over five runs each).
 */
const CACHE_SIZE = 8192;
/** How many grams computed after a sentence's its grams surely outlive: they stay intact that long (see sentenceGrams). */
export const GRAMS_KEPT = CACHE_SIZE;

let cache = new Map<SentenceFeatures, SentenceGrams>();
/**
 * The grams of the cache by a hash of their sentence's word ids: a sentence whose words, keys and
 * salient keys are another's (a sentence copied into several articles: ~3,800 of the dense 2,000
 * bench's 31,099) gets that sentence's grams, which are computed from those alone, instead of
 * computing them again (dense 2,000, 2,048 kept: 33,444 → 29,114 computations). Cleared with the cache.
 */
let twins = new Map<number, SentenceGrams>();
/**
 * The cache and twins of the generation before (their slabs are intact until the next clear): grams
 * asked for again from there are copied into the current generation instead of computed again
 * (dense 2,000, 2,048 kept: 29,114 → 28,432 computations, and 682 copies).
 */
let previousCache = new Map<SentenceFeatures, SentenceGrams>();
let previousTwins = new Map<number, SentenceGrams>();

/**
 * The grams of a sentence, from the cache or computed. They stay intact until the cache has been
 * cleared twice after they left it (at least CACHE_SIZE computations later): then their slab is
 * reused (see recycleSlabs). The scorer holds grams for one pair only.
 */
export function sentenceGrams(s: SentenceFeatures): SentenceGrams {
  const cached = cache.get(s);
  if (cached !== undefined) return cached;
  if (cache.size >= CACHE_SIZE) {
    previousCache = cache;
    previousTwins = twins;
    cache = new Map();
    twins = new Map();
    recycleSlabs();
  }
  growCodes(s.words.length);
  const t = readWordIds(s, codes.id);
  const h = idHash(s.words.length);
  let g = twinIn(twins, h, s);
  if (g === undefined) {
    const earlier = previousCache.get(s) ?? twinIn(previousTwins, h, s);
    g = earlier === undefined ? computeGrams(s, t) : copied(earlier);
    twins.set(h, g);
  }
  cache.set(s, g);
  return g;
}

/** The grams of `twins` under hash h when they are computed from what `s` has (sameSource). */
function twinIn(twins: ReadonlyMap<number, SentenceGrams>, h: number, s: SentenceFeatures): SentenceGrams | undefined {
  const g = twins.get(h);
  return g !== undefined && sameSource(g.source, s) ? g : undefined;
}

/** A copy of grams `g` in the current generation's slab (the same integers at the same offsets from its start). */
export function copied(g: SentenceGrams): SentenceGrams {
  const sizes: GramSizes = { n: g.n, content: g.content, slots: g.slots, senses: g.senses, chars: g.charCount, hasNumber: g.maskedAt >= 0 };
  const size = SentenceGrams.size(sizes);
  const copy = new SentenceGrams(slabFor(size), slabAt, sizes, g.source);
  slabAt += size;
  copy.buf.set(g.buf.subarray(g.unigramAt, g.unigramAt + size), copy.unigramAt);
  copy.negated = g.negated;
  copy.extraKeys = g.extraKeys;
  copy.names = g.names;
  copy.numbers = g.numbers;
  copy.maskedNumbers = g.maskedNumbers;
  copy.bare = g.bare;
  return copy;
}

/** The grams of `s` computed afresh, past the cache and its twins (tests compare them with the cached ones). */
export function gramsAfresh(s: SentenceFeatures): SentenceGrams {
  growCodes(s.words.length);
  return computeGrams(s, readWordIds(s, codes.id));
}

/** A hash of the first n word ids in codes.id (their count too), of 30 bits: a small integer as a Map key, never a boxed number. */
function idHash(n: number): number {
  let h = n;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ codes.id[i], 0x01000193);
  return h & 0x3fffffff;
}

/** Whether two sentences have the same words, keys and salient keys: all that their grams are computed from. */
export function sameSource(x: SentenceFeatures, y: SentenceFeatures): boolean {
  return x === y || (sameStrings(x.words, y.words) && sameStrings(x.keys, y.keys) && sameStrings(x.salient, y.salient));
}

function sameStrings(x: readonly string[], y: readonly string[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** 32-bit FNV-1a of a text, signed. */
const hashOf = (text: string): number => fnv1aUpdate(FNV_OFFSET, text) | 0;
/** The hash every number is written as in the number-masked words. */
const NUMBER_HASH = hashOf('#');
const IS_NUMBER = /^\d/;

/** An n-gram key from its 32-bit word hash: 30 bits keep n-gram keys small integers; a collision only nudges a share. */
const GRAM_BITS = 0x3fffffff;

function combine(h: number, next: number): number {
  return (Math.imul(h, 0x9e3779b1) ^ next) & GRAM_BITS;
}

/** Negation words: a sentence that denies what the other asserts is not its paraphrase. */
const NEGATION = /^(?:not|no|never|nor|none|nobody|nothing|neither|without|cannot|n't|\w+n't)$/i;

/** Whether a folded word is a negation (a typographic apostrophe read as a straight one). */
function isNegation(w: string): boolean {
  return NEGATION.test(w.includes('\u2019') ? w.replace(/\u2019/g, "'") : w);
}

/** "cross-section"/"cross section" and "mid-year"/"midyear" are one word: compare without hyphens and apostrophes. */
const bare = (w: string): string => (/['’-]/.test(w) ? w.replace(/['’-]/g, '') : w);

const NO_MEANINGS: readonly number[] = Object.freeze([]);

/** WordTable flags. */
const FILLED = 1;
const REPORTING = 2;
const NEGATIVE = 4;
/** Starts with a digit. */
const NUMBER = 8;
/** A number mention can start at the word (opensNumber). */
const OPENS_NUMBER = 16;
/** The word has hyphens or apostrophes: its bare form differs. */
const NOT_BARE = 32;

/**
 * What a sentence's grams need of each folded word, by word id (lexicon's wordIdOf): filled once per
 * distinct word of the id generation, in arrays indexed by id (a few bytes a word, no object per
 * word), so a sentence's words are read by index where a memo was probed by each word's string.
 */
class WordTable {
  readonly generation = wordIdGeneration();
  /** 32-bit FNV-1a of the word, and of its content key (0 for a function word). */
  hash = new Int32Array(1024);
  keyHash = new Int32Array(1024);
  /** The bare form's shape (SentenceGrams.shapeAt). */
  shape = new Int32Array(1024);
  flags = new Uint8Array(1024);
  /** contentKey of the word. */
  content: (string | null)[] = Array.from({ length: 1024 }, () => null);
  /** Its WordNet senses (meaningsOf), for a content word. */
  meanings: (readonly number[])[] = Array.from({ length: 1024 }, () => NO_MEANINGS);

  /** Fills entry `id` from its word `w` unless it is filled. */
  ensure(id: number, w: string): void {
    if (id >= this.flags.length) this.grow(id);
    if (this.flags[id] !== 0) return;
    const facts = wordFacts(w);
    const content = facts.content;
    const b = bare(w);
    this.hash[id] = hashOf(w);
    this.keyHash[id] = content === null ? 0 : hashOf(content);
    this.shape[id] = b.length === 0 ? 0 : ((b.charCodeAt(0) & 1023) << 20) | ((b.charCodeAt(b.length - 1) & 1023) << 10) | Math.min(b.length, 1023);
    this.content[id] = content;
    this.meanings[id] = content === null ? NO_MEANINGS : meaningsOf(w);
    this.flags[id] = FILLED | (facts.reporting ? REPORTING : 0) | (isNegation(w) ? NEGATIVE : 0) | (IS_NUMBER.test(w) ? NUMBER : 0) |
      (opensNumber(w) ? OPENS_NUMBER : 0) | (b !== w ? NOT_BARE : 0);
  }

  private grow(id: number): void {
    const size = Math.max(id + 1, 2 * this.flags.length);
    this.hash = grownArray(this.hash, size);
    this.keyHash = grownArray(this.keyHash, size);
    this.shape = grownArray(this.shape, size);
    this.flags = grownArray(this.flags, size);
    // Kept packed (pushed, not assigned past the end): an array with holes is slower to read.
    for (let i = this.content.length; i < size; i++) this.content.push(null);
    for (let i = this.meanings.length; i < size; i++) this.meanings.push(NO_MEANINGS);
  }
}

let wordTable = new WordTable();

/**
 * Writes the word ids of `s` to `ids` (the article's, or each word's looked up when the features
 * were built by hand or their ids are of an older generation) and fills their table entries.
 */
function readWordIds(s: SentenceFeatures, ids: Int32Array): WordTable {
  const words = s.words;
  if (s.wordIdsInto?.(ids) !== true) {
    reserveWordIds(words.length);
    for (let i = 0; i < words.length; i++) ids[i] = wordIdOf(wordFacts(words[i]));
  }
  if (wordTable.generation !== wordIdGeneration()) wordTable = new WordTable();
  for (let i = 0; i < words.length; i++) wordTable.ensure(ids[i], words[i]);
  return wordTable;
}

/** How many character trigrams the words joined by single spaces have. */
function charGramCount(words: readonly string[]): number {
  let length = Math.max(0, words.length - 1);
  for (const w of words) length += w.length;
  return Math.max(0, length - 2);
}

/**
 * Each character's id in the character trigrams (1 + the id; 0: none yet), by its low ten bits:
 * ids are given in order of first use and never change, so two trigrams are equal exactly when
 * their characters' low ten bits are (charDice only compares trigrams), and text of a few dozen
 * characters has small ids, which sort by counting (charGrams).
 */
const charIds = new Int16Array(1024);
let charIdCount = 0;

function charId(c: number): number {
  const id = charIds[c & 1023] - 1;
  if (id >= 0) return id;
  charIds[c & 1023] = ++charIdCount;
  return charIdCount - 1;
}

/** Beyond this many trigrams or character ids, charGrams sorts with the built-in sort instead of counting. */
const COUNTED_TRIGRAMS = 512;
const COUNTED_IDS = 128;
/** charGrams' trigrams before they are placed and between passes, and its counts per character id of each place, reused from sentence to sentence. */
let trigramScratch = new Int32Array(256);
let trigramPass = new Int32Array(256);
const placeCounts = new Int32Array(3 * (COUNTED_IDS + 1));

/**
 * Character trigrams of the words joined by single spaces, written to out[from …) (`count` of
 * them: charGramCount): three character ids of ten bits each. Sorted by counting (a radix sort: by
 * the last character's id, then the middle one's, then the first's, each pass stable).
 */
function charGrams(words: readonly string[], count: number, out: Int32Array, from: number): void {
  if (trigramScratch.length < count) {
    trigramScratch = new Int32Array(Math.max(count, 2 * trigramScratch.length));
    trigramPass = new Int32Array(trigramScratch.length);
  }
  const trigrams = trigramScratch;
  // The last two characters' ids seen (−1: none yet), across the joining spaces.
  let c1 = -1;
  let c2 = -1;
  let at = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    for (let i = k > 0 ? -1 : 0; i < w.length; i++) {
      const c = charId(i < 0 ? 32 : w.charCodeAt(i));
      if (c1 >= 0) trigrams[at++] = (c1 << 20) | (c2 << 10) | c;
      c1 = c2;
      c2 = c;
    }
  }
  if (count > COUNTED_TRIGRAMS || charIdCount > COUNTED_IDS) {
    out.set(trigrams.subarray(0, count), from);
    sortRange(out, from, from + count);
    return;
  }
  radixSortTrigrams(trigrams, trigramPass, count, out, from);
}

/** Sorts the `count` trigrams of `xs` (ids below charIdCount) into out[from …), through `ys`: three stable counting passes. */
function radixSortTrigrams(xs: Int32Array, ys: Int32Array, count: number, out: Int32Array, from: number): void {
  const ids = charIdCount;
  // The three places' counts side by side: the last character's at 0, the middle one's at span, the first's at 2 span.
  const span = ids + 1;
  const starts = placeCounts;
  starts.fill(0, 0, 3 * span);
  for (let k = 0; k < count; k++) {
    const t = xs[k];
    starts[(t & 1023) + 1]++;
    starts[span + ((t >> 10) & 1023) + 1]++;
    starts[2 * span + (t >> 20) + 1]++;
  }
  for (let d = 0; d < ids; d++) {
    starts[d + 1] += starts[d];
    starts[span + d + 1] += starts[span + d];
    starts[2 * span + d + 1] += starts[2 * span + d];
  }
  for (let k = 0; k < count; k++) ys[starts[xs[k] & 1023]++] = xs[k];
  for (let k = 0; k < count; k++) xs[starts[span + ((ys[k] >> 10) & 1023)]++] = ys[k];
  for (let k = 0; k < count; k++) out[from + starts[2 * span + (xs[k] >> 20)]++] = xs[k];
}

/** Below this many packed keys they are sorted by insertion in place (sortedPacked): the built-in sort's call and view cost more. */
const INSERTION_SORT = 32;

/** Positions below this pack with a 32-bit hash into one exactly represented double (hash·span + position). */
const POSITION_SPAN = 2 ** 21;
/** (hash, position) pairs packed for sorting, reused from sentence to sentence. */
let packed = new Float64Array(64);

/**
 * Writes the first `count` of `positions` (ascending) sorted by hash, then position, to
 * out[orderAt …), and their hashes in that order to out[hashesAt …): one numeric sort of packed
 * doubles, no comparator.
 */
function sortByHash(hash: Int32Array, positions: Int32Array, count: number, out: Int32Array, orderAt: number, hashesAt: number): void {
  if (count > 0 && positions[count - 1] >= POSITION_SPAN) {
    const sorted = Array.from(positions.subarray(0, count)).sort((x, y) => hash[x] - hash[y] || x - y);
    sorted.forEach((p, k) => ((out[orderAt + k] = p), (out[hashesAt + k] = hash[p])));
    return;
  }
  if (packed.length < count) packed = new Float64Array(Math.max(count, 2 * packed.length));
  for (let k = 0; k < count; k++) packed[k] = hash[positions[k]] * POSITION_SPAN + positions[k];
  const keys = sortedPacked(count);
  for (let k = 0; k < count; k++) {
    const h = Math.floor(keys[k] / POSITION_SPAN);
    out[hashesAt + k] = h;
    out[orderAt + k] = keys[k] - h * POSITION_SPAN;
  }
}

/** packed[0 … count) sorted ascending (the keys are distinct: each holds its position): by insertion in place when they are few. */
function sortedPacked(count: number): Float64Array {
  if (count > INSERTION_SORT) return packed.subarray(0, count).sort();
  for (let i = 1; i < count; i++) {
    const v = packed[i];
    let j = i - 1;
    while (j >= 0 && packed[j] > v) {
      packed[j + 1] = packed[j];
      j--;
    }
    packed[j + 1] = v;
  }
  return packed;
}

/** Hashes of the bigrams of `seq[0 … count)`, written to out[at …) (count − 1 of them) and sorted. */
function bigramHashes(seq: Int32Array, count: number, out: Int32Array, at: number): void {
  for (let i = 0; i + 1 < count; i++) out[at + i] = (Math.imul(seq[i], 0x9e3779b1) ^ seq[i + 1]) | 0;
  if (count > 2) sortRange(out, at, at + count - 1);
}

/**
 * Per-word scratch of computeGrams, reused from sentence to sentence (only the sorted results are
 * kept): word ids, word, key and number-masked hashes, content positions and their key hashes in
 * order, all positions, and each word's key slot.
 */
const codes = {
  id: new Int32Array(64), wordHash: new Int32Array(64), keyHash: new Int32Array(64), masked: new Int32Array(64), content: new Int32Array(64), keySeq: new Int32Array(64),
  all: new Int32Array(64), keyAt: new Int32Array(64),
};

function growCodes(n: number): void {
  if (codes.wordHash.length >= n) return;
  const size = Math.max(n, 2 * codes.wordHash.length);
  for (const name of ['id', 'wordHash', 'keyHash', 'masked', 'content', 'keySeq', 'all', 'keyAt'] as const) codes[name] = new Int32Array(size);
}

/**
 * Hashes and classifies the `n` words of the sentence (ids in codes.id, entries in `t`) into
 * `codes`; returns how many are content words, and whether any is a number.
 */
function wordCodes(t: WordTable, n: number): { content: number; hasNumber: boolean } {
  const { id, wordHash, keyHash, masked, content, keySeq, all } = codes;
  let count = 0;
  let hasNumber = false;
  for (let i = 0; i < n; i++) {
    const w = id[i];
    all[i] = i;
    wordHash[i] = t.hash[w];
    masked[i] = (t.flags[w] & NUMBER) !== 0 ? NUMBER_HASH : t.hash[w];
    if (masked[i] === NUMBER_HASH) hasNumber = true;
    if (t.content[w] === null) continue;
    keyHash[i] = t.keyHash[w];
    keySeq[count] = t.keyHash[w];
    content[count++] = i;
  }
  return { content: count, hasNumber };
}

/** Each word's class, written to out[at …) (0, Function, for function words). */
function wordClasses(s: SentenceFeatures, t: WordTable, out: Int32Array, at: number): void {
  for (let i = 0; i < s.words.length; i++) {
    const w = codes.id[i];
    const k = t.content[w];
    if (k === null) out[at + i] = WordClass.Function;
    else if ((t.flags[w] & NUMBER) !== 0) out[at + i] = WordClass.Number;
    else if (hasKey(s.salient, k)) out[at + i] = WordClass.Name;
    else out[at + i] = (t.flags[w] & REPORTING) !== 0 ? WordClass.Reporting : WordClass.Content;
  }
}

/** The word n-grams of a sentence (n = 1 to 4) from the word hashes in `codes`, written to its grams' places and each multiset sorted. */
function wordGrams(g: SentenceGrams): void {
  const { n, buf } = g;
  const uni = g.unigramAt;
  for (let i = 0; i < n; i++) buf[uni + i] = codes.wordHash[i] & GRAM_BITS;
  for (let i = 0; i < n; i++) {
    let h = buf[uni + i];
    if (i + 1 >= n) continue;
    h = combine(h, buf[uni + i + 1]);
    buf[g.bigramAt + i] = h;
    if (i + 2 >= n) continue;
    h = combine(h, buf[uni + i + 2]);
    buf[g.trigramAt + i] = h;
    if (i + 3 >= n) continue;
    buf[g.fourgramAt + i] = combine(h, buf[uni + i + 3]);
  }
  sortRange(buf, uni, uni + n);
  sortRange(buf, g.bigramAt, g.bigramAt + less(1, n));
  sortRange(buf, g.trigramAt, g.trigramAt + less(2, n));
  sortRange(buf, g.fourgramAt, g.fourgramAt + less(3, n));
}

/** Key slots (SentenceGrams.keyAt) and senses of the sentence being computed, reused from sentence to sentence. */
let slotScratch = new Int32Array(64);
let senseScratch = new Int32Array(256);
const extraKeys: string[] = [];

/** The salient keys of `s` that are not numbers: its names. */
function namesOf(s: SentenceFeatures): readonly string[] {
  let count = 0;
  for (const k of s.salient) if (!IS_NUMBER.test(k)) count++;
  return count === 0 ? NO_STRINGS : count === s.salient.length ? s.salient : s.salient.filter((k) => !IS_NUMBER.test(k));
}

/** Each word's key slot written to `keyAt` (see SentenceGrams.keyAt); returns how many slots there are. */
function keySlots(s: SentenceFeatures, t: WordTable, keyAt: Int32Array): number {
  extraKeys.length = 0;
  const keys = s.keys;
  // Keys are listed in order of first use (articleFeatures): a key first seen is most often the next
  // one, which is then its index (the keys are distinct); any other key is searched for.
  let next = 0;
  for (let i = 0; i < s.words.length; i++) {
    const k = t.content[codes.id[i]];
    if (k === null) {
      keyAt[i] = -1;
      continue;
    }
    let x = next < keys.length && keys[next] === k ? next++ : keyIndex(keys, k);
    if (x < 0) {
      // Only features built by hand lack a key their words carry: a scan of the few such keys.
      let e = extraKeys.indexOf(k);
      if (e < 0) e = extraKeys.push(k) - 1;
      x = s.keys.length + e;
    }
    keyAt[i] = x;
  }
  return s.keys.length + extraKeys.length;
}

/**
 * The senses of each key slot, in word order, each once: gathered into a segment per slot of
 * `senseScratch` (room for all, counted first); `slotScratch` holds where each segment starts
 * (slots + 1) then where it ends. Returns how many senses were kept (packSenses writes them out).
 */
function slotSenses(t: WordTable, n: number, keyAt: Int32Array, slots: number): number {
  if (slotScratch.length < 2 * (slots + 1)) slotScratch = new Int32Array(Math.max(2 * (slots + 1), 2 * slotScratch.length));
  // Segment x starts at room[x] = slotScratch[x] and is filled up to fill[x] = slotScratch[slots + 1 + x].
  const room = slotScratch;
  const fill = slots + 1;
  room.fill(0, 0, slots + 1);
  for (let i = 0; i < n; i++) if (keyAt[i] >= 0) room[keyAt[i] + 1] += t.meanings[codes.id[i]].length;
  for (let x = 0; x < slots; x++) room[x + 1] += room[x];
  if (senseScratch.length < room[slots]) senseScratch = new Int32Array(Math.max(room[slots], 2 * senseScratch.length));
  room.copyWithin(fill, 0, slots + 1);
  for (let i = 0; i < n; i++) {
    const x = keyAt[i];
    if (x < 0) continue;
    const meanings = t.meanings[codes.id[i]];
    for (let k = 0; k < meanings.length; k++) {
      const m = meanings[k];
      let seen = false;
      for (let p = room[x]; p < room[fill + x] && !seen; p++) seen = senseScratch[p] === m;
      if (!seen) senseScratch[room[fill + x]++] = m;
    }
  }
  let used = 0;
  for (let x = 0; x < slots; x++) used += room[fill + x] - room[x];
  return used;
}

/** Packs what slotSenses gathered: each slot's start in the list written from out[startAt] on (slots + 1), its senses from out[listAt] on. */
function packSenses(slots: number, out: Int32Array, startAt: number, listAt: number): void {
  const room = slotScratch;
  const fill = slots + 1;
  let at = 0;
  for (let x = 0; x < slots; x++) {
    out[startAt + x] = at;
    for (let p = room[x]; p < room[fill + x]; p++) out[listAt + at++] = senseScratch[p];
  }
  out[startAt + slots] = at;
}

/**
 * Sentences' integer arrays are cut from shared slabs: a buffer of its own per sentence (a few KB,
 * so outside the heap) cost an ArrayBuffer allocation each, and the external memory it reports
 * brought on collections. Fresh slabs cost too (their pages are zeroed and mapped: ~70 MB over the
 * dense 2,000 bench, ~0.1 s, and dead slabs wait for a full collection), so slabs are reused: a slab
 * belongs to the cache's generation (the grams computed between two clears) that filled it, and
 * comes back to the pool two clears after that generation ended, when its grams have been out of
 * the cache for a whole generation.
 */
const SLAB = 1 << 14;
let slab: Int32Array = new Int32Array(SLAB);
/** Where the unused part of `slab` starts. */
let slabAt = 0;
/** The slabs filled by the current generation, by the one before, and the slabs free to reuse. */
let current: Int32Array[] = [slab];
let previous: Int32Array[] = [];
const freeSlabs: Int32Array[] = [];
/** How many slabs were allocated (reused ones not counted), for tests. */
let slabsMade = 1;
export const slabsAllocated = (): number => slabsMade;

/** The cache was cleared: the slabs of the generation before last are free, and the next grams start a slab of the new generation. */
function recycleSlabs(): void {
  for (const old of previous) freeSlabs.push(old);
  previous = current;
  current = [];
  slabAt = slab.length;
}

/** A buffer with `size` free integers from slabAt on: the current slab, a free or fresh one, or one of its own for a very long sentence. */
function slabFor(size: number): Int32Array {
  if (slabAt + size <= slab.length) return slab;
  slabAt = 0;
  const free = size > SLAB ? undefined : freeSlabs.pop();
  if (free !== undefined) slab = free;
  else {
    // A slab of its own (a very long sentence) is never reused: it dies with its grams.
    slab = new Int32Array(Math.max(SLAB, size));
    slabsMade++;
  }
  if (size <= SLAB) current.push(slab);
  return slab;
}

/** The grams of `s`, whose word ids readWordIds has written to codes.id (entries in `t`). */
function computeGrams(s: SentenceFeatures, t: WordTable): SentenceGrams {
  const words = s.words;
  const n = words.length;
  const { content, hasNumber } = wordCodes(t, n);
  const slots = keySlots(s, t, codes.keyAt);
  const senses = slotSenses(t, n, codes.keyAt, slots);
  const sizes: GramSizes = { n, content, slots, senses, chars: charGramCount(words), hasNumber };
  const size = SentenceGrams.size(sizes);
  const g = new SentenceGrams(slabFor(size), slabAt, sizes, s);
  slabAt += size;
  const buf = g.buf;
  wordGrams(g);
  charGrams(words, sizes.chars, buf, g.charAt);
  sortByHash(codes.wordHash, codes.all, n, buf, g.wordOrderAt, g.wordSortedAt);
  sortByHash(codes.keyHash, codes.content, content, buf, g.keyOrderAt, g.keySortedAt);
  bigramHashes(codes.keySeq, content, buf, g.keyBigramAt);
  bigramHashes(codes.masked, n, buf, g.maskedBigramAt);
  wordClasses(s, t, buf, g.kindAt);
  let maskedNumbers = 0;
  // The flags any word has.
  let flags = 0;
  for (let i = 0; i < n; i++) {
    buf[g.hashAt + i] = codes.wordHash[i];
    buf[g.slotAt + i] = codes.keyAt[i];
    buf[g.shapeAt + i] = t.shape[codes.id[i]];
    flags |= t.flags[codes.id[i]];
    if (!hasNumber) continue;
    buf[g.maskedAt + i] = codes.masked[i];
    if (codes.masked[i] === NUMBER_HASH) maskedNumbers++;
  }
  packSenses(slots, buf, g.senseStartAt, g.senseListAt);
  g.negated = (flags & NEGATIVE) !== 0;
  if (extraKeys.length > 0) g.extraKeys = extraKeys.slice();
  g.names = namesOf(s);
  if ((flags & OPENS_NUMBER) !== 0) g.numbers = numberMentions(words);
  g.maskedNumbers = maskedNumbers;
  // Most sentences have no hyphen or apostrophe: their words are their bare forms (no array of their own).
  g.bare = (flags & NOT_BARE) === 0 ? words : words.map(bare);
  return g;
}

/** Where a value both of two sorted arrays hold sits in each: [x, xe) of one, [y, ye) of the other. */
export interface CommonRun {
  x: number;
  xe: number;
  y: number;
  ye: number;
}

/**
 * Moves `run` to the next value both sorted stretches xs[x0 … xn) and ys[y0 … yn) hold (indices
 * absolute), searching from where it ended (xe, ye; 0 and 0 to start): a step of a merge. False
 * when there is none left.
 */
export function nextCommonRunIn(xs: Int32Array, x0: number, xn: number, ys: Int32Array, y0: number, yn: number, run: CommonRun): boolean {
  let x = Math.max(run.xe, x0);
  let y = Math.max(run.ye, y0);
  while (x < xn && y < yn) {
    const v = xs[x];
    if (v !== ys[y]) {
      if (v < ys[y]) x++;
      else y++;
      continue;
    }
    run.x = x;
    run.y = y;
    while (x < xn && xs[x] === v) x++;
    while (y < yn && ys[y] === v) y++;
    run.xe = x;
    run.ye = y;
    return true;
  }
  return false;
}

/**
 * How many elements the sorted multisets xs[i … n) and ys[j … m) have in common, with
 * multiplicity: a merge whose steps add comparisons as 0 or 1 instead of branching on them (about
 * twice as fast on hashes, whose order is unpredictable).
 */
export function sharedCountIn(xs: Int32Array, i: number, n: number, ys: Int32Array, j: number, m: number): number {
  let hit = 0;
  while (i < n && j < m) {
    const x = xs[i];
    const y = ys[j];
    const lt = +(x < y);
    const gt = +(x > y);
    hit += 1 - lt - gt;
    i += 1 - gt;
    j += 1 - lt;
  }
  return hit;
}

/** How many words two sentences have in common, with multiplicity, by word hash (a collision only adds one): at least any run or common subsequence of the two. */
export function sharedWordCount(a: SentenceGrams, b: SentenceGrams): number {
  return sharedCountIn(a.buf, a.unigramAt, a.unigramAt + a.n, b.buf, b.unigramAt, b.unigramAt + b.n);
}

/** Where a sentence's sorted n-gram multisets lie: from `at` of the grams, so many for n words. */
export const Gram = {
  bigrams: { at: (g: SentenceGrams): number => g.bigramAt, count: (g: SentenceGrams): number => less(1, g.n) },
  trigrams: { at: (g: SentenceGrams): number => g.trigramAt, count: (g: SentenceGrams): number => less(2, g.n) },
  fourgrams: { at: (g: SentenceGrams): number => g.fourgramAt, count: (g: SentenceGrams): number => less(3, g.n) },
  keyBigrams: { at: (g: SentenceGrams): number => g.keyBigramAt, count: (g: SentenceGrams): number => less(1, g.content) },
  maskedBigrams: { at: (g: SentenceGrams): number => g.maskedBigramAt, count: (g: SentenceGrams): number => less(1, g.n) },
} as const;

/** The precisions both ways (precisionRangeOf) of one kind of n-gram (Gram) of two sentences, read in place. */
export function gramRange(a: SentenceGrams, b: SentenceGrams, part: (typeof Gram)[keyof typeof Gram]): Float64Array {
  const xa = part.at(a);
  const xb = part.at(b);
  const na = part.count(a);
  const nb = part.count(b);
  return precisionRangeOf(sharedCountIn(a.buf, xa, xa + na, b.buf, xb, xb + nb), na, nb);
}

/** The n-gram precisions of BLEU both ways (each side's share of n-grams the other has too, with multiplicity), the smaller then the larger: one array reused, no pair per call (read it before the next call). */
const precisions = new Float64Array(2);

/** The two precisions of multisets of `xn` and `yn` elements with `hit` elements in common (sharedCountIn), in `precisions`. */
export function precisionRangeOf(hit: number, xn: number, yn: number): Float64Array {
  const xy = xn === 0 ? 0 : hit / xn;
  const yx = yn === 0 ? 0 : hit / yn;
  precisions[0] = Math.min(xy, yx);
  precisions[1] = Math.max(xy, yx);
  return precisions;
}

/** Dice coefficient of two sentences' character trigrams: spelling variants still meet. */
export function charDice(a: SentenceGrams, b: SentenceGrams): number {
  if (a.charCount + b.charCount === 0) return 0;
  return (2 * sharedCountIn(a.buf, a.charAt, a.charAt + a.charCount, b.buf, b.charAt, b.charAt + b.charCount)) / (a.charCount + b.charCount);
}
