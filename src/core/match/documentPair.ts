import type { MatchKind } from '../model';
import { matchKeyIds } from './articleFeatures';
import type { ArticleFeatures, SentenceFeatures } from './articleFeatures';
import { monotoneChain } from './alignment';
import type { AlignNode } from './alignment';
import { containedShare, keyOverlap, keyScale, scoreAtLeast } from './sentenceScore';
import type { KeyIdTable, KeyWeight, PairScore, ScoreOptions } from './sentenceScore';
import type { WordRun } from './verbatimRuns';
import { PAIR_SCORE_BUDGET } from './limits';
import { grownArray } from '../util/grownArray';

/** A sentence of article A linked to a sentence of article B. */
export interface SentenceLink {
  readonly i: number;
  readonly j: number;
  readonly score: number;
  readonly kind: MatchKind;
  /** Verbatim runs, as word indices into the two sentences. */
  readonly runs: readonly WordRun[];
  /** True when the link is part of the two documents' monotone alignment. */
  readonly aligned: boolean;
}

/** Links weaker than this never enter an alignment. */
const MIN_LINK = 0.2;
/** Share of the smaller sentence's key weight two sentences must share before they are scored at all. */
const PREFILTER = 0.2;
/** A sentence that shares a key found in more than this share of the other article's sentences learns nothing from it. */
const COMMON_KEY_SHARE = 0.3;
/** A key in more sentences of one article than this says nothing specific about any of them (a refrain, a list's word). */
const MAX_KEY_POSTING = 64;
/**
 * Sentences of A a sentence of B is scored against, at most (the strongest by shared key weight):
 * a line repeated through a transcript would otherwise pair with every repeat.
 */
const MAX_CANDIDATES_PER_SENTENCE = 8;
/** An alignment with this many confident links is a rewrite: its weaker in-order links count too. */
const STRONG_ALIGNMENT = 3;
/** The weakest link an alignment can carry, and how close (in sentences) its neighbour in the chain must be. */
const MIN_SUPPORTED = 0.3;
const NEIGHBOUR_GAP = 2;
/** Share of a sentence's key weight the facing sentence must hold for the two to be one sentence split in two. */
const SPLIT_CONTAINED = 0.5;

/**
 * Key weights local to two articles (a word in most sentences of both weighs little), by key id on
 * each side (articleFeatures' key tables), and the same as a function of the key for the scorer.
 * The arrays are one scratch shared by all pairs (three typed arrays per pair were the pair flow's
 * largest allocation): the pair that used them last owns them, and a pair used again after another
 * computes them again (claim), to the same values.
 */
class PairKeys {
  /** Weight of each key id of A, and of B (the arrays may be longer than the key tables). */
  weightA: Float64Array = EMPTY_WEIGHTS;
  weightB: Float64Array = EMPTY_WEIGHTS;
  /** Key id in A of each key id of B; −1 when A lacks the key. */
  bInA: Int32Array = EMPTY_IDS;
  /** The weight of a key neither article has. */
  private absent = 0;
  readonly weight: KeyWeight;
  /** The weight's key id table (the scorer reads it through weight.table). */
  readonly table: PairKeyIds;

  constructor(private readonly a: ArticleFeatures, private readonly b: ArticleFeatures) {
    this.claim();
    const byKey = (key: string): number => {
      this.claim();
      const idA = a.keyTable.ids.get(key);
      if (idA !== undefined) return this.weightA[idA];
      const idB = b.keyTable.ids.get(key);
      return idB === undefined ? this.absent : this.weightB[idB];
    };
    this.table = new PairKeyIds(a, b, this);
    this.weight = Object.assign(byKey, { table: this.table });
  }

