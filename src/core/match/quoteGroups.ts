import type { Quote, QuoteGroup, QuoteOccurrence, QuoteRelation, Sentence, Span } from '../model';
import type { CancellationLike } from '../cancellation';
import { throwIfCancelled } from '../cancellation';
import { STOPWORDS, eachWord } from '../text/tokens';
import type { Token } from '../text/tokens';
import { isReportingWord, wordKey } from './lexicon';

/**
 * The same quotation across sources: verbatim, a fragment of it (partial), or — the case a
 * fact-checker cares about — quotation marks around different words for the same statement by
 * the same speaker (reworded). Candidates come from an index of content words, so a bundle with
 * thousands of quotes never compares all pairs.
 */

/** One article's quotes; its text and sentences, when given, let short or reworded quotes be judged by their context. */
export interface QuoteSource {
  readonly quotes: readonly Quote[];
  readonly text?: string;
  readonly sentences?: readonly Sentence[];
  /** tokenize(text) (text/tokens.ts), when the caller has it already: saves reading the article again. */
  readonly tokens?: readonly Token[];
}

/** Fragments need this many content words to count as partial quotes on their words alone. */
const MIN_FRAGMENT_CONTENT = 3;
/** Score a rewording needs: the mean of word and word-order similarity, plus half the context similarity. */
const REWORDED_THRESHOLD = 0.6;
/** quoteRelation without context: the mean of word and word-order similarity a rewording needs. */
const TEXT_ONLY_THRESHOLD = 0.48;
/** Below this word similarity two quotes are different statements whatever their context. */
const MIN_WORD_SIMILARITY = 0.25;
/** Context similarity that lets a fragment of 2 content words and under 4 words count as partial (same speaker). */
const SHORT_FRAGMENT_CONTEXT = 0.3;
/** Words so common among quotes that they find no useful candidates. */
const MAX_POSTING = 5000;

/** A word's comparison key: its stem and synonym group, shared with paraphrase scoring (lexicon.ts). */
export function stem(word: string): string {
  return wordKey(word);
}

/** The folded words of a text, with "make sure" read as one word. */
function words(text: string): string[] {
  const out: string[] = [];
  const tokens: { norm: string }[] = [];
  eachWord(text, 0, text.length, (_start, _end, norm) => tokens.push({ norm }));
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].norm;
    if (w === 'make' && tokens[i + 1]?.norm === 'sure') {
      out.push('make_sure');
      i++;
    } else {
      out.push(w);
    }
  }
  return out;
}

function contentStems(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of ws) {
    if (!STOPWORDS.has(w) && !isReportingWord(w) && !/^\d+$/.test(w)) {
      out.push(stem(w));
    }
  }
  return out;
}

interface Info {
  readonly article: number;
  readonly index: number;
  readonly quote: Quote;
  /** Folded words joined by single spaces, padded: " a b c ", for fragment tests. */
  readonly seq: string;
  readonly content: number;
  /** Stems of every word in order, function words included: rewordings keep the sentence's frame. */
  readonly frame: readonly string[];
  readonly stems: ReadonlySet<string>;
  readonly context: ReadonlySet<string>;
  readonly speakerKey: string | null;
}

function infoOf(article: number, index: number, quote: Quote, context: ReadonlySet<string>): Info {
  const raw = words(quote.text);
  const ws = raw.map((w) => (w === 'make_sure' ? 'make sure' : w));
  const stems = contentStems(raw);
  return {
    frame: raw.map(stem),
    article,
    index,
    quote,
    seq: ` ${ws.join(' ')} `,
    content: ws.filter((w) => !STOPWORDS.has(w)).length,
    stems: new Set(stems),
    context,
    speakerKey: quote.speakerKey,
  };
}

/** An article's words, tokenized once for the contexts of all its quotes. */
interface ArticleWords {
  readonly starts: readonly number[];
  readonly norms: readonly string[];
}

