/**
 * The plain data the engine returns. Offsets are UTF-16 code-unit offsets into an article's text
 * (not into the bundle): the editor side adds the article's content offset where it needs one.
 * This is the contract between the engine (src/core) and everything else: extend it, do not break it.
 */

/** A half-open range [start, end) of UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One article to analyse: a bundle article, or a whole plain text file. */
export interface ArticleInput {
  readonly name: string;
  readonly text: string;
}

export interface Sentence extends Span {
  /** Index of the paragraph (block of text separated by blank lines or line breaks) it belongs to. */
  readonly paragraph: number;
}

export interface Quote extends Span {
  /** The words inside the quotation marks (without the marks). */
  readonly text: string;
  /** Offsets of the inner text (without the marks). */
  readonly inner: Span;
  /** Display name of the speaker as written in this article, or null when none was found. */
  readonly speaker: string | null;
  /** Normalized key of the speaker, the same for Zelensky, Zelenskyy and Zelenskiy. */
  readonly speakerKey: string | null;
  /** The cue verb or phrase ("said", "told", "according to"), or null. */
  readonly cue: string | null;
}

export interface ArticleAnalysis {
  readonly name: string;
  readonly sentences: readonly Sentence[];
  readonly quotes: readonly Quote[];
}

export type MatchKind = 'verbatim' | 'near-verbatim' | 'paraphrase';

export interface MatchSide extends Span {
  /** Index of the article in the analysed bundle. */
  readonly article: number;
  readonly text: string;
}

/** A passage two sources share; `a.article < b.article` always. */
export interface Match {
  readonly kind: MatchKind;
  /** Similarity in [0, 1]. */
  readonly score: number;
  readonly a: MatchSide;
  readonly b: MatchSide;
}

export type QuoteRelation = 'verbatim' | 'partial' | 'reworded';

export interface QuoteOccurrence extends Span {
  readonly article: number;
  /** Index of the quote in that article's `quotes`. */
  readonly quote: number;
  readonly text: string;
  readonly speaker: string | null;
  /** Relation to the group's reference occurrence (the first one, which is 'verbatim' to itself). */
  readonly relation: QuoteRelation;
}

export interface QuoteGroup {
  readonly speakerKey: string | null;
  readonly occurrences: readonly QuoteOccurrence[];
}

export interface Coverage {
  /** The other article. */
  readonly article: number;
  /** Share of this article's sentences that the other article covers, in [0, 1]. */
  readonly share: number;
  /** Number of this article's sentences that the other covers, and the total. */
  readonly covered: number;
  readonly total: number;
  /** True when the covered sentences appear in the same order in both. */
  readonly inOrder: boolean;
}

export interface SourceSummary {
  readonly name: string;
  /** Share of the article's sentences found in no other source, in [0, 1]. */
  readonly uniqueShare: number;
  /** One entry per other article that covers at least one sentence, best first. */
  readonly covers: readonly Coverage[];
}

export interface BundleAnalysis {
  readonly articles: readonly ArticleAnalysis[];
  readonly matches: readonly Match[];
  readonly quoteGroups: readonly QuoteGroup[];
  readonly sources: readonly SourceSummary[];
}

/** One line of an aligned comparison of two articles: either side may be missing. */
export interface AlignedPair {
  readonly a: Span | null;
  readonly b: Span | null;
  readonly kind: MatchKind | null;
  readonly score: number;
}

export interface AnalysisOptions {
  /** Minimum number of words for a verbatim run (default 6). */
  readonly minSharedWords: number;
  /** Minimum score for a paraphrase (default from the engine). */
  readonly paraphraseThreshold: number;
}
