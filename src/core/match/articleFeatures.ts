import type { Quote, Sentence } from '../model';
import { WordSpans } from '../text/tokens';
import { FNV_PRIME, fnv1aUpdate } from '../hash';
import { contentIdOf, reserveWordIds, spellingFactsOf, wordIdGeneration, wordIdOf, type WordFacts } from './lexicon';
import { contentKeyIds } from './internKey';
import { grownArray, roomFor } from '../util/grownArray';

/** What the matchers need to know about one sentence, computed once per article text. */
export interface SentenceFeatures {
  /** Folded words, in order (verbatim runs and edit similarity compare these). */
  readonly words: readonly string[];
  /** Offsets of each word in the article text. */
  readonly wordStarts: Int32Array;
  readonly wordEnds: Int32Array;
  /** Distinct content keys (stems mapped to synonym groups), without function words. */
  readonly keys: readonly string[];
  /**
   * Keys of proper names (capitalized words not opening the sentence) and numbers: they weigh more.
   * Distinct, in a plain array: a few per sentence, and a Set per sentence cost ~8 MB on 1,000 articles.
   */
  readonly salient: readonly string[];
  /** Keys of reporting verbs ("said", "told"): they weigh less. Distinct. */
  readonly reporting: readonly string[];
  /** Numbers written in digits. */
  readonly numbers: readonly string[];
  /** Share of the sentence's words inside quotation marks, in [0, 1]. */
  readonly quotedShare: number;
  /**
   * Writes the words' ids (lexicon's wordIdOf) to out[0 … words.length) and says true; false, writing
   * nothing, when they are of an older generation of ids. Features read from an article have it;
   * features built by hand need not (their words are then looked up one by one).
   */
  wordIdsInto?(out: Int32Array): boolean;
}

/** A look-up from a content key to its id in one article's key table (what a ReadonlyMap's get, has and size answer). */
export interface KeyIds {
  get(key: string): number | undefined;
  has(key: string): boolean;
  readonly size: number;
}

/**
 * An article's content keys as integers, so that candidate search and pair weights index typed
 * arrays instead of looking strings up per sentence. Flat arrays, no list per key or per sentence.
 */
export interface KeyTable {
  /** Content key → its id in this article (0 … count − 1, in order of first use). */
  readonly ids: KeyIds;
  /** The keys by id (ids.size of them). */
  readonly keys: readonly string[];
  /** Sentences that contain key k: postings[postingStart[k] … postingStart[k + 1]), ascending, distinct. */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
  /** Key ids of sentence i, in the order of its `keys`: sentenceKeys[sentenceKeyStart[i] … sentenceKeyStart[i + 1]). */
  readonly sentenceKeyStart: Int32Array;
  readonly sentenceKeys: Int32Array;
  /**
   * Each key's id shared by every article read in the same generation (contentKeyIds), by local id:
   * two articles' keys compare as integers (matchKeyIds).
   */
  readonly sharedIds: Int32Array;
  /** The generation of sharedIds: the shared ids of two tables compare only when their generations are equal. */
  readonly sharedGeneration: number;
}

/** Per-article features: everything that depends on one article's text only, so it is cached by content hash. */
export interface ArticleFeatures {
  readonly sentences: readonly Sentence[];
  readonly quotes: readonly Quote[];
  readonly sents: readonly SentenceFeatures[];
  /** Content keys by id, with the sentences of each key. */
  readonly keyTable: KeyTable;
  /**
   * Per sentence, hashes of its distinct shingles (two consecutive content keys): they find
   * candidate article pairs. Numbers, not strings, to keep a 1,000-article bundle small; a collision
   * only adds a candidate.
   */
  readonly shingles: readonly Int32Array[];
}

const IS_UPPER_START = /^\p{Lu}/u;

/** /^\d/.test(word) without a regular expression per word. */
function startsWithDigit(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Whether text[i] is an upper-case letter: A–Z in ASCII, else what \p{Lu} says. */
function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return IS_UPPER_START.test(text[i]);
}
const NONE: readonly string[] = Object.freeze([]);