  /** Makes the shared arrays this pair's, computing them when another pair (or none) had them. */
  claim(): void {
    const scratch = weightScratch;
    if (scratch.owner === this) return;
    const ka = this.a.keyTable;
    const kb = this.b.keyTable;
    const nA = ka.keys.length;
    const nB = kb.keys.length;
    if (scratch.weightA.length < nA) scratch.weightA = new Float64Array(Math.max(nA, 2 * scratch.weightA.length));
    if (scratch.weightB.length < nB) {
      scratch.weightB = new Float64Array(Math.max(nB, 2 * scratch.weightB.length));
      scratch.bInA = new Int32Array(scratch.weightB.length);
    }
    const { weightA, weightB, bInA } = scratch;
    bInA.fill(-1, 0, nB);
    // A's ids in B are needed only here: a scratch array too.
    const aInB = keyScratch.aInB(nA);
    matchKeyIds(ka, kb, aInB, bInA);
    const idf = keyScratch.idfOfCount(this.a.sents.length + this.b.sents.length);
    const sa = ka.postingStart;
    const sb = kb.postingStart;
    for (let id = 0; id < nA; id++) {
      const other = aInB[id];
      weightA[id] = idf(sa[id + 1] - sa[id] + (other < 0 ? 0 : sb[other + 1] - sb[other]));
    }
    for (let id = 0; id < nB; id++) weightB[id] = bInA[id] < 0 ? idf(sb[id + 1] - sb[id]) : weightA[bInA[id]];
    this.absent = idf(0);
    this.weightA = weightA;
    this.weightB = weightB;
    this.bInA = bInA;
    scratch.owner = this;
  }
}

const weightScratch: { owner: unknown; weightA: Float64Array; weightB: Float64Array; bInA: Int32Array } = {
  owner: null, weightA: new Float64Array(256), weightB: new Float64Array(256), bInA: new Int32Array(256),
};

function pairKeys(a: ArticleFeatures, b: ArticleFeatures): PairKeys {
  return new PairKeys(a, b);
}

/**
 * Work arrays of pairKeys, reused from pair to pair (small typed arrays are slow to allocate): A's key
 * ids in B, and the weight of each sentence count (log(1 + (n + 1) / (df + 0.5)), each computed once per pair).
 */
const keyScratch = (() => {
  let aInB = new Int32Array(256);
  let idfOfCount = new Float64Array(256);
  let sentences = 0;
  const idf = (df: number): number => {
    if (df > sentences) return Math.log(1 + (sentences + 1) / (df + 0.5));
    let w = idfOfCount[df];
    // NaN: not yet computed for this pair.
    if (Number.isNaN(w)) idfOfCount[df] = w = Math.log(1 + (sentences + 1) / (df + 0.5));
    return w;
  };
  return {
    aInB(length: number): Int32Array {
      if (aInB.length < length) aInB = new Int32Array(Math.max(length, 2 * aInB.length));
      return aInB.fill(-1, 0, length);
    },
    idfOfCount(n: number): (df: number) => number {
      if (idfOfCount.length < n + 1) idfOfCount = new Float64Array(Math.max(n + 1, 2 * idfOfCount.length));
      idfOfCount.fill(NaN, 0, n + 1);
      sentences = n;
      return idf;
    },
  };
})();

/** Per article: each sentence's index, and each key's scale in its sentence (keyScale), along its key table. */
interface SentencePlaces {
  readonly index: ReadonlyMap<SentenceFeatures, number>;
  readonly scale: Float64Array;
}
const placesOf = new WeakMap<ArticleFeatures, SentencePlaces>();
const EMPTY_WEIGHTS = new Float64Array(0);
const EMPTY_IDS = new Int32Array(0);
const EMPTY_FILLED = new Uint8Array(0);

/**
 * The sentence weights, ids and filled marks of the table scored last, reused from table to table
 * (two arrays the size of both articles' keys per pair were most of the pair flow's garbage). One table
 * is scored at a time (a pair's comparison, an anchor pair): a table scored again after another claims them again.
 */
const tableScratch: { owner: unknown; weights: Float64Array; ids: Int32Array; filled: Uint8Array } = {
  owner: null, weights: new Float64Array(1024), ids: new Int32Array(1024), filled: new Uint8Array(256),
};

function sentencePlaces(f: ArticleFeatures): SentencePlaces {
  let places = placesOf.get(f);
  if (places === undefined) {
    const index = new Map<SentenceFeatures, number>();
    const scale = new Float64Array(f.keyTable.sentenceKeys.length);
    f.sents.forEach((s, i) => {
      if (!index.has(s)) index.set(s, i);
      const from = f.keyTable.sentenceKeyStart[i];
      s.keys.forEach((key, k) => { scale[from + k] = keyScale(s, key); });
    });
    places = { index, scale };
    placesOf.set(f, places);
  }
  return places;
}

