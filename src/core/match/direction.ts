import type { ArticleInput, Quote, QuoteGroup, QuoteOccurrence, Sentence } from '../model';
import { sentenceAt } from '../text/sentences';
import { contentCount, wordingSeq } from './quoteWording';
import { MIN_FRAGMENT_CONTENT } from './quoteRelation';
import { laterBy, publicationOf } from './publication';
import type { Publication } from './publication';
import { linkSide } from './coverage';
import type { CancellationLike, Cursor, Progress } from '../cancellation';
import { inUnits, throwIfCancelled } from '../cancellation';
import type { PairLinks } from './coverage';

/**
 * Direction of reuse: which article derives from which, from evidence, strongest first:
 * passim's `src` and the `date`/`time` headers; containment (one article carries nearly all of the
 * other's sentences and adds its own); the completeness of shared quotations (a rewrite rewords,
 * trims or drops the quotation marks of the quotes it takes; the original carries them whole); the
 * same order. Weak or balanced evidence says nothing: the two "share with" each other. The result
 * never has a cycle, so no article derives from one that derives from it.
 */

/** What the evidence weighs, per signal. Dates and passim outweigh everything the texts say. */
const PASSIM_WEIGHT = 100;
const PASSIM_EVIDENCE = 'passim: source';
const DATE_WEIGHT = 50;
const CONTAINMENT_WEIGHT = 3;
/** One dropped or trimmed quotation weighs 1; a direction needs this margin over the other way. */
const MIN_MARGIN = 2;
/** Containment: the contained article's share carried by the other, and how much more that is than the reverse. */
const CONTAINED = 0.8;
const CONTAINMENT_GAP = 0.2;
/** A deriving article without date or passim evidence must share at least this share of its sentences. */
const MIN_DERIVED_SHARE = 0.3;
/**
 * Any deriving article, dated or not, must share at least this share of its sentences, and two of
 * them: two articles months apart that carry one same sentence (a speech both quote) are no copy.
 * Checked on PolNeAR train (840 dated articles): without it, 199 of 218 "derivations" shared under 20%.
 */
const MIN_ANY_DERIVED_SHARE = 0.2;
const MIN_ANY_DERIVED = 2;
/** A quote trimmed by fewer content words than this is the same quote (an article, a word of frame). */
const MIN_TRIM = 2;

/** The articles with their sentences and quotes (by article) and the sentence links per article pair (a < b). */
export interface LinkedArticles {
  readonly articles: readonly ArticleInput[];
  readonly sentences: readonly (readonly Sentence[])[];
  readonly quotes: readonly (readonly Quote[])[];
  readonly pairs: readonly PairLinks[];
}

/** The linked articles, boilerplate left out of `pairs`, and the quote groups. */
export interface DirectionInput extends LinkedArticles {
  readonly groups: readonly QuoteGroup[];
}

/** One article deriving from another, with the evidence in words (from the deriving article's side). */
export interface Derivation {
  readonly derived: number;
  readonly source: number;
  readonly evidence: readonly string[];
  /** How much more the evidence says this way than the other. */
  readonly margin: number;
}

export interface Direction {
  /** Accepted derivations, strongest first. */
  readonly derivations: readonly Derivation[];
  /** Per article: the article it most likely derives from, or null, and why. */
  readonly origins: readonly { readonly origin: number | null; readonly evidence: readonly string[] }[];
  /** The derivation between two articles, either way round, or undefined. */
  between(a: number, b: number): Derivation | undefined;
  /** True when x derives from y, directly or through other articles. */
  derivesFrom(x: number, y: number): boolean;
}

/** One side of a pair: how much of it the other covers, in what order. */
interface Side {
  readonly covered: number;
  readonly total: number;
  readonly inOrder: boolean;
}

/** Quote evidence of one pair, per side: quotes the side rewrote from the other's (dropped marks, trimmed), and shared rewordings. */
interface QuoteEvidence {
  readonly dropped: [number, number];
  readonly trimmed: [number, number];
  readonly reworded: number;
}

/**
 * What the quote evidence reads of the bundle, each computed once: per article and quote, the
 * articles of its groups (which other articles carry the same quotation); per group, its first
 * occurrence in each article; per article, its groups; content words per wording.
 */