/** FNV-1a of "a b" without building the string, from a's hash (WordFacts.contentHash: each key is hashed once, not per shingle). */
function pairHash(aHash: number, b: string): number {
  return fnv1aUpdate(Math.imul(aHash ^ 32, FNV_PRIME), b) | 0;
}

/** The words of an article, flat: folded forms and their facts, offsets, and where each sentence's words begin. */
interface ArticleWords {
  /** How many words: norms and facts may be longer (they are reused from article to article). */
  readonly count: number;
  readonly norms: readonly string[];
  readonly facts: readonly WordFacts[];
  /**
   * Starts of all words, then their ends, then their word ids (wordIdOf), then the generation of
   * those ids: one buffer, 3 · count + 1 integers (sentences read views of it).
   */
  readonly offsets: Int32Array;
  /** Sentence i has words first[i] … first[i + 1] − 1 (scratch: valid until the next article is read). */
  readonly first: Int32Array;
}

/** What readWords fills, reused from article to article: no arrays grown word by word for each article. */
const read = { norms: [] as string[], facts: [] as WordFacts[], starts: [] as number[], ends: [] as number[] };

/** Where each sentence's words begin (ArticleWords.first), reused from article to article. */
let firstScratch = new Int32Array(256);

/** The scanner readWords reads with. */
const spans = new WordSpans();

/** Phase 1: every word of every sentence, each looked up by its offsets in the text (no string, no token object per word). */
function readWords(text: string, sentences: readonly Sentence[]): ArticleWords {
  let n = 0;
  const first = (firstScratch = roomFor(firstScratch, sentences.length + 1));
  for (let si = 0; si < sentences.length; si++) {
    first[si] = n;
    spans.reset(text, sentences[si].start, sentences[si].end);
    while (spans.next()) {
      const facts = spellingFactsOf(spans, text);
      read.norms[n] = facts.norm;
      read.facts[n] = facts;
      read.starts[n] = spans.start;
      read.ends[n++] = spans.end;
    }
  }
  const count = n;
  first[sentences.length] = count;
  // One buffer per article for word offsets and ids: a typed array of its own per sentence costs
  // ~250 bytes of buffer bookkeeping (~20 MB on 1,000 articles).
  const offsets = new Int32Array(3 * count + 1);
  // All of the article's word ids are of one generation (it has no more distinct words than words).
  reserveWordIds(count);
  for (let t = 0; t < count; t++) {
    offsets[t] = read.starts[t];
    offsets[count + t] = read.ends[t];
    offsets[2 * count + t] = wordIdOf(read.facts[t]);
  }
  offsets[3 * count] = wordIdGeneration();
  return { count, norms: read.norms, facts: read.facts, offsets, first };
}

/**
 * Which words of a sentence lie inside the inner text of a quote, asked in word order. Quotes are
 * in order of start (findQuotes), so the quotes opening at or before a word only grow: keeping the
 * furthest inner end among them answers each word in O(1) where a scan of the sentence's quotes
 * made a quote-dense run-on sentence quadratic.
 */
class QuotedWords {
  private quotes: readonly Quote[] = [];
  private k = 0;
  private reach = -1;

  /** Starts a sentence; `q`: the first quote that does not end before it. */
  reset(quotes: readonly Quote[], q: number): this {
    this.quotes = quotes;
    this.k = q;
    this.reach = -1;
    return this;
  }

  /** Whether the word [start, end) lies inside the inner text of one of the quotes from index q on. */
  has(start: number, end: number): boolean {
    const quotes = this.quotes;
    for (; this.k < quotes.length && quotes[this.k].inner.start <= start; this.k++) this.reach = Math.max(this.reach, quotes[this.k].inner.end);
    return end <= this.reach;
  }
}

/** The one QuotedWords, reset for each sentence (an object per sentence was 1.5 MB of garbage on 2,000 articles). */
const quotedWords = new QuotedWords();

/**
 * Phase 2: one sentence's features from its words [from, to) of the article; its distinct shingles
 * are left in scratch.shingles. `q` is the first quote that does not end before the sentence.
 */
