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
  /**
   * The header's attributes, when the article came from a bundle. The engine reads `date`, `time`
   * (when it was published: direction of reuse) and `src` (passim's source article: its name or `id`).
   */
  readonly attributes?: readonly HeaderAttribute[];
}

/** One `key=value` of a bundle header (the same shape as bundle/parseBundle's Attribute). */
export interface HeaderAttribute {
  readonly key: string;
  readonly value: string;
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
  /**
   * True when the passage is boilerplate: text that recurs across many articles that share nothing
   * else (page headers, bylines, sign-offs). Kept out of coverage, direction and unique shares.
   */
  readonly boilerplate?: boolean;
}

export type QuoteRelation = 'verbatim' | 'partial' | 'reworded';

export interface QuoteOccurrence extends Span {
  readonly article: number;
  /** Index of the quote in that article's `quotes`. */
  readonly quote: number;
  readonly text: string;
  readonly speaker: string | null;
  /** Relation to the group's original wording ('verbatim' for the original itself and its exact copies). */
  readonly relation: QuoteRelation;
  /** True for the one occurrence taken as the original wording. */
  readonly original: boolean;
  /** Index of this occurrence's wording (the same words after folding) in its group's `wordingRelations`. */
  readonly wording: number;
}

/** Why a wording is taken as a group's original. */
export type OriginalReason =
  /** It is in the source the other carriers derive from (direction of reuse). */
  | 'origin'
  /** More sources carry it word for word than any other wording. */
  | 'most sources'
  /** It is the most complete wording (the most words). */
  | 'most complete';

export interface QuoteGroup {
  readonly speakerKey: string | null;
  readonly occurrences: readonly QuoteOccurrence[];
  /** Index in `occurrences` of the original wording. */
  readonly original: number;
  readonly originalReason: OriginalReason;
  /**
   * Relations between the group's distinct wordings: `wordingRelations[x][y]` is wording y's relation
   * to wording x, so any two occurrences relate as `wordingRelations[o1.wording][o2.wording]`.
   */
  readonly wordingRelations: readonly (readonly QuoteRelation[])[];
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
  /** This article's relation to the other: it derives from it, is its source, or shares with it (no direction known). */
  readonly relation: SourceRelation;
  /** Why, in words, from the deriving article's side ("dated 2 days later", "rewords 3 of its quotes"); empty for 'shares with'. */
  readonly evidence: readonly string[];
}

/** Direction of reuse between two articles; never 'derives from' both ways. */
export type SourceRelation = 'derives from' | 'source of' | 'shares with';

export interface SourceSummary {
  readonly name: string;
  /** Share of the article's sentences found in no other source, in [0, 1]. */
  readonly uniqueShare: number;
  /** One entry per other article that covers at least one sentence (boilerplate left out), best first. */
  readonly covers: readonly Coverage[];
  /** The article this one most likely derives from, or null. */
  readonly origin: number | null;
  /** The evidence for `origin`, in words; empty when there is none. */
  readonly evidence: readonly string[];
}

/**
 * An article whose text is the same as another's (after folding case, spacing and punctuation) or
 * nearly so: one press release syndicated many times. Copies are found before matching (a hash of
 * the normalised text, then shingle containment) and compared with their original only: the
 * original stands for the whole group against the rest of the bundle.
 */
export interface CopyOf {
  /** The copy. */
  readonly article: number;
  /** The article it copies: the first of its group in bundle order (always < article). */
  readonly of: number;
  readonly kind: 'identical' | 'near-identical';
  /** Shingle containment both ways (the smaller share), in [0, 1]; 1 when identical. */
  readonly similarity: number;
}

/** Counters of the work an analysis did: they grow with the text, whatever its shape (tests bound them; never wall time). */
export interface WorkCounters {
  readonly articles: number;
  readonly sentences: number;
  readonly words: number;
  /** Article pairs compared sentence by sentence. */
  readonly articlePairs: number;
  /** Sentence pairs scored (the costly step). */
  readonly sentencePairsScored: number;
  /** Distinct shingles too common to find candidates with (stop-shingles: in more sentences than the cap). */
  readonly commonShingles: number;
  /** Article pairs whose sentence-pair budget ran out before every candidate was scored. */
  readonly cappedPairs: number;
}

/** What the caps that keep the cost near-linear cut, if anything. */
export interface AnalysisLimits {
  /** True when a cap cut work that could have found a match: some matches may be missing. */
  readonly capped: boolean;
  /** One plain sentence per cap that cut work (for a tooltip or a notice); empty when none did. */
  readonly notes: readonly string[];
  readonly work: WorkCounters;
  /** True when the run was asked to finish early (a time budget) and left work out: its notes say what. */
  readonly partial?: boolean;
}

/**
 * The result of analyzeBundle. `copies` and `limits` (issue 8) are always set by analyzeBundle;
 * optional so that results rebuilt elsewhere (worker parts, fixtures) stay valid. The CLI's JSON
 * shows them as `copies` and `limits` (article numbers there become names).
 */
export interface BundleAnalysis {
  readonly articles: readonly ArticleAnalysis[];
  readonly matches: readonly Match[];
  readonly quoteGroups: readonly QuoteGroup[];
  readonly sources: readonly SourceSummary[];
  /** Identical and near-identical articles, one entry per copy (sorted by article). */
  readonly copies?: readonly CopyOf[];
  readonly limits?: AnalysisLimits;
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