interface QuoteFacts {
  readonly carriers: readonly Map<number, ReadonlySet<number>>[];
  readonly firstIn: ReadonlyMap<QuoteGroup, ReadonlyMap<number, QuoteOccurrence>>;
  readonly groupsOf: readonly QuoteGroup[][];
  /** Content words of a quotation's wording (contentCount of wordingSeq), by its text. */
  readonly content: (text: string) => number;
  /** Per article (once asked), each quote's sentence (-1 for none). */
  readonly sentenceOf: (article: number) => Int32Array;
  /** True when the quote has MIN_FRAGMENT_CONTENT content words or more (worked out once, when first asked). */
  readonly counts: (article: number, quote: number) => boolean;
}

function quoteFacts(input: DirectionInput): QuoteFacts {
  const carriers = input.articles.map(() => new Map<number, ReadonlySet<number>>());
  const firstIn = new Map<QuoteGroup, Map<number, QuoteOccurrence>>();
  // Per article, the groups with an occurrence in it, each once, in bundle order.
  const groupsOf = input.articles.map((): QuoteGroup[] => []);
  for (const g of input.groups) {
    const first = new Map<number, QuoteOccurrence>();
    for (const o of g.occurrences) if (!first.has(o.article)) first.set(o.article, o);
    const articles = new Set(first.keys());
    for (const o of g.occurrences) carriers[o.article].set(o.quote, articles);
    for (const article of articles) groupsOf[article].push(g);
    firstIn.set(g, first);
  }
  // wordingSeq and contentCount remember their answers (quoteWording.ts).
  const content = (text: string): number => contentCount(wordingSeq(text));
  const sentences: (Int32Array | undefined)[] = [];
  const sentenceOf = (article: number): Int32Array =>
    (sentences[article] ??= Int32Array.from(input.quotes[article], (q) => sentenceAt(input.sentences[article], q.start)));
  // Per article and quote: 0 not known yet, 1 counts, 2 too short.
  const counted: (Uint8Array | undefined)[] = [];
  const counts = (article: number, quote: number): boolean => {
    const known = (counted[article] ??= new Uint8Array(input.quotes[article].length));
    if (known[quote] === 0) known[quote] = content(input.quotes[article][quote].text) >= MIN_FRAGMENT_CONTENT ? 1 : 2;
    return known[quote] === 1;
  };
  return { carriers, firstIn, groupsOf, content, sentenceOf, counts };
}

/** Quotes of `self` (3+ content words) in sentences linked to `other` that `other` carries as no quotation: it gives them in its own words. */
function droppedQuotes(facts: QuoteFacts, self: number, other: number, linked: Uint8Array): number {
  const sentences = facts.sentenceOf(self);
  const carriers = facts.carriers[self];
  let n = 0;
  for (let k = 0; k < sentences.length; k++) {
    const i = sentences[k];
    if (i >= 0 && linked[i] === 1 && !(carriers.get(k)?.has(other) ?? false) && facts.counts(self, k)) n++;
  }
  return n;
}

function quoteEvidence(facts: QuoteFacts, pair: PairLinks, linkedA: Uint8Array, linkedB: Uint8Array): QuoteEvidence {
  const { a, b } = pair;
  const dropped: [number, number] = [droppedQuotes(facts, b, a, linkedB), droppedQuotes(facts, a, b, linkedA)];
  const trimmed: [number, number] = [0, 0];
  let reworded = 0;
  // The groups of whichever article has fewer (counts do not depend on the order): all groups per
  // pair made this quadratic in the bundle.
  const fewer = facts.groupsOf[a].length <= facts.groupsOf[b].length ? a : b;
  for (const g of facts.groupsOf[fewer]) {
    const first = facts.firstIn.get(g) as ReadonlyMap<number, QuoteOccurrence>;
    const inA = first.get(a);
    const inB = first.get(b);
    if (inA === undefined || inB === undefined) continue;
    const relation = g.wordingRelations[inA.wording][inB.wording];
    if (relation === 'reworded') reworded++;
    if (relation !== 'partial') continue;
    const [ca, cb] = [facts.content(inA.text), facts.content(inB.text)];
    if (cb - ca >= MIN_TRIM) trimmed[0]++;
    else if (ca - cb >= MIN_TRIM) trimmed[1]++;
  }
  // dropped[0]: quotes of b that a gives without marks (a rewrote b); trimmed[0]: a's wording is a trimmed b.
  return { dropped, trimmed, reworded };
}