function sentenceFeatures(
  text: string, words: ArticleWords, from: number, to: number, quotes: readonly Quote[], q: number,
): SentenceFeatures {
  const count = words.count;
  // Sized once (push would leave up to half the slots empty in an array the cache keeps).
  const norms = words.norms.slice(from, to);
  const { keys, salient, reporting, numbers, shingles } = scratch;
  scratch.clear();
  let quoted = 0;
  let prevHash = 0;
  let afterKey = false;
  const inQuote = quotedWords.reset(quotes, q);
  for (let t = from; t < to; t++) {
    const norm = words.norms[t];
    const start = words.offsets[t];
    if (inQuote.has(start, words.offsets[count + t])) quoted++;
    const facts = words.facts[t];
    const key = facts.content;
    if (key === null) continue;
    // Lists of distinct keys are distinct by shared id: one key, one id in the current generation.
    const id = contentIdOf(facts);
    if (marks.add(id, IN_KEYS)) {
      keys.add(key);
      articleKeyIds.add(id);
    }
    if (startsWithDigit(norm)) {
      numbers.add(norm);
      if (marks.add(id, IN_SALIENT)) salient.add(key);
    } else if (t > from && isUpperAt(text, start) && marks.add(id, IN_SALIENT)) {
      salient.add(key);
    }
    if (facts.reporting && marks.add(id, IN_REPORTING)) reporting.add(key);
    if (afterKey) shingles.add(pairHash(prevHash, key));
    prevHash = facts.contentHash;
    afterKey = true;
  }
  return new ArticleSentence(
    norms, keys.take(), salient.take(), reporting.take(), numbers.take(), norms.length === 0 ? 0 : quoted / norms.length, words.offsets, from,
  );
}

/**
 * A sentence's features, with its word offsets read from the article's one buffer when asked: two
 * typed-array views per sentence kept by the cache cost ~5 MB and 60,000 objects on 2,000 articles,
 * and only passages (a few per match) read them.
 */
class ArticleSentence implements SentenceFeatures {
  constructor(
    readonly words: readonly string[], readonly keys: readonly string[], readonly salient: readonly string[],
    readonly reporting: readonly string[], readonly numbers: readonly string[], readonly quotedShare: number,
    /** The article's word starts, ends, ids and their generation (ArticleWords.offsets); this sentence's words begin at `from`. */
    private readonly offsets: Int32Array, private readonly from: number,
  ) {}

  get wordStarts(): Int32Array {
    return this.offsets.subarray(this.from, this.from + this.words.length);
  }

  get wordEnds(): Int32Array {
    const ends = (this.offsets.length - 1) / 3 + this.from;
    return this.offsets.subarray(ends, ends + this.words.length);
  }

  wordIdsInto(out: Int32Array): boolean {
    const offsets = this.offsets;
    if (offsets[offsets.length - 1] !== wordIdGeneration()) return false;
    const ids = (2 * (offsets.length - 1)) / 3 + this.from;
    for (let i = 0; i < this.words.length; i++) out[i] = offsets[ids + i];
    return true;
  }
}

/**
 * A list reused from sentence to sentence, in order of addition: a sentence's lists cost no list
 * with empty slots (each is copied out at its size).
 */
class ScratchList<T> {
  private items: T[] = [];
  private n = 0;

  clear(): void {
    this.n = 0;
  }

  add(value: T): void {
    this.items[this.n++] = value;
  }

  /** The values as an array of their own, exactly sized (none: the shared empty list). */
  take(): readonly T[] {
    return this.n === 0 ? (NONE as readonly T[]) : this.items.slice(0, this.n);
  }
}

/**
 * A sentence's distinct shingle hashes in order of first addition, reused from sentence to sentence:
 * an open-addressing table of integers whose slots count as empty unless stamped with the current
 * sentence, so a sentence costs no Set and no scan of its list per shingle (a Set per sentence past
 * 32 shingles was most of what reading features allocated per sentence).
 */
class DistinctInts {
  private items = new Int32Array(64);
  private n = 0;
  /** A power of two, at least twice the values held. */
  private slots = new Int32Array(128);
  private stamps = new Int32Array(128);
  private stamp = 1;

  /** Forgets the values (the next stamp empties every slot). */
  clear(): void {
    this.n = 0;
    if (++this.stamp < 0x7fffffff) return;
    this.stamps.fill(0);
    this.stamp = 1;
  }

