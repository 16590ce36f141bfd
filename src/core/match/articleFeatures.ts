import type { Quote, Sentence } from '../model';
import { tokenize } from '../text/tokens';
import { FNV_OFFSET, FNV_PRIME, fnv1aUpdate } from '../hash';
import { contentKey, isReportingKey } from './lexicon';

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
}

/** Per-article features: everything that depends on one article's text only, so it is cached by content hash. */
export interface ArticleFeatures {
  readonly sentences: readonly Sentence[];
  readonly quotes: readonly Quote[];
  readonly sents: readonly SentenceFeatures[];
  /** Content key → indices of the sentences that contain it (ascending, distinct). */
  readonly keyIndex: ReadonlyMap<string, readonly number[]>;
  /**
   * Per sentence, hashes of its distinct shingles (two consecutive content keys): they find
   * candidate article pairs. Numbers, not strings, to keep a 1,000-article bundle small; a collision
   * only adds a candidate.
   */
  readonly shingles: readonly Int32Array[];
}

const IS_UPPER_START = /^\p{Lu}/u;
const NONE: readonly string[] = Object.freeze([]);

/** FNV-1a of "a b" without building the string. */
function pairHash(a: string, b: string): number {
  return fnv1aUpdate(Math.imul(fnv1aUpdate(FNV_OFFSET, a) ^ 32, FNV_PRIME), b) | 0;
}

/** Builds the features of one article from its sentences and quotes. */
export function articleFeatures(text: string, sentences: readonly Sentence[], quotes: readonly Quote[]): ArticleFeatures {
  const sents: SentenceFeatures[] = [];
  const keyIndex = new Map<string, number[]>();
  const shingles: Int32Array[] = [];
  // One buffer per article for word offsets and one for shingles; each sentence gets views into them.
  // A typed array of its own per sentence costs ~250 bytes of buffer bookkeeping: ~20 MB on 1,000 articles.
  const tokensOf = sentences.map((s) => tokenize(text, s.start, s.end));
  let wordCount = 0;
  for (const tokens of tokensOf) wordCount += tokens.length;
  const offsets = new Int32Array(2 * wordCount);
  const shingleBuffer = new Int32Array(wordCount);
  let wordAt = 0;
  let shingleAt = 0;
  let q = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const tokens = tokensOf[si];
    // Sized once (push would leave up to half the slots empty in an array the cache keeps).
    const words = tokens.map((tok) => tok.norm);
    const wordStarts = offsets.subarray(wordAt, wordAt + tokens.length);
    const wordEnds = offsets.subarray(wordCount + wordAt, wordCount + wordAt + tokens.length);
    wordAt += tokens.length;
    const keys = new Set<string>();
    let salient: string[] | null = null;
    let reporting: string[] | null = null;
    const numbers: string[] = [];
    let quoted = 0;
    let prevKey: string | null = null;
    const sentenceShingles = new Set<number>();
    while (q < quotes.length && quotes[q].end <= s.start) q++;
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t];
      wordStarts[t] = tok.start;
      wordEnds[t] = tok.end;
      for (let k = q; k < quotes.length && quotes[k].start < tok.end; k++) {
        if (quotes[k].inner.start <= tok.start && tok.end <= quotes[k].inner.end) {
          quoted++;
          break;
        }
      }
      const key = contentKey(tok.norm);
      if (key === null) continue;
      keys.add(key);
      if (/^\d/.test(tok.norm)) {
        numbers.push(tok.norm);
        salient = addDistinct(salient, key);
      } else if (t > 0 && IS_UPPER_START.test(text[tok.start])) {
        salient = addDistinct(salient, key);
      }
      if (isReportingKey(key)) reporting = addDistinct(reporting, key);
      if (prevKey !== null) sentenceShingles.add(pairHash(prevKey, key));
      prevKey = key;
    }
    // At most one shingle per word after the first: the article's buffer has room.
    const sentenceShingleView = shingleBuffer.subarray(shingleAt, shingleAt + sentenceShingles.size);
    sentenceShingleView.set([...sentenceShingles]);
    shingleAt += sentenceShingles.size;
    shingles.push(sentenceShingleView);
    for (const key of keys) {
      const list = keyIndex.get(key);
      // Most keys are in one sentence: they share one frozen [si] (a new [] grows to 17 slots on push).
      if (list === undefined) keyIndex.set(key, singleton(si));
      else if (list.length === 1) keyIndex.set(key, [list[0], si]);
      else list.push(si);
    }
    sents.push({
      words, wordStarts, wordEnds, keys: [...keys], salient: salient ?? NONE, reporting: reporting ?? NONE, numbers,
      quotedShare: words.length === 0 ? 0 : quoted / words.length,
    });
  }
  // Lists that grew by push carry spare slots: keep them exact, the cache holds them for the bundle's life.
  for (const [key, list] of keyIndex) if (list.length > 2) keyIndex.set(key, list.slice());
  return { sentences, quotes, sents, keyIndex, shingles };
}

function addDistinct(list: string[] | null, key: string): string[] {
  if (list === null) return [key];
  if (!list.includes(key)) list.push(key);
  return list;
}

/** Frozen one-element posting lists, shared by every article: [0], [1], … */
const SINGLETONS: (readonly number[])[] = [];

function singleton(si: number): number[] {
  for (let k = SINGLETONS.length; k <= si; k++) SINGLETONS.push(Object.freeze([k]));
  // Frozen, so a push on a shared list throws instead of corrupting other articles.
  return SINGLETONS[si] as number[];
}
