import type { SentenceFeatures } from './articleFeatures';
import { hasKey, nextCommonRunIn, WordClass } from './sentenceGrams';
import type { CommonRun, SentenceGrams } from './sentenceGrams';
import { MAX_CELLS } from './verbatimRuns';
import { lcsLengthIn } from '../util/lcs';
import { roomFor } from '../util/grownArray';

/**
 * Word alignment of two sentences, the way a reader checks a paraphrase: each word of one side is
 * paired with at most one word of the other, first by the same word, then by the same content key
 * (stem or news synonym group), then by a shared WordNet sense, then by spelling (a compound written
 * in one or two words, one letter changed, the same first six letters). What stays unpaired is
 * what one sentence says and the other does not: how much of it (names and numbers included,
 * reporting verbs counted apart) is the paraphrase model's strongest evidence against a pair.
 *
 * What depends on one sentence alone (word and key hashes in sorted order, word classes, content-key
 * and number-masked bigrams) is part of the sentence's grams (sentenceGrams.ts), computed once per
 * sentence and kept in a small bounded cache; the scorer passes each side's grams in.
 */

/** Where one sorted order of a sentence's grams lies: its positions from `orderAt`, their hashes from `hashesAt`, `count` of each. */
interface SortedPlace {
  orderAt: number;
  hashesAt: number;
  count: number;
}

/** The places pairEqual reads, reused from pair to pair (the scorer runs one pair at a time). */
const placeA: SortedPlace = { orderAt: 0, hashesAt: 0, count: 0 };
const placeB: SortedPlace = { orderAt: 0, hashesAt: 0, count: 0 };

/** All words by word hash (keys false), or content words by key hash (keys true), of `g`, written to `place`. */
function sortedPlace(g: SentenceGrams, keys: boolean, place: SortedPlace): SortedPlace {
  place.orderAt = keys ? g.keyOrderAt : g.wordOrderAt;
  place.hashesAt = keys ? g.keySortedAt : g.wordSortedAt;
  place.count = keys ? g.content : g.n;
  return place;
}

/**
 * Pairs still-unpaired positions of equal hash, in order, by a merge of the two sorted orders
 * (each position once: a word said twice pairs twice only when the other side says it twice).
 */
function pairEqual(ga: SentenceGrams, a: SortedPlace, gb: SentenceGrams, b: SortedPlace, pairedA: Uint8Array, pairedB: Uint8Array): void {
  const run = commonRun;
  const xs = ga.buf;
  const ys = gb.buf;
  run.xe = a.hashesAt;
  run.ye = b.hashesAt;
  // Index k of the hashes is index k − hashesAt + orderAt of the order.
  const da = a.orderAt - a.hashesAt;
  const db = b.orderAt - b.hashesAt;
  while (nextCommonRunIn(xs, a.hashesAt, a.hashesAt + a.count, ys, b.hashesAt, b.hashesAt + b.count, run)) {
    let j = run.y;
    for (let i = run.x; i < run.xe && j < run.ye; i++) {
      if (pairedA[xs[da + i]]) continue;
      while (j < run.ye && pairedB[ys[db + j]]) j++;
      if (j === run.ye) break;
      pairedA[xs[da + i]] = 1;
      pairedB[ys[db + j++]] = 1;
    }
  }
}

/** The merge's cursor, reused from pair to pair (the scorer runs one pair at a time). */
const commonRun: CommonRun = { x: 0, xe: 0, y: 0, ye: 0 };

/** Bound on the word pairs the sense and spelling stages try (they compare unpaired content words one by one). */
const MAX_TRIES = 4096;

/** The content words of one side still unpaired, in order, written to `out` (at least g.n long); returns how many. */
function unpairedContent(g: SentenceGrams, paired: Uint8Array, out: Int32Array): number {
  let count = 0;
  for (let i = 0; i < g.n; i++) if (g.buf[g.kindAt + i] !== WordClass.Function && !paired[i]) out[count++] = i;
  return count;
}

/**
 * The two sides' unpaired content words of the pair being aligned, reused from pair to pair (typed
 * arrays and a count: emptying an array by `length = 0` drops its storage, and the next push allocates it again).
 */
let restOfA: Int32Array = new Int32Array(64);
let restOfB: Int32Array = new Int32Array(64);


/** Marks of paired words, reused from pair to pair (the scorer runs one pair at a time): no typed array per pair. */
let marksA: Uint8Array = new Uint8Array(64);
let marksB: Uint8Array = new Uint8Array(64);

/** A cleared buffer of at least n marks (only the first n are read). */
function cleared(marks: Uint8Array, n: number): Uint8Array {
  if (marks.length < n) return new Uint8Array(Math.max(n, 2 * marks.length));
  marks.fill(0, 0, n);
  return marks;
}