interface Weighed {
  score: number;
  readonly evidence: string[];
}

/** The evidence that `x` derives from `y` (x is side 0 of the quote evidence when x is the pair's a). */
function weigh(p: { x: number; y: number; px: Publication; py: Publication; sx: Side; sy: Side; reuse: boolean; q: QuoteEvidence; xIsA: boolean }): Weighed {
  const w: Weighed = { score: 0, evidence: [] };
  const k = p.xIsA ? 0 : 1;
  if (p.px.src !== null && p.py.ids.includes(p.px.src)) {
    w.score += PASSIM_WEIGHT;
    w.evidence.push(PASSIM_EVIDENCE);
  }
  const later = p.reuse ? laterBy(p.py, p.px) : null;
  if (later !== null) {
    w.score += DATE_WEIGHT;
    w.evidence.push(`dated ${later}`);
  }
  const share = (s: Side): number => (s.total === 0 ? 0 : s.covered / s.total);
  if (share(p.sy) >= CONTAINED && share(p.sy) - share(p.sx) >= CONTAINMENT_GAP && p.sx.total - p.sx.covered >= 2) {
    w.score += CONTAINMENT_WEIGHT;
    w.evidence.push(`carries ${p.sy.covered} of its ${p.sy.total} sentences and adds ${p.sx.total - p.sx.covered} of its own`);
  }
  const dropped = p.q.dropped[k];
  const trimmed = p.q.trimmed[k];
  w.score += dropped + trimmed;
  if (dropped > 0) w.evidence.push(`gives ${dropped} of its quotes without quotation marks`);
  if (trimmed > 0) w.evidence.push(`trims ${trimmed} of its quotes`);
  return w;
}

/** The derivation one pair's evidence supports, if any. */
function judgePair(input: DirectionInput, pubs: readonly Publication[], facts: QuoteFacts, pair: PairLinks): Derivation | null {
  const { a, b } = pair;
  const [na, nb] = [input.sentences[a].length, input.sentences[b].length];
  const [sideA, sideB] = [linkSide(pair.links, 'a', na, nb), linkSide(pair.links, 'b', nb, na)];
  const sa: Side = { covered: sideA.covered, total: na, inOrder: sideA.inOrder };
  const sb: Side = { covered: sideB.covered, total: nb, inOrder: sideB.inOrder };
  const reuse = pair.links.some((l) => l.kind !== 'paraphrase') || sa.covered >= MIN_DERIVED_SHARE * sa.total || sb.covered >= MIN_DERIVED_SHARE * sb.total;
  const q = quoteEvidence(facts, pair, sideA.linked, sideB.linked);
  const ab = weigh({ x: a, y: b, px: pubs[a], py: pubs[b], sx: sa, sy: sb, reuse, q, xIsA: true });
  const ba = weigh({ x: b, y: a, px: pubs[b], py: pubs[a], sx: sb, sy: sa, reuse, q, xIsA: false });
  const margin = ab.score - ba.score;
  if (Math.abs(margin) < MIN_MARGIN) return null;
  const [derived, source, w, side] = margin > 0 ? [a, b, ab, sa] : [b, a, ba, sb];
  // An article that shares little with the other does not derive from it, whatever the dates say;
  // texts alone (no date, no passim) need more. passim's src is the exception: passim has already
  // judged the passage reused, and one of its passages is often a single sentence.
  const byPassim = w.evidence.includes(PASSIM_EVIDENCE);
  if (!byPassim && side.covered < Math.max(MIN_ANY_DERIVED, MIN_ANY_DERIVED_SHARE * side.total)) return null;
  if (Math.abs(margin) < DATE_WEIGHT && side.covered < MIN_DERIVED_SHARE * side.total) return null;
  const evidence = [...w.evidence];
  if (q.reworded > 0) evidence.push(`rewords ${q.reworded} of its quotes`);
  if (side.inOrder && side.covered >= 3) evidence.push('keeps its order');
  return { derived, source, evidence, margin: Math.abs(margin) };
}