/**
 * The two articles' sentence keys by id for the scorer: A's sentences then B's, each key's weight
 * in its sentence (the same product weightIn computes), and ids shared by the two (a key of B that
 * A lacks gets an id after A's). Filled a sentence at a time, when the scorer first asks for it.
 */
class PairKeyIds implements KeyIdTable {
  // The shared scratch's, taken at the first sentence asked for (claim): many pairs' weights are built and never scored.
  weights: Float64Array = EMPTY_WEIGHTS;
  ids: Int32Array = EMPTY_IDS;
  readonly idCount: number;
  private filled: Uint8Array = EMPTY_FILLED;
  private readonly pa: SentencePlaces;
  private readonly pb: SentencePlaces;
  // The scorer asks for the same few sentences in turn (candidates come by sentence of B): the last two answers.
  private last0: SentenceFeatures | null = null;
  private last1: SentenceFeatures | null = null;
  private start0 = -1;
  private start1 = -1;

  constructor(private readonly a: ArticleFeatures, private readonly b: ArticleFeatures, private readonly keys: PairKeys) {
    this.pa = sentencePlaces(a);
    this.pb = sentencePlaces(b);
    this.idCount = a.keyTable.keys.length + b.keyTable.keys.length;
  }

  /**
   * Tells the table that the scorer asks next for sentence i of A and sentence j of B (the caller
   * knows their indices): their places are ready without looking the sentences up.
   */
  expect(i: number, j: number): void {
    this.claim();
    this.last0 = this.a.sents[i];
    this.start0 = this.fillA(i);
    this.last1 = this.b.sents[j];
    this.start1 = this.fillB(j);
  }

  start(s: SentenceFeatures): number {
    this.claim();
    if (s === this.last0) return this.start0;
    if (s === this.last1) return this.start1;
    const at = this.place(s);
    this.last1 = this.last0;
    this.start1 = this.start0;
    this.last0 = s;
    this.start0 = at;
    return at;
  }

  private place(s: SentenceFeatures): number {
    const i = this.pa.index.get(s);
    const j = i === undefined ? this.pb.index.get(s) : undefined;
    if (j === undefined && i === undefined) return -1;
    return i !== undefined ? this.fillA(i) : this.fillB(j as number);
  }

  /** Takes the shared scratch when another table (or none) holds it: nothing of this table's is filled in it then. */
  private claim(): void {
    const scratch = tableScratch;
    if (scratch.owner === this) return;
    const keys = this.a.keyTable.sentenceKeys.length + this.b.keyTable.sentenceKeys.length;
    const sentences = this.a.sents.length + this.b.sents.length;
    if (scratch.weights.length < keys) {
      scratch.weights = new Float64Array(Math.max(keys, 2 * scratch.weights.length));
      scratch.ids = new Int32Array(scratch.weights.length);
    }
    if (scratch.filled.length < sentences) scratch.filled = new Uint8Array(Math.max(sentences, 2 * scratch.filled.length));
    scratch.filled.fill(0, 0, sentences);
    scratch.owner = this;
    this.weights = scratch.weights;
    this.ids = scratch.ids;
    this.filled = scratch.filled;
    this.last0 = this.last1 = null;
    this.start0 = this.start1 = -1;
  }

  private fillA(i: number): number {
    const ka = this.a.keyTable;
    const from = ka.sentenceKeyStart[i];
    if (this.filled[i] === 1) return from;
    this.filled[i] = 1;
    this.keys.claim();
    for (let k = from; k < ka.sentenceKeyStart[i + 1]; k++) {
      this.ids[k] = ka.sentenceKeys[k];
      this.weights[k] = this.keys.weightA[ka.sentenceKeys[k]] * this.pa.scale[k];
    }
    return from;
  }

  private fillB(j: number): number {
    const kb = this.b.keyTable;
    const nA = this.a.keyTable.sentenceKeys.length;
    const from = nA + kb.sentenceKeyStart[j];
    if (this.filled[this.a.sents.length + j] === 1) return from;
    this.filled[this.a.sents.length + j] = 1;
    this.keys.claim();
    const { bInA, weightB } = this.keys;
    for (let k = kb.sentenceKeyStart[j]; k < kb.sentenceKeyStart[j + 1]; k++) {
      const id = kb.sentenceKeys[k];
      this.ids[nA + k] = bInA[id] < 0 ? this.a.keyTable.keys.length + id : bInA[id];
      this.weights[nA + k] = weightB[id] * this.pb.scale[k];
    }
    return from;
  }
}