/** Pairs unpaired content words that share a WordNet sense: restA[0 … countA) with restB[0 … countB), in order. */
function pairBySense(ga: SentenceGrams, gb: SentenceGrams, restA: Int32Array, countA: number, restB: Int32Array, countB: number, pairedA: Uint8Array, pairedB: Uint8Array): void {
  for (let r = 0; r < countA; r++) {
    const i = restA[r];
    const xa = ga.buf[ga.slotAt + i];
    const a0 = ga.senseListAt + ga.buf[ga.senseStartAt + xa];
    const a1 = ga.senseListAt + ga.buf[ga.senseStartAt + xa + 1];
    if (a0 === a1) continue;
    for (let q = 0; q < countB; q++) {
      const j = restB[q];
      if (pairedB[j]) continue;
      const xb = gb.buf[gb.slotAt + j];
      if (!shareSense(ga.buf, a0, a1, gb.buf, gb.senseListAt + gb.buf[gb.senseStartAt + xb], gb.senseListAt + gb.buf[gb.senseStartAt + xb + 1])) continue;
      pairedA[i] = 1;
      pairedB[j] = 1;
      break;
    }
  }
}

/** Whether the senses x[x0 … x1) and y[y0 … y1) have one in common (a few each: scanned). */
function shareSense(x: Int32Array, x0: number, x1: number, y: Int32Array, y0: number, y1: number): boolean {
  for (let q = y0; q < y1; q++) for (let p = x0; p < x1; p++) if (x[p] === y[q]) return true;
  return false;
}

/** At most one letter inserted, deleted or changed ("Manzon"/"Monzon"), for words of five letters or more. */
function oneEditApart(x: string, y: string): boolean {
  if (x.length < 5 || y.length < 5 || Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x.charCodeAt(i) === y.charCodeAt(i)) i++;
  // Past the first difference, the rest must agree: shifted by one where one word is a letter longer.
  const dx = x.length >= y.length ? 1 : 0;
  const dy = y.length >= x.length ? 1 : 0;
  for (let k = i; k + dx < x.length; k++) if (x.charCodeAt(k + dx) !== y.charCodeAt(k + dy)) return false;
  return true;
}

function samePrefix(x: string, y: string, n: number): boolean {
  if (x.length < n || y.length < n) return false;
  for (let k = 0; k < n; k++) if (x.charCodeAt(k) !== y.charCodeAt(k)) return false;
  return true;
}

/** Whether `whole` is `first` followed by `second` ("crosssection" = "cross" + "section"). */
const joins = (whole: string, first: string, second: string): boolean =>
  whole.length === first.length + second.length && whole.startsWith(first) && whole.endsWith(second);

/** How word i of `a` and word j of `b` meet by spelling: not, as one word, or as two words on one side. */
const Spelling = { None: 0, Same: 1, TwoWordsInB: 2, TwoWordsInA: 3 } as const;
type Spelling = (typeof Spelling)[keyof typeof Spelling];

/** Whether word i of `a` and word j of `b` (bare forms) are one word spelt two ways, or one side writes it as two words. */
function spelling(a: readonly string[], i: number, b: readonly string[], j: number): Spelling {
  const x = a[i];
  const y = b[j];
  // Words that start differently can only be one letter apart: the same word, a shared prefix or a
  // compound all start like the other word (most word pairs tried stop here).
  if (x.length > 0 && y.length > 0 && x.charCodeAt(0) !== y.charCodeAt(0)) return oneEditApart(x, y) ? Spelling.Same : Spelling.None;
  if (x === y || oneEditApart(x, y) || samePrefix(x, y, 6)) return Spelling.Same;
  if (j + 1 < b.length && joins(x, y, b[j + 1])) return Spelling.TwoWordsInB;
  return i + 1 < a.length && joins(y, x, a[i + 1]) ? Spelling.TwoWordsInA : Spelling.None;
}

/**
 * Whether two bare words of these shapes (SentenceGrams.shapeAt: low ten bits of the first and last
 * characters, length up to 1,023) can meet by spelling: words that start differently can only be one
 * letter apart there (the same word, a shared prefix or a compound all start like the other word),
 * which wants five letters or more, lengths at most one apart, and the rest of the words alike, so
 * the same last letter. An empty word goes to the full test; characters or lengths cut short only
 * let more pairs through to it.
 */
function mayMeet(x: number, y: number): boolean {
  const lx = x & 1023;
  const ly = y & 1023;
  if (lx === 0 || ly === 0 || x >>> 20 === y >>> 20) return true;
  return lx >= 5 && ly >= 5 && Math.abs(lx - ly) <= 1 && ((x >>> 10) & 1023) === ((y >>> 10) & 1023);
}