/** Index of the first word starting at or after offset. */
function wordAt(words: ArticleWords, offset: number): number {
  let lo = 0;
  let hi = words.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words.starts[mid] < offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** The sentences a quote overlaps and one on either side (±250 characters without sentences). */
function windowOf(source: QuoteSource, textLength: number, quote: Quote): Span {
  let from = Math.max(0, quote.start - 250);
  let to = Math.min(textLength, quote.end + 250);
  const sentences = source.sentences;
  if (sentences !== undefined && sentences.length > 0) {
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].end <= quote.start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo < sentences.length && sentences[lo].start < quote.end) {
      let last = lo;
      while (last + 1 < sentences.length && sentences[last + 1].start < quote.end) {
        last++;
      }
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
    while (i + 1 < sorted.length && sorted[i + 1].start <= end) {
      end = Math.max(end, sorted[++i].end);
    }
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
function contextOf(all: ArticleWords | null, quote: Quote, window: Span): Set<string> {
  if (all === null) {
    return new Set();
  }
  const speakerWords = new Set(words(quote.speaker ?? ''));
  const ws: string[] = [];
  for (const [a, b] of [[window.start, quote.start], [quote.end, window.end]]) {
    for (let i = wordAt(all, a); i < all.starts.length && all.starts[i] < b; i++) {
      if (!speakerWords.has(all.norms[i])) {
        ws.push(all.norms[i]);
      }
    }
  }
  return new Set(contentStems(ws));
}

/** Share of the smaller set found in the larger one, and Dice over both. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): { shared: number; dice: number; cover: number } {
  if (a.size === 0 || b.size === 0) {
    return { shared: 0, dice: 0, cover: 0 };
  }
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) {
    if (large.has(s)) {
      shared++;
    }
  }
  return { shared, dice: (2 * shared) / (a.size + b.size), cover: shared / small.size };
}

/** The shorter of two word sequences, when it occurs whole inside the longer one. */
function fragmentOf(a: Info, b: Info): Info | null {
  if (a.seq.length <= b.seq.length) {
    return a.seq.trim().length > 0 && b.seq.includes(a.seq) ? a : null;
  }
  return b.seq.trim().length > 0 && a.seq.includes(b.seq) ? b : null;
}

/** How far two quotes' words say the same thing, in [0, 1]: Dice lifted by how much of the shorter is covered. */
function wordSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const o = overlap(a, b);
  return (o.dice + o.cover) / 2;
}

/** Longest common subsequence of two word sequences over the shorter one's length, in [0, 1]. */
function orderSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) {
    return 0;
  }
  const [x, y] = a.length <= b.length ? [a, b] : [b, a];
  let prev = new Uint16Array(x.length + 1);
  let cur = new Uint16Array(x.length + 1);
  for (let j = 1; j <= y.length; j++) {
    for (let i = 1; i <= x.length; i++) {
      cur[i] = x[i - 1] === y[j - 1] ? prev[i - 1] + 1 : Math.max(prev[i], cur[i - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[x.length] / x.length;
}

/** Similarity of two wordings on their words alone: shared content words and shared sentence frame. */
function wordingSimilarity(a: Info, b: Info): number {
  const word = wordSimilarity(a.stems, b.stems);
  if (word < MIN_WORD_SIMILARITY || Math.min(a.content, b.content) < MIN_FRAGMENT_CONTENT) {
    return 0;
  }
  const frames = [a.frame.slice(0, 400), b.frame.slice(0, 400)];
  return (word + orderSimilarity(frames[0], frames[1])) / 2;
}

function speakersCompatible(a: Info, b: Info): boolean {
  return a.speakerKey === null || b.speakerKey === null || a.speakerKey === b.speakerKey;
}

interface Edge {
  readonly relation: QuoteRelation;
  readonly score: number;
}

/** The relation of b to a, with the evidence of their contexts; null when they are different statements. */
function relate(a: Info, b: Info): Edge | null {
  const sameArticle = a.article === b.article;
  const contextSim = overlap(a.context, b.context).dice;
  if (a.seq === b.seq) {
    // Short scare quotes ("continuing") repeat by chance; they need the same speaker and context.
    if (a.content >= MIN_FRAGMENT_CONTENT || (a.speakerKey !== null && a.speakerKey === b.speakerKey && (sameArticle || contextSim >= SHORT_FRAGMENT_CONTEXT))) {
      return speakersCompatible(a, b) || a.content >= 6 ? { relation: 'verbatim', score: 2 + contextSim } : null;
    }
    return null;
  }
  const fragment = fragmentOf(a, b);
  if (fragment !== null) {
    const long = fragment.content >= MIN_FRAGMENT_CONTENT;
    const sameSpeaker = a.speakerKey !== null && a.speakerKey === b.speakerKey;
    if ((long && (speakersCompatible(a, b) || fragment.content >= 6)) || (fragment.content >= 2 && !sameArticle && sameSpeaker && (fragment.frame.length >= 4 || contextSim >= SHORT_FRAGMENT_CONTEXT))) {
      return { relation: 'partial', score: 1.5 + contextSim };
    }
    return null;
  }
  if (sameArticle || !speakersCompatible(a, b) || (a.speakerKey === null && b.speakerKey === null)) {
    return null;
  }
  const score = wordingSimilarity(a, b) + contextSim / 2;
  return score >= REWORDED_THRESHOLD ? { relation: 'reworded', score } : null;
}

/**
 * The relation of quote b to quote a on their words alone: 'verbatim' (same words after folding),
 * 'partial' (one is a run of ≥ 3 content words of the other), 'reworded' (different words that
 * overlap enough to be the same statement), or null. groupQuotes also weighs speakers and context.
 */
export function quoteRelation(a: string, b: string): QuoteRelation | null {
  const ia = infoOf(0, 0, { start: 0, end: 0, text: a, inner: { start: 0, end: 0 }, speaker: null, speakerKey: null, cue: null }, new Set());
  const ib = infoOf(1, 0, { start: 0, end: 0, text: b, inner: { start: 0, end: 0 }, speaker: null, speakerKey: null, cue: null }, new Set());
  if (ia.seq.trim().length === 0 || ib.seq.trim().length === 0) {
    return null;
  }
  if (ia.seq === ib.seq) {
    return 'verbatim';
  }
  const fragment = fragmentOf(ia, ib);
  if (fragment !== null) {
    return fragment.content >= MIN_FRAGMENT_CONTENT ? 'partial' : null;
  }
  return wordingSimilarity(ia, ib) >= TEXT_ONLY_THRESHOLD ? 'reworded' : null;
}

/** Reading order across the bundle: article, then position. */
function before(a: Info, b: Info): boolean {
  return a.article < b.article || (a.article === b.article && a.quote.start < b.quote.start);
}

interface Cluster {
  ref: number;
  readonly members: number[];
  readonly articles: Set<number>;
}

/**
 * Groups the quotes of a bundle: each group lists its occurrences in bundle order, each with its
 * relation to the first. Only groups of two or more occurrences are returned. Quotes nested inside
 * another quote are left out (they are someone else's words, quoted by the speaker).
 */
export function groupQuotes(articles: readonly QuoteSource[], token?: CancellationLike): QuoteGroup[] {
  const infos: Info[] = [];
  for (let a = 0; a < articles.length; a++) {
    const source = articles[a];
    const quotes = source.quotes;
    const text = source.text;
    const windows = text === undefined ? [] : quotes.map((q) => windowOf(source, text.length, q));
    const all = text !== undefined && quotes.length > 0 ? wordsAround(source, text, windows) : null;
    for (let i = 0; i < quotes.length; i++) {
      const q = quotes[i];
      const nested = quotes.some((o, j) => j !== i && o.start <= q.start && o.end >= q.end && (o.start < q.start || o.end > q.end));
      if (!nested) {
        infos.push(infoOf(a, i, q, contextOf(all, q, windows[i] ?? q)));
      }
    }
    throwIfCancelled(token);
  }

  // Candidates: pairs that share content stems (or, for short quotes, their only ones). The index
  // grows as quotes are read, so each quote meets only the ones before it.
  const edges: { a: number; b: number; edge: Edge }[] = [];
  const postings = new Map<string, number[]>();
  const firstBySeq = new Map<string, number>();
  const shared = new Map<number, number>();
  for (let i = 0; i < infos.length; i++) {
    if ((i & 255) === 0) {
      throwIfCancelled(token);
    }
    const info = infos[i];
    const twin = firstBySeq.get(info.seq);
    if (twin !== undefined && infos[twin].content >= MIN_FRAGMENT_CONTENT) {
      // An exact repeat links to the first copy and shares its candidates: a quote carried by
      // a hundred sources costs a hundred links, not five thousand comparisons.
      const edge = relate(infos[twin], info);
      if (edge !== null) {
        edges.push({ a: twin, b: i, edge });
        continue;
      }
    }
    if (twin === undefined) {
      firstBySeq.set(info.seq, i);
    }
    shared.clear();
    for (const s of info.stems) {
      const list = postings.get(s);
      if (list === undefined || list.length > MAX_POSTING) {
        continue;
      }
      for (const j of list) {
        shared.set(j, (shared.get(j) ?? 0) + 1);
      }
    }
    for (const [j, n] of shared) {
      if (n < Math.min(2, info.stems.size, infos[j].stems.size)) {
        continue;
      }
      const [first, second] = before(infos[j], info) ? [j, i] : [i, j];
      const edge = relate(infos[first], infos[second]);
      if (edge !== null) {
        edges.push({ a: first, b: second, edge });
      }
    }
    for (const s of info.stems) {
      const list = postings.get(s);
      if (list === undefined) {
        postings.set(s, [i]);
      } else {
        list.push(i);
      }
    }
  }

  // Strongest links first; a merge must leave every member related to the group's first occurrence.
  edges.sort((x, y) => y.edge.score - x.edge.score || x.a - y.a || x.b - y.b);
  const clusterOf = new Map<number, Cluster>();
  const relation = new Map<number, QuoteRelation>();
  const clusterFor = (i: number): Cluster => {
    let c = clusterOf.get(i);
    if (c === undefined) {
      c = { ref: i, members: [i], articles: new Set([infos[i].article]) };
      clusterOf.set(i, c);
      relation.set(i, 'verbatim');
    }
    return c;
  };
  for (const { a, b } of edges) {
    const ca = clusterFor(a);
    const cb = clusterFor(b);
    if (ca === cb) {
      continue;
    }
    const ref = before(infos[ca.ref], infos[cb.ref]) ? ca.ref : cb.ref;
    // Members whose reference changes must be checked against the new one.
    const moved = ref === ca.ref ? cb.members : ca.members;
    const kept = ref === ca.ref ? ca : cb;
    const next = new Map<number, QuoteRelation>();
    let ok = true;
    for (const m of moved) {
      const r = m === ref ? null : relate(infos[ref], infos[m]);
      if (r !== null) {
        // Two occurrences from one article are the same quote repeated, never two wordings of it.
        if (r.relation === 'reworded' && kept.articles.has(infos[m].article)) {
          ok = false;
          break;
        }
        next.set(m, r.relation);
        continue;
      }
      // A fragment of a member is a fragment of the quotation, even when it misses the first one's words.
      if (infos[m].content >= MIN_FRAGMENT_CONTENT && kept.members.some((k) => fragmentOf(infos[k], infos[m]) === infos[m])) {
        next.set(m, 'partial');
        continue;
      }
      ok = false;
      break;
    }
    if (!ok) {
      continue;
    }
    // The larger member list absorbs the smaller one.
    const [big, small] = ca.members.length >= cb.members.length ? [ca, cb] : [cb, ca];
    for (const m of small.members) {
      big.members.push(m);
      big.articles.add(infos[m].article);
      clusterOf.set(m, big);
    }
    big.ref = ref;
    for (const [m, r] of next) {
      relation.set(m, r);
    }
    relation.set(ref, 'verbatim');
  }

  const groups: QuoteGroup[] = [];
  const seen = new Set<Cluster>();
  for (const c of clusterOf.values()) {
    if (seen.has(c) || c.members.length < 2) {
      continue;
    }
    seen.add(c);
    const members = [...c.members].sort((x, y) => (before(infos[x], infos[y]) ? -1 : before(infos[y], infos[x]) ? 1 : 0));
    const occurrences: QuoteOccurrence[] = members.map((m) => ({
      article: infos[m].article,
      quote: infos[m].index,
      start: infos[m].quote.start,
      end: infos[m].quote.end,
      text: infos[m].quote.text,
      speaker: infos[m].quote.speaker,
      relation: m === c.ref ? 'verbatim' : relation.get(m) ?? 'reworded',
    }));
    const speakerKey = infos[c.ref].speakerKey ?? members.map((m) => infos[m].speakerKey).find((k) => k !== null) ?? null;
    groups.push({ speakerKey, occurrences });
  }
  groups.sort((x, y) => x.occurrences[0].article - y.occurrences[0].article || x.occurrences[0].start - y.occurrences[0].start);
  return groups;
}