/** Accepts derivations strongest first, skipping any that would close a cycle. */
function acyclic(candidates: Derivation[], n: number): Derivation[] {
  candidates.sort((x, y) => y.margin - x.margin || x.derived - y.derived || x.source - y.source);
  const up: number[][] = Array.from({ length: n }, () => []);
  const reaches = (from: number, to: number): boolean => {
    const seen = new Set<number>([from]);
    const stack = [from];
    while (stack.length > 0) {
      const v = stack.pop() as number;
      if (v === to) return true;
      for (const w of up[v]) {
        if (seen.has(w)) continue;
        seen.add(w);
        stack.push(w);
      }
    }
    return false;
  };
  const accepted: Derivation[] = [];
  for (const d of candidates) {
    if (reaches(d.source, d.derived)) continue;
    up[d.derived].push(d.source);
    accepted.push(d);
  }
  return accepted;
}

/** Direction of reuse for every linked pair of a bundle. */
export function directionOfReuse(input: DirectionInput): Direction {
  return continueDirection(newDirectionSearch(), { units: 0 }, input);
}

/** Pairs judged per unit of work. */
const PAIRS_PER_UNIT = 64;

/** directionOfReuse so far: the facts it reads (read first, one unit), the pairs judged, the derivations they support. */
export interface DirectionSearch {
  facts?: { readonly pubs: readonly Publication[]; readonly quotes: QuoteFacts };
  readonly at: Cursor;
  readonly candidates: Derivation[];
}

export function newDirectionSearch(): DirectionSearch {
  return { at: { next: 0 }, candidates: [] };
}

/** directionOfReuse from where `s` stopped (the same input each call), PAIRS_PER_UNIT pairs per unit of `progress`. */
export function continueDirection(s: DirectionSearch, progress: Progress, input: DirectionInput, token?: CancellationLike): Direction {
  if (s.facts === undefined) {
    s.facts = { pubs: input.articles.map((a) => publicationOf(a.name, a.attributes)), quotes: quoteFacts(input) };
    progress.units++;
    throwIfCancelled(token);
  }
  const { pubs, quotes } = s.facts;
  inUnits(progress, s.at, input.pairs.length, PAIRS_PER_UNIT, token, (k) => {
    const pair = input.pairs[k];
    if (pair.links.length === 0) return;
    const d = judgePair(input, pubs, quotes, pair);
    if (d !== null) s.candidates.push(d);
  });
  return directionOf(acyclic([...s.candidates], input.articles.length), input.articles.length);
}

/** The accepted derivations as a Direction: each article's origin, and derivation through other articles. */
function directionOf(derivations: Derivation[], n: number): Direction {
  const byPair = new Map<number, Derivation>();
  const origins = Array.from({ length: n }, (): { origin: number | null; evidence: readonly string[] } => ({ origin: null, evidence: [] }));
  for (const d of derivations) {
    byPair.set(Math.min(d.derived, d.source) * n + Math.max(d.derived, d.source), d);
    // Strongest first: the first derivation of an article is its origin.
    if (origins[d.derived].origin === null) origins[d.derived] = { origin: d.source, evidence: d.evidence };
  }
  const up = new Map<number, number[]>();
  for (const d of derivations) {
    const sources = up.get(d.derived);
    if (sources === undefined) up.set(d.derived, [d.source]);
    else sources.push(d.source);
  }
  const ancestors = new Map<number, Set<number>>();
  const ancestorsOf = (x: number): Set<number> => {
    let set = ancestors.get(x);
    if (set !== undefined) return set;
    set = new Set<number>();
    const stack = [x];
    while (stack.length > 0) {
      for (const s of up.get(stack.pop() as number) ?? []) {
        if (set.has(s)) continue;
        set.add(s);
        stack.push(s);
      }
    }
    ancestors.set(x, set);
    return set;
  };
  return {
    derivations,
    origins,
    between: (a, b) => byPair.get(Math.min(a, b) * n + Math.max(a, b)),
    derivesFrom: (x, y) => ancestorsOf(x).has(y),
  };
}