/** Key weights local to the two articles: a word in most sentences of both weighs little. Pure in (a, b). */
export function pairWeights(a: ArticleFeatures, b: ArticleFeatures): KeyWeight {
  return pairKeys(a, b).weight;
}

/** Two articles' key weights for the scorer, and a way to tell it which sentences it scores next. */
export interface PairScorer {
  readonly weight: KeyWeight;
  /** Sentence i of A and sentence j of B come next: their places are ready without looking them up. */
  expect(i: number, j: number): void;
}

/** pairWeights with its key id table's expect: scoring sentence pairs whose indices the caller knows. */
export function pairScorer(a: ArticleFeatures, b: ArticleFeatures): PairScorer {
  const { weight, table } = pairKeys(a, b);
  return { weight, expect: (i, j) => table.expect(i, j) };
}

/** What comparing two articles found, and how much work it took (cached with the links, so counters do not depend on the cache). */
export interface PairComparison {
  readonly links: readonly SentenceLink[];
  /** Sentence pairs scored. */
  readonly scored: number;
  /** True when the pair had more candidates than its budget: only the strongest were scored. */
  readonly capped: boolean;
}

/**
 * Candidate sentence pairs of two articles, the first `count` of parallel arrays; `strength` is the
 * shared key weight over the smaller sentence's. One set of arrays, reused from pair to pair.
 */
interface Candidates {
  i: Int32Array;
  j: Int32Array;
  strength: Float64Array;
  count: number;
}

const candidateArrays: Candidates = { i: new Int32Array(1024), j: new Int32Array(1024), strength: new Float64Array(1024), count: 0 };

function growCandidates(c: Candidates): void {
  c.i = grownArray(c.i, 2 * c.count);
  c.j = grownArray(c.j, 2 * c.count);
  c.strength = grownArray(c.strength, 2 * c.count);
}

/**
 * Sentences of A that share at least two content keys with a sentence of B (one, for sentences
 * of one or two keys), and enough of their weight that the pair could reach a link (the score
 * is at most the containment): found through A's key table, never by trying all pairs.
 */
function candidateSentences(a: ArticleFeatures, b: ArticleFeatures, keys: PairKeys): Candidates {
  keys.claim();
  const maxPosting = Math.min(MAX_KEY_POSTING, Math.max(3, Math.ceil(a.sents.length * COMMON_KEY_SHARE)));
  const { postingStart, postings } = a.keyTable;
  const nA = a.sents.length;
  // Key weight of each sentence (−1: not yet), computed only for sentences that get that far; the hits
  // are reset to 0 after each sentence of B.
  const { totalA, hitCount, hitWeight, touched } = candidateScratch(nA);
  // The sentences of A the sentence of B hits, touched[0 … hits): an Int32Array, since a JS array emptied with
  // `length = 0` drops its storage and grew it again for every sentence.
  let hits = 0;
  const out = candidateArrays;
  out.count = 0;
  const sb = b.keyTable;
  const startA = a.keyTable.sentenceKeyStart;
  for (let j = 0; j < b.sents.length; j++) {
    const fewB = sb.sentenceKeyStart[j + 1] - sb.sentenceKeyStart[j] <= 2;
    for (let k = sb.sentenceKeyStart[j]; k < sb.sentenceKeyStart[j + 1]; k++) {
      const idA = keys.bInA[sb.sentenceKeys[k]];
      if (idA < 0 || postingStart[idA + 1] - postingStart[idA] > maxPosting) continue;
      const w = keys.weightB[sb.sentenceKeys[k]];
      for (let p = postingStart[idA]; p < postingStart[idA + 1]; p++) {
        const i = postings[p];
        if (hitCount[i] === 0) touched[hits++] = i;
        hitCount[i]++;
        hitWeight[i] += w;
      }
    }
    let totalB = -1;
    const from = out.count;
    for (let t = 0; t < hits; t++) {
      const i = touched[t];
      const count = hitCount[i];
      const shared = hitWeight[i];
      hitCount[i] = 0;
      hitWeight[i] = 0;
      // Key counts from the tables' offsets (a sentence's `keys` is one more object to load per hit).
      if (count < 2 && !(count === 1 && (fewB || startA[i + 1] - startA[i] <= 2))) continue;
      if (totalA[i] < 0) totalA[i] = keyWeightOf(a.keyTable, i, keys.weightA);
      if (totalB < 0) totalB = keyWeightOf(sb, j, keys.weightB);
      const smaller = Math.min(totalA[i], totalB);
      if (shared < PREFILTER * smaller) continue;
      if (out.count === out.i.length) growCandidates(out);
      out.i[out.count] = i;
      out.j[out.count] = j;
      out.strength[out.count++] = smaller === 0 ? 0 : shared / smaller;
    }
    keepStrongest(out, from, MAX_CANDIDATES_PER_SENTENCE);
    hits = 0;
  }
  return out;
}

