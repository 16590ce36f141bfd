import type { Quote, Sentence, Span } from '../model';
import { STOPWORDS, WordSpans } from '../text/tokens';
import { firstNotBefore } from '../util/binarySearch';
import { boundedMemo } from '../memo';
import { spellingFactsAt, wordFacts } from './lexicon';
import type { WordFacts } from './lexicon';
import { meaningOf } from './quoteMeaning';
import type { QuoteMeaning } from './quoteMeaning';

/**
 * How quote grouping reads one quotation: its folded words, content stems, sentence frame, and the
 * content words around it in its article (the evidence that two wordings report one statement).
 */

/** One article's quotes; its text and sentences, when given, let short or reworded quotes be judged by their context. */
export interface QuoteSource {
  readonly quotes: readonly Quote[];
  readonly text?: string;
  readonly sentences?: readonly Sentence[];
  /**
   * The folded words of each sentence and their starts (articleFeatures' `sents`, one per sentence of
   * `sentences`), when the caller has them: the words around quotes are then not read from the text again.
   */
  readonly sentenceWords?: readonly SentenceWords[];
}

/** One sentence's folded words and where each starts and ends in the article (as SentenceFeatures has them). */
export interface SentenceWords {
  readonly words: readonly string[];
  readonly wordStarts: ArrayLike<number>;
  readonly wordEnds: ArrayLike<number>;
}

/** The folded words of a text, with "make sure" read as one word. */
export function quoteWords(text: string): string[] {
  return quoteFacts(text).map((f) => f.norm);
}

/**
 * The facts of each folded word of a text (quoteWords), "make sure" as one word: each spelling
 * looked up where it stands in the text (spellingFactsAt), not cut out, folded and looked up again.
 */
function quoteFacts(text: string): readonly WordFacts[] {
  const spelled: WordFacts[] = [];
  const words = new WordSpans().reset(text, 0, text.length);
  while (words.next()) spelled.push(spellingFactsAt(text, words.start, words.end));
  return madeSure(spelled);
}

/** The facts of each word, "make sure" as one word. */
function madeSure(spelled: readonly WordFacts[]): readonly WordFacts[] {
  // Most quotes have no "make sure": their list as it is.
  let pair = false;
  for (let i = 0; i + 1 < spelled.length && !pair; i++) pair = spelled[i].norm === 'make' && spelled[i + 1].norm === 'sure';
  if (!pair) return spelled;
  const out: WordFacts[] = [];
  for (let i = 0; i < spelled.length; i++) {
    if (spelled[i].norm === 'make' && spelled[i + 1]?.norm === 'sure') {
      out.push(wordFacts('make_sure'));
      i++;
    } else {
      out.push(spelled[i]);
    }
  }
  return out;
}

