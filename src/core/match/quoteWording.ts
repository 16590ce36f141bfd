import type { Quote, Sentence, Span } from '../model';
import { STOPWORDS, eachSpelling } from '../text/tokens';
import { firstNotBefore } from '../util/binarySearch';
import { boundedMemo } from '../memo';
import { spellingFacts, wordFacts } from './lexicon';
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
 * folded and looked up in one memo (spellingFacts), not folded and then looked up again.
 */
function quoteFacts(text: string): WordFacts[] {
  const spelled: WordFacts[] = [];
  eachSpelling(text, 0, text.length, (_start, _end, spelling) => spelled.push(spellingFacts(spelling)));
  return madeSure(spelled);
}

/** The facts of each word, "make sure" as one word. */
function madeSure(spelled: readonly WordFacts[]): WordFacts[] {
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
  if (STOPWORDS.has(facts.norm)) return null;
  return facts.reporting || allDigits(facts.norm) ? null : facts.key;
}

/** stemOf a folded word. */
function contentStem(w: string): string | null {
  return STOPWORDS.has(w) ? null : stemOf(wordFacts(w));
}

/** Folded words joined by single spaces, padded (" a b c "): equal for the same wording, `includes` for a fragment. */
export function wordingSeq(text: string): string {
  return seqMemo(text);
}

/** Direction of reuse asks for the wording of one quote once per article pair that carries it: read each text once. */
const seqMemo = boundedMemo(20_000, (text) => seqOf(quoteWords(text)));