/** Per sentence of A, reused from article pair to article pair (the pairs are compared one at a time). */
let scratch = { totalA: new Float64Array(64), hitCount: new Int32Array(64), hitWeight: new Float64Array(64), touched: new Int32Array(64) };

/** The scratch for an article of nA sentences: totals at −1, hits at 0 (they are left at 0 after use). */
function candidateScratch(nA: number): typeof scratch {
  if (scratch.totalA.length < nA) {
    const size = Math.max(nA, 2 * scratch.totalA.length);
    scratch = { totalA: new Float64Array(size), hitCount: new Int32Array(size), hitWeight: new Float64Array(size), touched: new Int32Array(size) };
  }
  scratch.totalA.fill(-1, 0, nA);
  return scratch;
}

/** The summed weight of sentence `s`'s keys (in their order), from its side's weights by key id. */
function keyWeightOf(table: ArticleFeatures['keyTable'], s: number, weights: Float64Array): number {
  let total = 0;
  for (let k = table.sentenceKeyStart[s]; k < table.sentenceKeyStart[s + 1]; k++) total += weights[table.sentenceKeys[k]];
  return total;
}

const orderScratch: number[] = [];
let keptScratch = { i: new Int32Array(MAX_CANDIDATES_PER_SENTENCE), j: new Int32Array(MAX_CANDIDATES_PER_SENTENCE), strength: new Float64Array(MAX_CANDIDATES_PER_SENTENCE) };

/** Keeps the `max` strongest of the candidates from index `from` on (ties: the earlier sentence), in sentence order. */
function keepStrongest(c: Candidates, from: number, max: number): void {
  const n = c.count - from;
  if (n <= max) return;
  const order = orderScratch;
  order.length = 0;
  for (let k = from; k < c.count; k++) order.push(k);
  order.sort((x, y) => c.strength[y] - c.strength[x] || c.i[x] - c.i[y]);
  order.length = max;
  order.sort((x, y) => c.i[x] - c.i[y]);
  // The kept ones, copied out, then back from `from` on in i order.
  if (keptScratch.i.length < max) keptScratch = { i: new Int32Array(max), j: new Int32Array(max), strength: new Float64Array(max) };
  const kept = keptScratch;
  for (let t = 0; t < max; t++) {
    const k = order[t];
    kept.i[t] = c.i[k];
    kept.j[t] = c.j[k];
    kept.strength[t] = c.strength[k];
  }
  for (let t = 0; t < max; t++) {
    c.i[from + t] = kept.i[t];
    c.j[from + t] = kept.j[t];
    c.strength[from + t] = kept.strength[t];
  }
  c.count = from + max;
}

/** Indices of the candidates to score, in their original order, when they are more than `budget`: the strongest `budget`; null: all. */
function withinBudget(c: Candidates, budget: number): number[] | null {
  if (c.count <= budget) return null;
  return Array.from({ length: c.count }, (_, k) => k).sort((x, y) => c.strength[y] - c.strength[x] || x - y).slice(0, budget).sort((x, y) => x - y);
}

/**
 * Compares two articles: finds candidate sentence pairs through shared content keys (never all
 * pairs), scores at most PAIR_SCORE_BUDGET per sentence of the two (the strongest), aligns the
 * documents in order (allowing a sentence split in two), and keeps the links that are matches
 * on their own or by their place in a strong alignment.
 */
