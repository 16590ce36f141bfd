import type { Quote, Sentence, Span } from '../model';
import { STOPWORDS, eachWord } from '../text/tokens';
import type { Token } from '../text/tokens';
import { firstNotBefore } from '../util/binarySearch';
import { isReportingWord, wordKey } from './lexicon';

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

export function contentStems(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of ws) {
    if (!STOPWORDS.has(w) && !isReportingWord(w) && !/^\d+$/.test(w)) out.push(wordKey(w));
  }
  return out;
}

/** Folded words joined by single spaces, padded (" a b c "): equal for the same wording, `includes` for a fragment. */
export function wordingSeq(text: string): string {
  const ws = quoteWords(text).map((w) => (w === 'make_sure' ? 'make sure' : w));
  return ` ${ws.join(' ')} `;
}

/** Number of words of a wording that are not function words: how complete it is. */
export function contentCount(seq: string): number {
  let n = 0;
  for (const w of seq.split(' ')) if (w !== '' && !STOPWORDS.has(w)) n++;
  return n;
}

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
  readonly context: ReadonlySet<string>;
  readonly speakerKey: string | null;
}

export function quoteInfo(article: number, index: number, quote: Quote, context: ReadonlySet<string>): QuoteInfo {
  const raw = quoteWords(quote.text);
  const ws = raw.map((w) => (w === 'make_sure' ? 'make sure' : w));
  return {
    frame: raw.map(wordKey),
    article,
    index,
    quote,
    seq: ` ${ws.join(' ')} `,
    content: ws.filter((w) => !STOPWORDS.has(w)).length,
    stems: new Set(contentStems(raw)),
    context,
    speakerKey: quote.speakerKey,
  };
}

/** An article's words, tokenized once for the contexts of all its quotes. */
interface ArticleWords {
  readonly starts: readonly number[];
  readonly norms: readonly string[];
}

/** The sentences a quote overlaps and one on either side (±250 characters without sentences). */
function windowOf(source: QuoteSource, textLength: number, quote: Quote): Span {
  let from = Math.max(0, quote.start - 250);
  let to = Math.min(textLength, quote.end + 250);
  const sentences = source.sentences;
  if (sentences !== undefined && sentences.length > 0) {
    const lo = firstNotBefore(sentences.length, (i) => sentences[i].end <= quote.start);
    if (lo < sentences.length && sentences[lo].start < quote.end) {
      let last = lo;
      while (last + 1 < sentences.length && sentences[last + 1].start < quote.end) last++;
      from = Math.max(0, sentences[Math.max(0, lo - 1)].start);
      to = Math.min(textLength, sentences[Math.min(sentences.length - 1, last + 1)].end);
    }
  }
  return { start: from, end: Math.max(from, to) };
}

/**
 * The words around an article's quotes: the caller's tokens, or the article tokenized only where
 * some quote's context lies (the union of the windows), which is all a context needs.
 */
function wordsAround(source: QuoteSource, text: string, windows: readonly Span[]): ArticleWords {
  if (source.tokens !== undefined) {
    return { starts: source.tokens.map((t) => t.start), norms: source.tokens.map((t) => t.norm) };
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
  return { starts, norms };
}

/** Content stems of the window around a quote (the quote's own words and its speaker's name left out). */
function contextOf(all: ArticleWords, quote: Quote, window: Span): Set<string> {
  const speakerWords = new Set(quoteWords(quote.speaker ?? ''));
  const ws: string[] = [];
  for (const [a, b] of [[window.start, quote.start], [quote.end, window.end]]) {
    for (let i = firstNotBefore(all.starts.length, (k) => all.starts[k] < a); i < all.starts.length && all.starts[i] < b; i++) {
      if (!speakerWords.has(all.norms[i])) ws.push(all.norms[i]);
    }
  }
  return new Set(contentStems(ws));
}

/** The quotes of one article as grouping reads them; quotes nested in another quote are left out (someone else's words, quoted). */
export function readArticleQuotes(article: number, source: QuoteSource): QuoteInfo[] {
  const quotes = source.quotes;
  const text = source.text;
  const windows = text === undefined ? [] : quotes.map((q) => windowOf(source, text.length, q));
  const all = text !== undefined && quotes.length > 0 ? wordsAround(source, text, windows) : null;
  const out: QuoteInfo[] = [];
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i];
    const nested = quotes.some((o, j) => j !== i && o.start <= q.start && o.end >= q.end && (o.start < q.start || o.end > q.end));
    if (!nested) out.push(quoteInfo(article, i, q, all === null ? new Set() : contextOf(all, q, windows[i] ?? q)));
  }
  return out;
}