/** /^\d+$/.test(w) without a regular expression per word. */
function allDigits(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The key of a word that says what a quote is about; null for function words, reporting verbs and plain numbers. */
function stemOf(facts: WordFacts): string | null {
  return STOPWORDS.has(facts.norm) ? null : stemOfContent(facts);
}

/** stemOf of a word known not to be a function word: its key, unless it is a reporting verb or a plain number. */
function stemOfContent(facts: WordFacts): string | null {
  return facts.reporting || allDigits(facts.norm) ? null : facts.key;
}

/** stemOf a folded word. */
function contentStem(w: string): string | null {
  return STOPWORDS.has(w) ? null : stemOfContent(wordFacts(w));
}

/** Folded words joined by single spaces, padded (" a b c "): equal for the same wording, `includes` for a fragment. */
export function wordingSeq(text: string): string {
  return seqMemo(text);
}

/** Direction of reuse asks for the wording of one quote once per article pair that carries it: read each text once. */
const seqMemo = boundedMemo(20_000, (text) => seqOf(quoteWords(text)));

/** wordingSeq of a quote's words (quoteWords). */
function seqOf(raw: readonly string[]): string {
  if (!raw.includes('make_sure')) return ` ${raw.join(' ')} `;
  return ` ${raw.map((w) => (w === 'make_sure' ? 'make sure' : w)).join(' ')} `;
}

/**
 * A 32-bit filter of the words of a wordingSeq (the runs between its spaces, inside the padding): one
 * bit per word, from a hash of its characters. A seq found inside another (fragmentOf) starts and ends
 * with a space, so each of its words is a word of the other, and its bits are among the other's: two
 * seqs whose bits are not are told apart without searching one in the other.
 */
export function seqWordBits(seq: string): number {
  let bits = 0;
  let h = 0;
  for (let i = 1; i < seq.length - 1; i++) {
    const c = seq.charCodeAt(i);
    if (c === 0x20) {
      bits |= 1 << (Math.imul(h, 0x9e3779b1) >>> 27);
      h = 0;
    } else {
      h = (Math.imul(h, 31) + c) | 0;
    }
  }
  return bits | (1 << (Math.imul(h, 0x9e3779b1) >>> 27));
}

/** Number of words of a wording that are not function words: how complete it is. */
export function contentCount(seq: string): number {
  return countMemo(seq);
}

const countMemo = boundedMemo(20_000, (seq) => {
  let n = 0;
  for (const w of seq.split(' ')) if (w !== '' && !STOPWORDS.has(w)) n++;
  return n;
});

/** Where the speaker's cue stands in the quote's sentence: a rewrite of the sentence tends to keep it. */
export type CueSide = 'before' | 'after' | null;

export interface QuoteInfo extends Wording {
  readonly article: number;
  readonly index: number;
  readonly quote: Quote;
  /** Content stems of the quote's sentence and one sentence on either side, the quote's own words left out. */
  readonly context: ReadonlySet<string>;
  /** Content stems of the unquoted words of the quote's own sentence (speaker's name and reporting verbs left out). */
  readonly sentence: ReadonlySet<string>;
  readonly cueSide: CueSide;
  readonly speakerKey: string | null;
}

/** What a quote's own words give: its frame, content stems and count, wording and meaning. */
interface Wording {
  /** Stems of every word in order, function words included: rewordings keep the sentence's frame. */
  readonly frame: readonly string[];
  readonly stems: ReadonlySet<string>;
  readonly content: number;
  /** wordingSeq of the quote's text. */
  readonly seq: string;
  /** seqWordBits of `seq`: the words a wording that contains this one must have too. */
  readonly seqBits: number;
  /** What the quote says in units a rewording keeps: word senses and numbers by value (quoteMeaning.ts). */
  readonly meaning: QuoteMeaning;
}

/** The words of a quote's text; `words`: its folded words, when the caller has them (the text is then not read again). */
function wordingOf(quote: Quote, words?: readonly string[]): Wording {
  // One look-up of each word's facts (kept for the meaning), then one pass: frame, content words and content stems.
  const factsOf = words === undefined ? quoteFacts(quote.text) : madeSure(words.map(wordFacts));
  // The caller's words are the folded words themselves unless "make sure" was read as one.
  const raw = words !== undefined && words.length === factsOf.length ? words : factsOf.map((f) => f.norm);
  const frame: string[] = [];
  const stems = new Set<string>();
  // Not contentCount(seq): "make sure" counts as one word here.
  let content = 0;
  for (let i = 0; i < factsOf.length; i++) {
    const facts = factsOf[i];
    frame.push(facts.key);
    // The facts say whether the word is a function word (no content key, yet a word): no second look-up.
    if (facts.content === null && facts.norm.length > 0) continue;
    content++;
    const stem = stemOfContent(facts);
    if (stem !== null) stems.add(stem);
  }
  const seq = seqOf(raw);
  return { frame, stems, content, seq, seqBits: seqWordBits(seq), meaning: meaningOf(raw, factsOf, stems) };
}

const NOTHING: ReadonlySet<string> = new Set();
/** A context not read yet (never returned: stemsAround gives NOTHING or a new set). */
const UNREAD: ReadonlySet<string> = new Set();

/** The cue sides by number, as ReadQuote keeps them; SIDE_UNREAD for one not read yet. */
const SIDES: readonly CueSide[] = ['before', 'after', null];
const SIDE_UNREAD = -1;

/** An article's text and the words around its quotes, shared by the quotes' readings. */
interface ArticleAround {
  readonly text: string;
  readonly words: WordsAround;
}

/**
 * A quote as grouping reads it. The content stems of its window and its cue side are read when a
 * comparison first asks (relate needs them for few pairs): most quotes of a bundle never are.
 */
class ReadQuote implements QuoteInfo {
  readonly seq: string;
  readonly seqBits: number;
  readonly content: number;
  readonly frame: readonly string[];
  readonly stems: ReadonlySet<string>;
  readonly meaning: QuoteMeaning;
  readonly sentence: ReadonlySet<string>;
  readonly speakerKey: string | null;
  // Unread marks of the fields' own types (a set, a number), not undefined: a field whose value changes
  // type when first read makes V8 drop the optimized code that read it before.
  private contextRead: ReadonlySet<string> = UNREAD;
  private sideRead: number = SIDE_UNREAD;
  // The spans' numbers, not the QuoteSpans object: one object fewer kept per quote (0 without an article around).
  private readonly ownStart: number;
  private readonly ownEnd: number;
  private readonly windowStart: number;
  private readonly windowEnd: number;
  private readonly scanFrom: number;

  constructor(
    readonly article: number, readonly index: number, readonly quote: Quote, wording: Wording,
    private readonly around: ArticleAround | null, spans: QuoteSpans | null, private readonly speakerWords: ReadonlySet<string>,
  ) {
    this.seq = wording.seq;
    this.seqBits = wording.seqBits;
    this.content = wording.content;
    this.frame = wording.frame;
    this.stems = wording.stems;
    this.meaning = wording.meaning;
    this.speakerKey = quote.speakerKey;
    const read = around !== null && spans !== null;
    this.ownStart = read ? spans.ownStart : 0;
    this.ownEnd = read ? spans.ownEnd : 0;
    this.windowStart = read ? spans.windowStart : 0;
    this.windowEnd = read ? spans.windowEnd : 0;
    this.scanFrom = read ? spans.scanFrom : 0;
    this.sentence = read ? stemsAround(around.words, quote, spans.ownStart, spans.ownEnd, speakerWords, spans.scanFrom) : NOTHING;
    // Without an article around there is nothing to read: no context, no cue side.
    if (!read) {
      this.contextRead = NOTHING;
      this.sideRead = SIDES.indexOf(null);
    }
  }

  get context(): ReadonlySet<string> {
    if (this.contextRead === UNREAD) {
      // Set in the constructor when there is no article around.
      const around = this.around as ArticleAround;
      this.contextRead = stemsAround(around.words, this.quote, this.windowStart, this.windowEnd, this.speakerWords, this.scanFrom);
    }
    return this.contextRead;
  }

  get cueSide(): CueSide {
    if (this.sideRead === SIDE_UNREAD) {
      const around = this.around as ArticleAround;
      this.sideRead = SIDES.indexOf(cueSideOf(around.text, this.quote, this.ownStart, this.ownEnd));
    }
    return SIDES[this.sideRead];
  }
}

/** How grouping reads one quote without its article (no words around it). */
export function quoteInfo(article: number, index: number, quote: Quote): QuoteInfo {
  return new ReadQuote(article, index, quote, wordingOf(quote), null, null, NOTHING);
}

/** The words around an article's quotes, asked for the content stems of spans of the text. */
interface WordsAround {
  /**
   * Adds to `out` the content stems of the words starting in [from, to), but the speaker's, and returns
   * it (a new set when `out` is null and there are some, else `out`); `hint`: a sentence where the search for `from` may start.
   */
  addStems(from: number, to: number, speakerWords: ReadonlySet<string>, out: Set<string> | null, hint: number): Set<string> | null;
}

/**
 * An article's sentences with the caller's words for each: the words around its quotes and in them,
 * read from the sentences' words (no regular expression, no folding), each sentence's offsets taken once.
 */
class SentenceIndex implements WordsAround {
  /** Each sentence's words as read so far (made when a quote first reaches the sentence). */
  private readonly read: (SentenceRead | undefined)[];

  constructor(readonly sentences: readonly Sentence[], readonly words: readonly SentenceWords[]) {
    // Filled with undefined rather than left with holes: every article's array then has the same
    // elements kind from the start (a hole-only array changes kind on its first sentence, which
    // sends the code that read another article's array back to the interpreter).
    this.read = new Array<SentenceRead | undefined>(sentences.length).fill(undefined);
  }

  /** Sentence si's words, their offsets taken once (they are views made on request). */
  sentence(si: number): SentenceRead {
    let r = this.read[si];
    if (r === undefined) {
      const w = this.words[si];
      this.read[si] = r = { norms: w.words, starts: w.wordStarts, ends: NO_ENDS, stems: NO_STEMS };
    }
    return r;
  }

  endsAt(si: number): ArrayLike<number> {
    const r = this.sentence(si);
    if (r.ends === NO_ENDS) r.ends = this.words[si].wordEnds;
    return r.ends;
  }

  /**
   * Words start inside their sentence, and sentences are in order: the words starting in [from, to)
   * are those of the sentences from the first that ends after `from`, as a read of the text finds them.
   */
  addStems(from: number, to: number, speakerWords: ReadonlySet<string>, out: Set<string> | null, hint: number): Set<string> | null {
    const sentences = this.sentences;
    for (let si = firstEndingAfter(sentences, from, hint); si < sentences.length && sentences[si].start < to; si++) {
      const r = this.sentence(si);
      const { norms, starts } = r;
      // contentStem of each word, read once per sentence rather than once per quote around it.
      if (r.stems === NO_STEMS) r.stems = new Array<string | null | undefined>(norms.length).fill(undefined);
      const stems = r.stems;
      for (let t = 0; t < norms.length && starts[t] < to; t++) {
        if (starts[t] < from) continue;
        let stem = stems[t];
        if (stem === undefined) stems[t] = stem = contentStem(norms[t]);
        if (stem !== null && !speakerWords.has(norms[t])) (out ??= new Set()).add(stem);
      }
    }
    return out;
  }
}

/** One sentence's words as SentenceIndex has read them: its offsets, and the content stems asked so far. */
interface SentenceRead {
  readonly norms: readonly string[];
  readonly starts: ArrayLike<number>;
  /** NO_ENDS until asked. */
  ends: ArrayLike<number>;
  /** NO_STEMS until asked. */
  stems: (string | null | undefined)[];
}

/**
 * SentenceRead's marks for what is not read yet, of the types the fields take (not null): a field
 * whose value changes type makes V8 drop the optimized code that read it before. NO_STEMS is made
 * as the stems arrays are (holes filled with undefined), so it has their elements kind.
 */
const NO_ENDS: ArrayLike<number> = new Int32Array(0);
const NO_STEMS: (string | null | undefined)[] = new Array<string | null | undefined>(1).fill(undefined);

/**
 * The first sentence that ends after `at` (sentences end in order), searched from sentence `hint`
 * when every sentence before it ends by `at`: quotes come in order, and a quote's words lie a few
 * sentences from its start, so most questions need a step or two, not a binary search.
 */
function firstEndingAfter(sentences: readonly Sentence[], at: number, hint: number): number {
  if (hint > sentences.length || (hint > 0 && sentences[hint - 1].end > at)) return firstNotBefore(sentences.length, (i) => sentences[i].end <= at);
  let si = hint;
  while (si < sentences.length && sentences[si].end <= at) si++;
  return si;
}

/** The article's sentence words, when the caller gave one list per sentence. */
function sentenceIndexOf(source: QuoteSource): SentenceIndex | null {
  const { sentences, sentenceWords } = source;
  return sentences !== undefined && sentenceWords?.length === sentences.length ? new SentenceIndex(sentences, sentenceWords) : null;
}

/** The words of an article's text read where some quote's context lies (the union of the windows), which is all a context needs. */
class TextWords implements WordsAround {
  private readonly starts: number[] = [];
  private readonly norms: string[] = [];
  private readonly stems: (string | null)[] = [];

  constructor(text: string, spans: readonly QuoteSpans[]) {
    const sorted = spans.map((s): Span => ({ start: s.windowStart, end: s.windowEnd })).sort((a, b) => a.start - b.start);
    // Each spelling's folded form and facts in one look-up where it stands (spellingFactsAt), not cut out, folded and looked up.
    const words = new WordSpans();
    let covered = 0;
    for (let i = 0; i < sorted.length; i++) {
      let end = sorted[i].end;
      const start = Math.max(covered, sorted[i].start);
      while (i + 1 < sorted.length && sorted[i + 1].start <= end) end = Math.max(end, sorted[++i].end);
      if (end > start) this.read(text, words.reset(text, start, end));
      covered = Math.max(covered, end);
    }
  }

  /** Records each word `words` finds in `text`: where it starts, its folded form and its stem. */
  private read(text: string, words: WordSpans): void {
    while (words.next()) {
      const facts = spellingFactsAt(text, words.start, words.end);
      this.starts.push(words.start);
      this.norms.push(facts.norm);
      this.stems.push(stemOf(facts));
    }
  }

  addStems(from: number, to: number, speakerWords: ReadonlySet<string>, out: Set<string> | null): Set<string> | null {
    // The words read are few per window and not sentences: a binary search, no hint.
    const { starts, norms, stems } = this;
    for (let i = firstNotBefore(starts.length, (k) => starts[k] < from); i < starts.length && starts[i] < to; i++) {
      const stem = stems[i];
      if (stem !== null && !speakerWords.has(norms[i])) (out ??= new Set()).add(stem);
    }
    return out;
  }
}

/** The last sentence a quote overlaps that starts with `first`, or -1 when it overlaps none. */
function lastSentenceOf(sentences: readonly Sentence[], quote: Quote, first: number): number {
  if (first >= sentences.length || sentences[first].start >= quote.end) return -1;
  let last = first;
  while (last + 1 < sentences.length && sentences[last + 1].start < quote.end) last++;
  return last;
}

/**
 * A quote's own sentences and its window; `bySentence` when the window is whole sentences (not ±250
 * characters). `first`: the first sentence that ends after the quote's start; `scanFrom`, the one
 * where a search for the words of the window may start.
 */
interface QuoteSpans {
  readonly ownStart: number;
  readonly ownEnd: number;
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly bySentence: boolean;
  readonly first: number;
  readonly scanFrom: number;
}

/**
 * The quote's own sentences, and the window of those plus one sentence on either side (±250
 * characters without sentences); `hint` as for firstEndingAfter (the previous quote's `first`).
 */
function spansOf(sentences: readonly Sentence[] | undefined, textLength: number, quote: Quote, hint: number): QuoteSpans {
  const first = sentences === undefined || sentences.length === 0 ? 0 : firstEndingAfter(sentences, quote.start, hint);
  const last = sentences === undefined ? -1 : lastSentenceOf(sentences, quote, first);
  // Numbers, not Span objects: two objects fewer per quote.
  if (last < 0 || sentences === undefined) {
    const windowStart = Math.max(0, quote.start - 250);
    return { ownStart: quote.start, ownEnd: quote.end, windowStart, windowEnd: Math.min(textLength, quote.end + 250), bySentence: false, first, scanFrom: 0 };
  }
  const from = Math.max(0, sentences[Math.max(0, first - 1)].start);
  const to = Math.min(textLength, sentences[Math.min(sentences.length - 1, last + 1)].end);
  const bySentence = to === sentences[Math.min(sentences.length - 1, last + 1)].end;
  return {
    ownStart: sentences[first].start, ownEnd: Math.min(textLength, sentences[last].end), windowStart: from, windowEnd: Math.max(from, to), bySentence, first, scanFrom: Math.max(0, first - 1),
  };
}

/** Each quote's spans, the sentences found by a cursor that moves on from the previous quote's. */
function spansOfQuotes(sentences: readonly Sentence[] | undefined, textLength: number, quotes: readonly Quote[]): QuoteSpans[] {
  let hint = 0;
  return quotes.map((q) => {
    const spans = spansOf(sentences, textLength, q, hint);
    hint = spans.first;
    return spans;
  });
}

/**
 * The folded words of a quote's text from its sentences' words, or undefined when they may differ
 * from reading the text: a text that is not the span's (marks reopened across paragraphs), or a
 * word across either end of the span (reading the text alone would cut it).
 */
function wordsOfQuote(index: SentenceIndex, text: string, quote: Quote, spans: QuoteSpans): string[] | undefined {
  const { start, end } = quote.inner;
  if (quote.text.length !== end - start || !text.startsWith(quote.text, start)) return undefined;
  const sentences = index.sentences;
  const out: string[] = [];
  for (let si = firstEndingAfter(sentences, start, spans.first); si < sentences.length && sentences[si].start < end; si++) {
    const { norms: words, starts: wordStarts } = index.sentence(si);
    const wordEnds = index.endsAt(si);
    for (let t = 0; t < words.length; t++) {
      if (wordEnds[t] <= start || wordStarts[t] >= end) continue;
      if (wordStarts[t] < start || wordEnds[t] > end) return undefined;
      out.push(words[t]);
    }
  }
  return out;
}

/** Content stems of the words of a span around a quote (the quote's own words and its speaker's name left out). */
function stemsAround(words: WordsAround, quote: Quote, from: number, to: number, speakerWords: ReadonlySet<string>, hint: number): ReadonlySet<string> {
  // Most quotes of a dialogue have nothing but the speaker's name around them: one empty set for all, and none made.
  const before = words.addStems(from, quote.start, speakerWords, null, hint);
  return words.addStems(quote.end, to, speakerWords, before, hint) ?? NOTHING;
}

/** Which side of the quote, in its sentence, the cue stands on: the nearer of its occurrences before and after. */
function cueSideOf(text: string, quote: Quote, ownStart: number, ownEnd: number): CueSide {
  const cue = (quote.cue ?? '').toLowerCase().split(' ')[0];
  if (cue === '') return null;
  const before = text.slice(ownStart, quote.start).toLowerCase().lastIndexOf(cue);
  const after = text.slice(quote.end, Math.max(quote.end, ownEnd)).toLowerCase().indexOf(cue);
  if (before < 0) return after < 0 ? null : 'after';
  if (after < 0) return 'before';
  return quote.start - (ownStart + before) <= after ? 'before' : 'after';
}

/** The folded words of a speaker's name, left out of the words around their quotes; read once per name. */
const speakerWordsMemo = boundedMemo(20_000, (speaker): ReadonlySet<string> => new Set(quoteWords(speaker)));

/**
 * Which quotes lie inside another (not the same span): one sweep in order of start, the longest
 * first, keeping the furthest end seen and the first start that reached it.
 */
function nestedQuotes(quotes: readonly Span[]): Uint8Array {
  const nested = new Uint8Array(quotes.length);
  const order = quotes.map((_, i) => i).sort((x, y) => quotes[x].start - quotes[y].start || quotes[y].end - quotes[x].end);
  let maxEnd = -1;
  let startOfMax = -1;
  // An index loop: this runs once per article, mostly before it is optimized (for…of allocates per quote then).
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const q = quotes[i];
    if (maxEnd > q.end || (maxEnd === q.end && startOfMax < q.start)) nested[i] = 1;
    if (q.end > maxEnd) {
      maxEnd = q.end;
      startOfMax = q.start;
    }
  }
  return nested;
}