/**
 * What a pair's comparison measured of sentence pairs it may not link, by sentence pair (i·|B| + j):
 * the score, or MIN_LINK for a pair known to score under it (scoreAtLeast's null). The quote anchors
 * of the same two articles read it instead of scoring those sentence pairs again (same weights, same
 * scorer: the same answers). Pairs with a kind are left out: the comparison always links them.
 */
export type MeasuredPairs = Map<number, PairScore | number>;

export function comparePair(a: ArticleFeatures, b: ArticleFeatures, options: ScoreOptions, measured?: MeasuredPairs): PairComparison {
  const keys = pairKeys(a, b);
  const weight = keys.weight;
  const nA = a.sents.length;
  const candidates = candidateSentences(a, b, keys);
  const chosen = withinBudget(candidates, PAIR_SCORE_BUDGET * (nA + b.sents.length));
  const count = chosen === null ? candidates.count : chosen.length;
  const capped = count < candidates.count;
  const scored = new Map<number, PairScore>();
  for (let c = 0; c < count; c++) {
    const k = chosen === null ? c : chosen[c];
    const i = candidates.i[k];
    const j = candidates.j[k];
    let s = sameSentence(a.sents[i], b.sents[j], options);
    if (s === null) {
      keys.table.expect(i, j);
      s = scoreAtLeast(a.sents[i], b.sents[j], weight, options, MIN_LINK);
      if (measured !== undefined && (s === null || s.kind === null)) measured.set(i * b.sents.length + j, s ?? MIN_LINK);
    }
    if (s !== null && (s.score >= MIN_LINK || s.kind !== null)) scored.set(j * nA + i, s);
  }
  const links = alignedLinks(a, b, keys, scored, options);
  return { links, scored: count, capped };
}

/**
 * The score of two sentences with the same words (a sentence copied word for word, the commonest
 * pair in dense reuse), without the scorer: one run over the whole sentence, verbatim, score 1,
 * which is what scoreSentences says of such a pair. Null for any other pair, and for sentences
 * shorter than a verbatim run, which the scorer judges.
 */
function sameSentence(a: SentenceFeatures, b: SentenceFeatures, options: ScoreOptions): PairScore | null {
  const n = a.words.length;
  if (n !== b.words.length || n < Math.max(1, options.minSharedWords) || n > 65535) return null;
  for (let k = 0; k < n; k++) if (a.words[k] !== b.words[k]) return null;
  return { score: 1, kind: 'verbatim', runs: [{ a: 0, b: 0, length: n }], overlap: 1, editSimilarity: 1, paraphrase: 1 };
}

/** The sentence links of two articles (comparePair without its work counts). */
export function compareArticles(a: ArticleFeatures, b: ArticleFeatures, options: ScoreOptions): SentenceLink[] {
  return [...comparePair(a, b, options).links];
}

/** Whether chain node m (if any) is within NEIGHBOUR_GAP sentences of n on both sides. */
function near(m: AlignNode | undefined, n: AlignNode): boolean {
  return m !== undefined && Math.abs(m.i0 - n.i0) <= NEIGHBOUR_GAP && Math.abs(m.j0 - n.j0) <= NEIGHBOUR_GAP;
}

/** The links of two articles from their scored sentence pairs (key j·nA + i): aligned ones and strong ones out of order. */
function alignedLinks(
  a: ArticleFeatures, b: ArticleFeatures, keys: PairKeys,
  scored: ReadonlyMap<number, PairScore>, options: ScoreOptions,
): SentenceLink[] {
  const nA = a.sents.length;
  const nodes = alignmentNodes(a, b, keys, scored);
  const chain = monotoneChain(nodes);
  let confident = 0;
  for (const k of chain) if (nodes[k].score >= options.paraphraseThreshold) confident++;
  const links = new Map<number, SentenceLink>();
  const add = (i: number, j: number, score: number, kind: MatchKind, aligned: boolean) => {
    const key = j * nA + i;
    const own = scored.get(key);
    const old = links.get(key);
    if (old && old.score >= score) return;
    const bestKind: MatchKind = own?.kind === 'verbatim' || own?.kind === 'near-verbatim' ? own.kind : kind;
    links.set(key, { i, j, score: Math.min(1, Math.max(score, own?.score ?? 0)), kind: bestKind, runs: own?.runs ?? NO_RUNS, aligned });
  };
  for (let c = 0; c < chain.length; c++) {
    const n = nodes[chain[c]];
    if (n.score < options.paraphraseThreshold) {
      // A weaker link counts only inside a rewrite: the alignment is strong and a neighbour in the chain is close by.
      const supported = confident >= STRONG_ALIGNMENT && n.score >= MIN_SUPPORTED && (near(nodes[chain[c - 1]], n) || near(nodes[chain[c + 1]], n));
      if (!supported) continue;
    }
    for (let i = n.i0; i <= n.i1; i++) {
      for (let j = n.j0; j <= n.j1; j++) add(i, j, n.score, 'paraphrase', true);
    }
  }
  // Matches out of order still count (a quote moved to the end, a paragraph moved up).
  scored.forEach((s, key) => {
    if (s.kind === null || links.has(key)) return;
    const i = key % nA;
    add(i, (key - i) / nA, s.score, s.kind, false);
  });
  return inSentenceOrder(links);
}