  /** Adds the value unless the list holds it. */
  add(value: number): void {
    if (2 * (this.n + 1) > this.slots.length) this.grow();
    const slot = this.slotOf(value);
    if (this.stamps[slot] === this.stamp) return;
    this.stamps[slot] = this.stamp;
    this.slots[slot] = value;
    if (this.n === this.items.length) this.items = grownArray(this.items, 2 * this.n);
    this.items[this.n++] = value;
  }

  /** Writes the values to `out` from `at` on; returns how many. */
  copyTo(out: Int32Array, at: number): number {
    // A loop, not set(subarray(…)): a view per sentence for a few values.
    for (let i = 0; i < this.n; i++) out[at + i] = this.items[i];
    return this.n;
  }

  /** The slot that holds the value, or the empty slot where it goes. */
  private slotOf(value: number): number {
    const mask = this.slots.length - 1;
    let slot = (Math.imul(value, 0x9e3779b1) >>> 16) & mask;
    while (this.stamps[slot] === this.stamp && this.slots[slot] !== value) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    this.slots = new Int32Array(2 * this.slots.length);
    this.stamps = new Int32Array(this.slots.length);
    for (let i = 0; i < this.n; i++) {
      const slot = this.slotOf(this.items[i]);
      this.stamps[slot] = this.stamp;
      this.slots[slot] = this.items[i];
    }
  }
}

/** The lists sentenceFeatures fills, one set for all sentences (articles are read one at a time). */
const scratch = {
  keys: new ScratchList<string>(),
  salient: new ScratchList<string>(),
  reporting: new ScratchList<string>(),
  numbers: new ScratchList<string>(),
  shingles: new DistinctInts(),
  clear(): void {
    this.keys.clear();
    this.salient.clear();
    this.reporting.clear();
    this.numbers.clear();
    this.shingles.clear();
    marks.nextSentence();
  },
};

/** The lists of distinct keys a sentence's key can be in (KeyMarks bits). */
const IN_KEYS = 1;
const IN_SALIENT = 2;
const IN_REPORTING = 4;

/**
 * Which of a sentence's lists of distinct keys already hold a key, by its shared id: a stamp per id
 * (the sentence's number) and a bit per list, where a scan of each list (or a Set past 32) compared
 * strings for every word.
 */
class KeyMarks {
  private sentence = 0;
  private stamps = new Int32Array(1024);
  private lists = new Uint8Array(1024);

  /** Forgets the previous sentence's marks. */
  nextSentence(): void {
    if (++this.sentence < 0x7fffffff) return;
    this.stamps.fill(0);
    this.sentence = 1;
  }

  /** Marks shared id `id` as in list `list` of this sentence; whether it was not in it yet. */
  add(id: number, list: number): boolean {
    if (id >= this.stamps.length) this.grow(id);
    if (this.stamps[id] !== this.sentence) {
      this.stamps[id] = this.sentence;
      this.lists[id] = list;
      return true;
    }
    if ((this.lists[id] & list) !== 0) return false;
    this.lists[id] |= list;
    return true;
  }

  private grow(id: number): void {
    const size = Math.max(id + 1, 2 * this.stamps.length);
    this.stamps = grownArray(this.stamps, size);
    this.lists = grownArray(this.lists, size);
  }
}

const marks = new KeyMarks();

