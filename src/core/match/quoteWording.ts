import type { Quote, Sentence, Span } from '../model';
import { STOPWORDS, eachWord } from '../text/tokens';
import type { Token } from '../text/tokens';
import { firstNotBefore } from '../util/binarySearch';
import { boundedMemo } from '../memo';
import { wordFacts } from './lexicon';
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
  /** tokenize(text) (text/tokens.ts), when the caller has it already: saves reading the article again. */
  readonly tokens?: readonly Token[];
}

/** The folded words of a text, with "make sure" read as one word. */
export function quoteWords(text: string): string[] {
  const out: string[] = [];
  const norms: string[] = [];
  eachWord(text, 0, text.length, (_start, _end, norm) => norms.push(norm));
  for (let i = 0; i < norms.length; i++) {
    if (norms[i] === 'make' && norms[i + 1] === 'sure') {
      out.push('make_sure');
      i++;
    } else {
      out.push(norms[i]);
    }
  }
  return out;
}

const ALL_DIGITS = /^\d+$/;

/** The key of a word that says what a quote is about; null for function words, reporting verbs and plain numbers. */
function contentStem(w: string): string | null {
  if (STOPWORDS.has(w)) return null;
  const facts = wordFacts(w);
  return facts.reporting || ALL_DIGITS.test(w) ? null : facts.key;
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

export function quoteInfo(article: number, index: number, quote: Quote, around: QuoteSurroundings = NOTHING_AROUND): QuoteInfo {
  const raw = quoteWords(quote.text);
  // One pass, one look-up of each word's facts (kept for the meaning): frame, content words and content stems.
  const frame: string[] = [];
  const stems = new Set<string>();
  const factsOf: WordFacts[] = [];
  // Not contentCount(seq): "make sure" counts as one word here.
  let content = 0;
  for (const w of raw) {
    const facts = wordFacts(w);
    factsOf.push(facts);
    frame.push(facts.key);
    if (STOPWORDS.has(w)) continue;
    content++;
    if (!facts.reporting && !ALL_DIGITS.test(w)) stems.add(facts.key);
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
  /** contentStem of each word, read once per article rather than once per quote around it. */
  readonly stems: readonly (string | null)[];
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

/** The quote's own sentences, and the window of those plus one sentence on either side (±250 characters without sentences). */
function spansOf(source: QuoteSource, textLength: number, quote: Quote): { readonly own: Span; readonly window: Span } {
  const at = sentencesOf(source, quote);
  const sentences = source.sentences;
  if (at === null || sentences === undefined) {
    const window = { start: Math.max(0, quote.start - 250), end: Math.min(textLength, quote.end + 250) };
    return { own: { start: quote.start, end: quote.end }, window };
  }
  const own = { start: sentences[at.first].start, end: Math.min(textLength, sentences[at.last].end) };
  const from = Math.max(0, sentences[Math.max(0, at.first - 1)].start);
  const to = Math.min(textLength, sentences[Math.min(sentences.length - 1, at.last + 1)].end);
  return { own, window: { start: from, end: Math.max(from, to) } };
}
/**
 * The words around an article's quotes: the caller's tokens, or the article tokenized only where
 * some quote's context lies (the union of the windows), which is all a context needs.
 */
function wordsAround(source: QuoteSource, text: string, windows: readonly Span[]): ArticleWords {
  if (source.tokens !== undefined) {
    const norms = source.tokens.map((t) => t.norm);
    return { starts: source.tokens.map((t) => t.start), norms, stems: norms.map(contentStem) };
  }
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const norms: string[] = [];
  let covered = 0;
  for (let i = 0; i < sorted.length; i++) {
    let end = sorted[i].end;
    const start = Math.max(covered, sorted[i].start);
    while (i + 1 < sorted.length && sorted[i + 1].start <= end) end = Math.max(end, sorted[++i].end);
    if (end > start) {
      eachWord(text, start, end, (at, _end, norm) => {
        starts.push(at);
        norms.push(norm);
      });
    }
    covered = Math.max(covered, end);
  }
  return { starts, norms, stems: norms.map(contentStem) };
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
    const stem = stems[i];
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

function surroundingsOf(all: ArticleWords, text: string, quote: Quote, spans: { readonly own: Span; readonly window: Span }): QuoteSurroundings {
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
  const all = text !== undefined && quotes.length > 0 ? wordsAround(source, text, spans.map((s) => s.window)) : null;
  const nested = nestedQuotes(quotes);
  const out: QuoteInfo[] = [];
  for (let i = 0; i < quotes.length; i++) {
    if (nested[i] === 1) continue;
    const q = quotes[i];
    out.push(quoteInfo(article, i, q, all === null || text === undefined ? undefined : surroundingsOf(all, text, q, spans[i])));
  }
  return out;
}