/**
 * The words around an article's quotes: the caller's sentence words when every window is whole
 * sentences, else the article's text read where the windows lie.
 */
function aroundOf(text: string, index: SentenceIndex | null, spans: readonly QuoteSpans[]): ArticleAround {
  return { text, words: index !== null && spans.every((s) => s.bySentence) ? index : new TextWords(text, spans) };
}

/** The quotes of one article as grouping reads them; quotes nested in another quote are left out (someone else's words, quoted). */
export function readArticleQuotes(article: number, source: QuoteSource): QuoteInfo[] {
  const quotes = source.quotes;
  const text = source.text;
  const index = sentenceIndexOf(source);
  const spans = text === undefined ? [] : spansOfQuotes(source.sentences, text.length, quotes);
  const around = text !== undefined && quotes.length > 0 ? aroundOf(text, index, spans) : null;
  const nested = nestedQuotes(quotes);
  const out: QuoteInfo[] = [];
  for (let i = 0; i < quotes.length; i++) {
    if (nested[i] === 1) continue;
    const q = quotes[i];
    const words = text === undefined || index === null ? undefined : wordsOfQuote(index, text, q, spans[i]);
    const speakerWords = around === null ? NOTHING : speakerWordsMemo(q.speaker ?? '');
    out.push(new ReadQuote(article, i, q, wordingOf(q, words), around, around === null ? null : spans[i], speakerWords));
  }
  return out;
}