/** The shapes of B's unpaired content words in pairBySpelling, reused from pair to pair. */
let shapesOfB: Int32Array = new Int32Array(64);

/** Pairs unpaired content words spelt alike (spelling): restA[0 … countA) with restB[0 … countB), in order. */
function pairBySpelling(ga: SentenceGrams, gb: SentenceGrams, restA: Int32Array, countA: number, restB: Int32Array, countB: number, pairedA: Uint8Array, pairedB: Uint8Array): void {
  // B's shapes side by side, read once per word of A (the inner loop runs for every pair of unpaired words).
  const shapesB = (shapesOfB = roomFor(shapesOfB, countB));
  for (let q = 0; q < countB; q++) shapesB[q] = gb.buf[gb.shapeAt + restB[q]];
  for (let r = 0; r < countA; r++) {
    const i = restA[r];
    if (pairedA[i]) continue;
    const x = ga.buf[ga.shapeAt + i];
    for (let q = 0; q < countB; q++) {
      if (!mayMeet(x, shapesB[q])) continue;
      const j = restB[q];
      if (pairedB[j]) continue;
      const how = spelling(ga.bare, i, gb.bare, j);
      if (how === Spelling.None) continue;
      pairedA[i] = 1;
      pairedB[j] = 1;
      // "cross-section" / "cross section": the second word of the two is paired too.
      if (how === Spelling.TwoWordsInB) pairedB[j + 1] = 1;
      if (how === Spelling.TwoWordsInA) pairedA[i + 1] = 1;
      break;
    }
  }
}

/** What the alignment says about a pair. */
export interface AlignmentEvidence {
  /** The smaller of the two sides' shares of words paired, in [0, 1]. */
  readonly pairedMin: number;
  /** log(1 + the larger of the two sides' count of unpaired content words, reporting verbs aside): what one side adds. */
  readonly unpairedMax: number;
  /** log(1 + the longer sentence's count of unpaired plain content words: not names, numbers or reporting verbs). */
  readonly unpairedOtherLonger: number;
  /** 1 when a reporting verb ("said") is unpaired: one sentence attributes what the other states. */
  readonly reportingUnpaired: number;
}

/** An AlignmentEvidence written in place. */
type Alignment = { -readonly [K in keyof AlignmentEvidence]: AlignmentEvidence[K] };
/** alignGrams' answer, reused from pair to pair. */
const pairAlignment: Alignment = { pairedMin: 0, unpairedMax: 0, unpairedOtherLonger: 0, reportingUnpaired: 0 };

/**
 * Aligns the words of two sentences (see the file comment), given their grams, and measures what each
 * side leaves unpaired; the answer is an object reused from pair to pair (read it before the next pair's).
 */
export function alignGrams(sa: SentenceGrams, sb: SentenceGrams): AlignmentEvidence {
  const na = sa.n;
  const nb = sb.n;
  const pairedA = (marksA = cleared(marksA, na));
  const pairedB = (marksB = cleared(marksB, nb));
  pairEqual(sa, sortedPlace(sa, false, placeA), sb, sortedPlace(sb, false, placeB), pairedA, pairedB);
  pairEqual(sa, sortedPlace(sa, true, placeA), sb, sortedPlace(sb, true, placeB), pairedA, pairedB);
  const restA = (restOfA = roomFor(restOfA, na));
  const restB = (restOfB = roomFor(restOfB, nb));
  const countA = unpairedContent(sa, pairedA, restA);
  const countB = unpairedContent(sb, pairedB, restB);
  if (countA > 0 && countB > 0 && countA * countB <= MAX_TRIES) {
    pairBySense(sa, sb, restA, countA, restB, countB, pairedA, pairedB);
    pairBySpelling(sa, sb, restA, countA, restB, countB, pairedA, pairedB);
  }
  unpairedCounts(sa, restA, countA, pairedA, unpairedOfA);
  unpairedCounts(sb, restB, countB, pairedB, unpairedOfB);
  const e = pairAlignment;
  e.pairedMin = Math.min(share(pairedA, na), share(pairedB, nb));
  e.unpairedMax = Math.log1p(Math.max(unpairedOfA.all, unpairedOfB.all));
  e.unpairedOtherLonger = Math.log1p(na >= nb ? unpairedOfA.other : unpairedOfB.other);
  e.reportingUnpaired = unpairedOfA.reporting + unpairedOfB.reporting > 0 ? 1 : 0;
  return e;
}