/**
 * The links by sentence of A, then of B. They are in that order already unless a link out of order
 * came after the chain (the chain and its split nodes advance on both sides): sorted only then.
 */
function inSentenceOrder(links: ReadonlyMap<number, SentenceLink>): SentenceLink[] {
  const out: SentenceLink[] = [];
  let sorted = true;
  links.forEach((l) => {
    const last = out.length === 0 ? undefined : out[out.length - 1];
    if (last !== undefined && (last.i > l.i || (last.i === l.i && last.j > l.j))) sorted = false;
    out.push(l);
  });
  return sorted ? out : out.sort((x, y) => x.i - y.i || x.j - y.j);
}

/** The runs of a link its sentences' own score did not give (one array for all: links are never changed). */
const NO_RUNS: readonly WordRun[] = Object.freeze([]);

/** The four neighbours of a sentence pair: the next or previous sentence on one side. */
export const NEIGHBOURS = [[1, 0], [-1, 0], [0, 1], [0, -1]] as const;

/**
 * Nodes for the alignment: single pairs, and a sentence against two adjacent ones (a sentence
 * split in two): the second half must be a piece of the sentence it faces.
 */
function alignmentNodes(
  a: ArticleFeatures, b: ArticleFeatures, keys: PairKeys, scored: ReadonlyMap<number, PairScore>,
): (AlignNode & { score: number })[] {
  const weight = keys.weight;
  const nA = a.sents.length;
  const nB = b.sents.length;
  const nodes: (AlignNode & { score: number })[] = [];
  // Split nodes already added, by (i0, j0) and which side is split.
  const seen = new Set<number>();
  // forEach, not for…of over entries: no [key, value] array per scored pair.
  scored.forEach((s, key) => {
    const i = key % nA;
    const j = (key - i) / nA;
    nodes.push({ i0: i, i1: i, j0: j, j1: j, weight: s.score - MIN_LINK, score: s.score });
    if (s.score < MIN_LINK) return;
    for (const [di, dj] of NEIGHBOURS) {
      const ii = i + di;
      const jj = j + dj;
      if (ii < 0 || jj < 0 || ii >= nA || jj >= nB) continue;
      const i0 = Math.min(i, ii);
      const j0 = Math.min(j, jj);
      const id = (i0 * nB + j0) * 2 + (di !== 0 ? 1 : 0);
      if (seen.has(id)) continue;
      const part = di !== 0 ? a.sents[ii] : b.sents[jj];
      const whole = di !== 0 ? b.sents[j] : a.sents[i];
      if (part.keys.length < 2) continue;
      // The two sentences' indices are known: their places in the key id table need no look-up by sentence.
      keys.table.expect(di !== 0 ? ii : i, di !== 0 ? j : jj);
      if (containedShare(part, whole, weight) < SPLIT_CONTAINED) continue;
      seen.add(id);
      const merged = Math.max(s.score, keyOverlap(a.sents.slice(i0, Math.max(i, ii) + 1), b.sents.slice(j0, Math.max(j, jj) + 1), weight));
      nodes.push({ i0, i1: Math.max(i, ii), j0, j1: Math.max(j, jj), weight: 1.5 * (merged - MIN_LINK), score: merged });
    }
  });
  return nodes;
}