/** Phase 3: the key table of an article's sentences: ids in order of first use, postings by counting sort. */
function keyTable(sents: readonly SentenceFeatures[], keyIds: Int32Array): KeyTable {
  const sentenceKeyStart = new Int32Array(sents.length + 1);
  let total = 0;
  for (let si = 0; si < sents.length; si++) total += sents[si].keys.length;
  const sentenceKeys = new Int32Array(total);
  // Local ids through the shared ones (keyIds: each sentence's keys', in order): an array look-up
  // per key of each sentence, no map per article. The keys and their shared ids are gathered in
  // scratch and copied out at their exact size (lists grown by push were a third of what reading
  // an article allocated, and kept their slack).
  const localOf = localScratch(contentKeyIds.size);
  sharedScratch = roomFor(sharedScratch, total);
  const keys = keyScratch;
  const shared = sharedScratch;
  let count = 0;
  let at = 0;
  for (let si = 0; si < sents.length; si++) {
    sentenceKeyStart[si] = at;
    const sentenceKeyList = sents[si].keys;
    for (let k = 0; k < sentenceKeyList.length; k++) {
      const g = keyIds[at];
      if (localOf[g] < 0) {
        localOf[g] = count;
        keys[count] = sentenceKeyList[k];
        shared[count++] = g;
      }
      sentenceKeys[at++] = localOf[g];
    }
  }
  sentenceKeyStart[sents.length] = at;
  for (let k = 0; k < count; k++) localOf[shared[k]] = -1;
  const [postingStart, postings] = postingsOf(sentenceKeyStart, sentenceKeys, count);
  return new ArticleKeyTable(keys.slice(0, count), postingStart, postings, sentenceKeyStart, sentenceKeys, shared.slice(0, count), contentKeyIds.generation);
}

/** The keys of the table being built, by local id (keyTable's scratch; entries past the table's count are stale). */
const keyScratch: string[] = [];
/** The shared ids of the table being built, by local id. */
let sharedScratch = new Int32Array(1024);

/**
 * The sentences of each key (postingStart, postings) from the keys of each sentence, by counting
 * sort: each key's count summed up to its end, then the sentences placed from the last back, which
 * moves each key's end back to its start (no second array of positions).
 */
function postingsOf(sentenceKeyStart: Int32Array, sentenceKeys: Int32Array, keyCount: number): [Int32Array, Int32Array] {
  const postingStart = new Int32Array(keyCount + 1);
  for (let k = 0; k < sentenceKeys.length; k++) postingStart[sentenceKeys[k]]++;
  for (let id = 1; id < keyCount; id++) postingStart[id] += postingStart[id - 1];
  postingStart[keyCount] = sentenceKeys.length;
  const postings = new Int32Array(sentenceKeys.length);
  for (let si = sentenceKeyStart.length - 2; si >= 0; si--) {
    for (let k = sentenceKeyStart[si]; k < sentenceKeyStart[si + 1]; k++) postings[--postingStart[sentenceKeys[k]]] = si;
  }
  return [postingStart, postings];
}

/** A key table whose look-up from key to id is built only when asked (shared ids serve integer comparisons). */
class ArticleKeyTable implements KeyTable {
  private lookup: KeyIdLookup | null = null;

  constructor(
    readonly keys: readonly string[], readonly postingStart: Int32Array, readonly postings: Int32Array,
    readonly sentenceKeyStart: Int32Array, readonly sentenceKeys: Int32Array, readonly sharedIds: Int32Array, readonly sharedGeneration: number,
  ) {}

  get ids(): KeyIds {
    return (this.lookup ??= new KeyIdLookup(this));
  }
}

/**
 * A key's id in one table through its shared id (contentKeyIds) and a binary search among the
 * table's shared ids, sorted once: 4 bytes a key where a Map per table cost ~40 (documentPair asks
 * some 800 of 2,000 dense articles' tables, ~5 MB of maps kept by the cache). A table of an older
 * generation falls back to a Map of its keys.
 */
class KeyIdLookup implements KeyIds {
  /** The table's local ids in increasing order of their shared ids; built on the first get. */
  private bySharedId: Int32Array | null = null;
  private map: Map<string, number> | null = null;

  constructor(private readonly table: KeyTable) {}

  get size(): number {
    return this.table.keys.length;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get(key: string): number | undefined {
    const { sharedIds, sharedGeneration } = this.table;
    if (sharedGeneration !== contentKeyIds.generation) return this.keyMap().get(key);
    const shared = contentKeyIds.find(key);
    if (shared === undefined) return undefined;
    const order = (this.bySharedId ??= Int32Array.from(sharedIds.keys()).sort((x, y) => sharedIds[x] - sharedIds[y]));
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sharedIds[order[mid]] < shared) lo = mid + 1;
      else hi = mid;
    }
    return lo < order.length && sharedIds[order[lo]] === shared ? order[lo] : undefined;
  }

  private keyMap(): Map<string, number> {
    if (this.map === null) {
      this.map = new Map();
      for (let id = 0; id < this.table.keys.length; id++) this.map.set(this.table.keys[id], id);
    }
    return this.map;
  }
}