/** What one side leaves unpaired (unpairedCounts). */
interface Unpaired {
  all: number;
  other: number;
  reporting: number;
}
/** unpairedCounts' answers for the two sides, reused from pair to pair. */
const unpairedOfA: Unpaired = { all: 0, other: 0, reporting: 0 };
const unpairedOfB: Unpaired = { all: 0, other: 0, reporting: 0 };

function share(paired: Uint8Array, n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) count += paired[i];
  return n === 0 ? 0 : count / n;
}

/**
 * The content words of one side still unpaired (rest[0 … count) less those paired since): all but
 * reporting verbs, plain content words only (not names or numbers), and reporting verbs, written to `out`. Counts, not key weights: weights from two articles and
 * from a whole file of pairs differ in scale, and one pair must get one verdict from both.
 */
function unpairedCounts(shape: SentenceGrams, rest: Int32Array, count: number, paired: Uint8Array, out: Unpaired): void {
  let all = 0;
  let other = 0;
  let reporting = 0;
  for (let r = 0; r < count; r++) {
    const i = rest[r];
    if (paired[i]) continue;
    const kind = shape.buf[shape.kindAt + i];
    if (kind === WordClass.Reporting) {
      reporting++;
      continue;
    }
    all++;
    if (kind === WordClass.Content) other++;
  }
  out.all = all;
  out.other = other;
  out.reporting = reporting;
}

/**
 * Longest common subsequence of the two sentences' words with numbers masked ("rose 14 cents to
 * $13.62" / "rose 12 cents to $13.60": the same sentence about other figures), given the plain one:
 * they differ only when both sentences state numbers. Over the longer sentence, in [0, 1].
 */
export function maskedEditSimilarity(ga: SentenceGrams, gb: SentenceGrams, common: number): number {
  const longer = Math.max(ga.n, gb.n);
  if (longer === 0) return 0;
  // Above the scorer's bound on the quadratic subsequence, the plain figure stands.
  if (ga.maskedAt < 0 || gb.maskedAt < 0 || ga.n * gb.n > MAX_CELLS) return common / longer;
  return lcsLengthIn(ga.buf, ga.maskedAt, ga.n, gb.buf, gb.maskedAt, gb.n) / longer;
}

/**
 * A ceiling on maskedEditSimilarity where it differs from the plain edit similarity (both
 * sentences state numbers), given `shared` ≥ the words the two have in common: a masked common
 * subsequence pairs words of equal hash (at most `shared`) or words of which one is a number (at
 * most the masked words of both). Null where maskedEditSimilarity is common / longer.
 */
export function maskedEditCeiling(ga: SentenceGrams, gb: SentenceGrams, shared: number): number | null {
  const longer = Math.max(ga.n, gb.n);
  if (longer === 0 || ga.maskedAt < 0 || gb.maskedAt < 0 || ga.n * gb.n > MAX_CELLS) return null;
  return Math.min(1, (shared + ga.maskedNumbers + gb.maskedNumbers) / longer);
}

/** What the names (salient words that are not numbers) of two sentences say about the pair. */
export interface NameGaps {
  /** log(1 + names of the longer sentence (by words) that the shorter lacks): usually new facts. */
  readonly longer: number;
  /** log(1 + names of the shorter sentence that the longer lacks): usually a different subject. */
  readonly shorter: number;
  /** Share of the names of both sides that the other side lacks (0 when neither names anyone). */
  readonly mismatch: number;
}

/** How many of `names` the keys of `other` lack. */
function namesLacking(names: readonly string[], other: SentenceFeatures): number {
  let n = 0;
  for (let k = 0; k < names.length; k++) if (!hasKey(other.keys, names[k])) n++;
  return n;
}

/** missingNamesOf's answer, reused from pair to pair. */
const pairNames: { -readonly [K in keyof NameGaps]: NameGaps[K] } = { longer: 0, shorter: 0, mismatch: 0 };

/**
 * The names each sentence lacks of the other's (read from its grams), counted once for both of the
 * scorer's features that read them; the answer is an object reused from pair to pair (read it before the next pair's).
 */
export function missingNamesOf(a: SentenceFeatures, b: SentenceFeatures, ga: SentenceGrams, gb: SentenceGrams): NameGaps {
  const lackA = namesLacking(ga.names, b);
  const lackB = namesLacking(gb.names, a);
  const names = ga.names.length + gb.names.length;
  const aLonger = a.words.length >= b.words.length;
  pairNames.longer = Math.log1p(aLonger ? lackA : lackB);
  pairNames.shorter = Math.log1p(aLonger ? lackB : lackA);
  pairNames.mismatch = names === 0 ? 0 : (lackA + lackB) / names;
  return pairNames;
}