/** wordingSeq of a quote's words (quoteWords). */
function seqOf(raw: readonly string[]): string {
  return ` ${raw.map((w) => (w === 'make_sure' ? 'make sure' : w)).join(' ')} `;
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

export interface QuoteInfo {
  readonly article: number;
  readonly index: number;
  readonly quote: Quote;
  /** wordingSeq of the quote's text. */
  readonly seq: string;
  readonly content: number;
  /** Stems of every word in order, function words included: rewordings keep the sentence's frame. */
  readonly frame: readonly string[];
  readonly stems: ReadonlySet<string>;
  /** What the quote says in units a rewording keeps: word senses and numbers by value (quoteMeaning.ts). */
  readonly meaning: QuoteMeaning;
  /** Content stems of the quote's sentence and one sentence on either side, the quote's own words left out. */
  readonly context: ReadonlySet<string>;
  /** Content stems of the unquoted words of the quote's own sentence (speaker's name and reporting verbs left out). */
  readonly sentence: ReadonlySet<string>;
  readonly cueSide: CueSide;
  readonly speakerKey: string | null;
}

/** The words around a quote: its sentence's unquoted words, and the wider window's. */
export interface QuoteSurroundings {
  readonly context: ReadonlySet<string>;
  readonly sentence: ReadonlySet<string>;
  readonly cueSide: CueSide;
}

const NOTHING_AROUND: QuoteSurroundings = { context: new Set(), sentence: new Set(), cueSide: null };

/**
 * How grouping reads one quote. `words`: the folded words of its text, when the caller has them
 * (read from the article's sentences): the text is then not read again.
 */
export function quoteInfo(article: number, index: number, quote: Quote, around: QuoteSurroundings = NOTHING_AROUND, words?: readonly string[]): QuoteInfo {
  // One look-up of each word's facts (kept for the meaning), then one pass: frame, content words and content stems.
  const factsOf = words === undefined ? quoteFacts(quote.text) : madeSure(words.map(wordFacts));
  const raw = factsOf.map((f) => f.norm);
  const frame: string[] = [];
  const stems = new Set<string>();
  // Not contentCount(seq): "make sure" counts as one word here.
  let content = 0;
  for (const facts of factsOf) {
    const w = facts.norm;
    frame.push(facts.key);
    if (STOPWORDS.has(w)) continue;
    content++;
    const stem = stemOf(facts);
    if (stem !== null) stems.add(stem);
  }
  return {
    frame,
    article,
    index,
    quote,
    seq: seqOf(raw),
    content,
    stems,
    meaning: meaningOf(raw, factsOf),
    context: around.context,
    sentence: around.sentence,
    cueSide: around.cueSide,
    speakerKey: quote.speakerKey,
  };
}

/** An article's words, tokenized once for the contexts of all its quotes. */
interface ArticleWords {
  readonly starts: readonly number[];
  readonly norms: readonly string[];
  /**
   * contentStem of each word, read once per article rather than once per quote around it; undefined
   * until a context first asks (words inside quotes mostly never are).
   */
  readonly stems: (string | null | undefined)[];
}

/** The sentences a quote overlaps (first and last index), or null without sentences. */
function sentencesOf(source: QuoteSource, quote: Quote): { readonly first: number; readonly last: number } | null {
  const sentences = source.sentences;
  if (sentences === undefined || sentences.length === 0) return null;
  const first = firstNotBefore(sentences.length, (i) => sentences[i].end <= quote.start);
  if (first >= sentences.length || sentences[first].start >= quote.end) return null;
  let last = first;
  while (last + 1 < sentences.length && sentences[last + 1].start < quote.end) last++;
  return { first, last };
}

/** A quote's own sentences and its window; `bySentence` when the window is whole sentences (not ±250 characters). */
interface QuoteSpans {
  readonly own: Span;
  readonly window: Span;
  readonly bySentence: boolean;
}

/** The quote's own sentences, and the window of those plus one sentence on either side (±250 characters without sentences). */
function spansOf(source: QuoteSource, textLength: number, quote: Quote): QuoteSpans {
  const at = sentencesOf(source, quote);
  const sentences = source.sentences;
  if (at === null || sentences === undefined) {
    const window = { start: Math.max(0, quote.start - 250), end: Math.min(textLength, quote.end + 250) };
    return { own: { start: quote.start, end: quote.end }, window, bySentence: false };
  }
  const own = { start: sentences[at.first].start, end: Math.min(textLength, sentences[at.last].end) };
  const from = Math.max(0, sentences[Math.max(0, at.first - 1)].start);
  const to = Math.min(textLength, sentences[Math.min(sentences.length - 1, at.last + 1)].end);
  return { own, window: { start: from, end: Math.max(from, to) }, bySentence: to === sentences[Math.min(sentences.length - 1, at.last + 1)].end };
}
/**
 * The words around an article's quotes: the caller's sentence words, or the article read only where
 * some quote's context lies (the union of the windows), which is all a context needs.
 */
function wordsAround(source: QuoteSource, text: string, spans: readonly QuoteSpans[]): ArticleWords {
  const windows = spans.map((s) => s.window);
  const sentences = source.sentences;
  const sentenceWords = source.sentenceWords;
  if (sentences !== undefined && sentenceWords !== undefined && sentenceWords.length === sentences.length && spans.every((s) => s.bySentence)) {
    return wordsOfSentences(sentences, sentenceWords, windows);
  }
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const norms: string[] = [];
  const stems: (string | null)[] = [];
  // Each spelling's folded form and facts in one look-up (spellingFacts), not folded and then looked up.
  const onWord = (at: number, _end: number, spelling: string): void => {
    const facts = spellingFacts(spelling);
    starts.push(at);
    norms.push(facts.norm);
    stems.push(stemOf(facts));
  };
  let covered = 0;
  for (let i = 0; i < sorted.length; i++) {
    let end = sorted[i].end;
    const start = Math.max(covered, sorted[i].start);
    while (i + 1 < sorted.length && sorted[i + 1].start <= end) end = Math.max(end, sorted[++i].end);
    if (end > start) eachSpelling(text, start, end, onWord);
    covered = Math.max(covered, end);
  }
  return { starts, norms, stems };
}

/**
 * The words of the sentences that make up the windows, from the sentences' words the caller read
 * already: sentences cover every word of their paragraphs and windows are whole sentences, so these
 * are the words reading the windows' text would find, without the regular expression and the folding.
 */
function wordsOfSentences(sentences: readonly Sentence[], sentenceWords: readonly SentenceWords[], windows: readonly Span[]): ArticleWords {
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const norms: string[] = [];
  let next = 0;
  for (const w of sorted) {
    let si = Math.max(next, firstNotBefore(sentences.length, (i) => sentences[i].start < w.start));
    for (; si < sentences.length && sentences[si].start < w.end; si++) {
      const { words, wordStarts } = sentenceWords[si];
      for (let t = 0; t < words.length; t++) {
        starts.push(wordStarts[t]);
        norms.push(words[t]);
      }
    }
    next = Math.max(next, si);
  }
  return { starts, norms, stems: new Array<string | null | undefined>(norms.length).fill(undefined) };
}

/**
 * The folded words of a quote's text from its sentences' words, or undefined when they may differ
 * from reading the text: a text that is not the span's (marks reopened across paragraphs), or a
 * word across either end of the span (reading the text alone would cut it).
 */
function wordsOfQuote(source: QuoteSource, text: string, quote: Quote): string[] | undefined {
  const { sentences, sentenceWords } = source;
  const { start, end } = quote.inner;
  if (sentences === undefined || sentenceWords?.length !== sentences.length) return undefined;
  if (quote.text.length !== end - start || !text.startsWith(quote.text, start)) return undefined;
  const out: string[] = [];
  for (let si = firstNotBefore(sentences.length, (i) => sentences[i].end <= start); si < sentences.length && sentences[si].start < end; si++) {
    const { words, wordStarts, wordEnds } = sentenceWords[si];
    for (let t = 0; t < words.length; t++) {
      if (wordEnds[t] <= start || wordStarts[t] >= end) continue;
      if (wordStarts[t] < start || wordEnds[t] > end) return undefined;
      out.push(words[t]);
    }
  }
  return out;
}

/** Content stems of the words of a span around a quote (the quote's own words and its speaker's name left out). */
function wordsAroundQuote(all: ArticleWords, quote: Quote, span: Span, speakerWords: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  addStems(all, span.start, quote.start, speakerWords, out);
  addStems(all, quote.end, span.end, speakerWords, out);
  return out;
}

/** Adds the content stems of the words starting in [from, to), but the speaker's. */
function addStems(all: ArticleWords, from: number, to: number, speakerWords: ReadonlySet<string>, out: Set<string>): void {
  const { starts, norms, stems } = all;
  for (let i = firstNotBefore(starts.length, (k) => starts[k] < from); i < starts.length && starts[i] < to; i++) {
    let stem = stems[i];
    if (stem === undefined) stems[i] = stem = contentStem(norms[i]);
    if (stem !== null && !speakerWords.has(norms[i])) out.add(stem);
  }
}

/** Which side of the quote, in its sentence, the cue stands on: the nearer of its occurrences before and after. */
function cueSideOf(text: string, quote: Quote, own: Span): CueSide {
  const cue = (quote.cue ?? '').toLowerCase().split(' ')[0];
  if (cue === '') return null;
  const before = text.slice(own.start, quote.start).toLowerCase().lastIndexOf(cue);
  const after = text.slice(quote.end, Math.max(quote.end, own.end)).toLowerCase().indexOf(cue);
  if (before < 0) return after < 0 ? null : 'after';
  if (after < 0) return 'before';
  return quote.start - (own.start + before) <= after ? 'before' : 'after';
}

/** The folded words of a speaker's name, left out of the words around their quotes; read once per name. */
const speakerWordsMemo = boundedMemo(20_000, (speaker): ReadonlySet<string> => new Set(quoteWords(speaker)));

function surroundingsOf(all: ArticleWords, text: string, quote: Quote, spans: QuoteSpans): QuoteSurroundings {
  const speakerWords = speakerWordsMemo(quote.speaker ?? '');
  return {
    context: wordsAroundQuote(all, quote, spans.window, speakerWords),
    sentence: wordsAroundQuote(all, quote, spans.own, speakerWords),
    cueSide: cueSideOf(text, quote, spans.own),
  };
}

/**
 * Which quotes lie inside another (not the same span): one sweep in order of start, the longest
 * first, keeping the furthest end seen and the first start that reached it.
 */
function nestedQuotes(quotes: readonly Span[]): Uint8Array {
  const nested = new Uint8Array(quotes.length);
  const order = quotes.map((_, i) => i).sort((x, y) => quotes[x].start - quotes[y].start || quotes[y].end - quotes[x].end);
  let maxEnd = -1;
  let startOfMax = -1;
  for (const i of order) {
    const q = quotes[i];
    if (maxEnd > q.end || (maxEnd === q.end && startOfMax < q.start)) nested[i] = 1;
    if (q.end > maxEnd) {
      maxEnd = q.end;
      startOfMax = q.start;
    }
  }
  return nested;
}

/** The quotes of one article as grouping reads them; quotes nested in another quote are left out (someone else's words, quoted). */
export function readArticleQuotes(article: number, source: QuoteSource): QuoteInfo[] {
  const quotes = source.quotes;
  const text = source.text;
  const spans = text === undefined ? [] : quotes.map((q) => spansOf(source, text.length, q));
  const all = text !== undefined && quotes.length > 0 ? wordsAround(source, text, spans) : null;
  const nested = nestedQuotes(quotes);
  const out: QuoteInfo[] = [];
  for (let i = 0; i < quotes.length; i++) {
    if (nested[i] === 1) continue;
    const q = quotes[i];
    const around = all === null || text === undefined ? undefined : surroundingsOf(all, text, q, spans[i]);
    out.push(quoteInfo(article, i, q, around, text === undefined ? undefined : wordsOfQuote(source, text, q)));
  }
  return out;
}