/** The shingles of the article being read, before they are copied out at their exact size. */
let shingleScratch = new Int32Array(1024);
/** Where each sentence's shingles end in shingleScratch. */
let shingleEndScratch = new Int32Array(256);

/**
 * A list of integers reused from article to article (its buffer grows, never shrinks): an array
 * emptied with length = 0 drops its buffer and regrows it by push for every article.
 */
class IntList {
  items = new Int32Array(1024);
  length = 0;

  add(value: number): void {
    if (this.length === this.items.length) this.items = grownArray(this.items, 2 * this.length);
    this.items[this.length++] = value;
  }
}

/** The shared ids of the keys of the article being read, sentence by sentence, in the order of each sentence's keys. */
const articleKeyIds = new IntList();

/** Shared id → local id of one table while it is read (−1: none): one array for all, reset after each use. */
let localOfShared = new Int32Array(0);

/** localOfShared, with room for shared ids below `size`. */
function localScratch(size: number): Int32Array {
  if (localOfShared.length < size) localOfShared = new Int32Array(Math.max(size, 2 * localOfShared.length)).fill(-1);
  return localOfShared;
}

/**
 * Maps the key ids of two articles' tables onto each other: aInB[id] is the id in B of A's key id,
 * bInA[id] the id in A of B's key id (entries left as they are where the other lacks the key).
 * Through the shared ids when both tables are of the current generation; by the keys otherwise.
 */
export function matchKeyIds(a: KeyTable, b: KeyTable, aInB: Int32Array, bInA: Int32Array): void {
  if (a.sharedGeneration !== contentKeyIds.generation || b.sharedGeneration !== contentKeyIds.generation) {
    for (let id = 0; id < a.keys.length; id++) {
      const other = b.ids.get(a.keys[id]);
      if (other === undefined) continue;
      aInB[id] = other;
      bInA[other] = id;
    }
    return;
  }
  const localOf = localScratch(contentKeyIds.size);
  for (let id = 0; id < b.sharedIds.length; id++) localOf[b.sharedIds[id]] = id;
  for (let id = 0; id < a.sharedIds.length; id++) {
    const other = localOf[a.sharedIds[id]];
    if (other < 0) continue;
    aInB[id] = other;
    bInA[other] = id;
  }
  for (let id = 0; id < b.sharedIds.length; id++) localOf[b.sharedIds[id]] = -1;
}

/** Builds the features of one article from its sentences and quotes: its words, each sentence's features, its key table. */
export function articleFeatures(text: string, sentences: readonly Sentence[], quotes: readonly Quote[]): ArticleFeatures {
  const words = readWords(text, sentences);
  // All of this article's keys get shared ids of one generation (it has no more keys than words).
  contentKeyIds.reserve(words.count);
  articleKeyIds.length = 0;
  const sents: SentenceFeatures[] = [];
  // Shingles are gathered in one scratch buffer (at most one per word after a sentence's first), then
  // copied to one buffer of the article's exact size; each sentence gets a view of it.
  shingleScratch = roomFor(shingleScratch, words.count);
  const shingleEnds = (shingleEndScratch = roomFor(shingleEndScratch, sentences.length));
  let shingleAt = 0;
  let q = 0;
  for (let si = 0; si < sentences.length; si++) {
    while (q < quotes.length && quotes[q].end <= sentences[si].start) q++;
    sents.push(sentenceFeatures(text, words, words.first[si], words.first[si + 1], quotes, q));
    shingleAt += scratch.shingles.copyTo(shingleScratch, shingleAt);
    shingleEnds[si] = shingleAt;
  }
  const shingleBuffer = shingleScratch.slice(0, shingleAt);
  // A loop, not Array.from over the typed array: that iterates it, one result object per sentence.
  const shingles: Int32Array[] = [];
  for (let si = 0; si < sentences.length; si++) shingles.push(shingleBuffer.subarray(si === 0 ? 0 : shingleEnds[si - 1], shingleEnds[si]));
  return { sentences, quotes, sents, keyTable: keyTable(sents, articleKeyIds.items), shingles };
}
