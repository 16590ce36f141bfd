import { STOPWORDS } from '../text/tokens';
import { foldWord } from '../text/normalize';
import { endsWithDoubledConsonant, lemma, stripPlural } from '../text/lemma';
import { boundedMemo } from '../memo';
import { contentKeyIds } from './internKey';
import { FNV_OFFSET, FNV_PRIME, fnv1aUpdate } from '../hash';
import { grownArray } from '../util/grownArray';

/**
 * What a paraphrase or a reworded quote keeps when it changes the words: word stems, and a small
 * table of everyday equivalents in news prose ("talks"/"negotiations", "bolster"/"strengthen",
 * "ensure"/"make sure"). General vocabulary, not tuned to any text; each word maps to its group's
 * first word. Inflections need no entry: stems are built on lemmas (text/lemma.ts).
 */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['say', 'state', 'remark', 'note', 'explain', 'assert', 'indicate', 'tell', 'declare', 'comment'],
  ['talk', 'negotiation', 'discussion', 'conversation', 'dialogue', 'dialog', 'meeting'],
  ['discuss', 'debate', 'negotiate', 'speak', 'converse'],
  ['want', 'wish', 'desire', 'aim', 'seek', 'hope'],
  ['start', 'begin', 'initiate', 'launch', 'commence', 'open'],
  ['deal', 'agreement', 'accord', 'pact', 'settlement', 'treaty'],
  ['help', 'assist', 'aid', 'support', 'assistance', 'backing'],
  ['strengthen', 'bolster', 'boost', 'enhance', 'reinforce', 'empower', 'improve', 'strength'],
  ['important', 'crucial', 'vital', 'essential', 'key', 'significant', 'critical'],
  ['big', 'large', 'major', 'huge', 'great'],
  ['small', 'little', 'minor', 'select', 'few'],
  ['country', 'nation', 'state'],
  ['quick', 'fast', 'rapid', 'swift', 'prompt'],
  ['war', 'conflict', 'hostility', 'fighting', 'aggression', 'invasion', 'battle', 'combat'],
  ['attack', 'strike', 'assault'],
  ['try', 'attempt', 'endeavor'],
  ['think', 'believe', 'consider', 'reckon'],
  ['increase', 'rise', 'grow', 'climb', 'surge', 'growing', 'increasing', 'mounting'],
  ['decrease', 'fall', 'drop', 'decline', 'shrink'],
  ['money', 'fund', 'funding', 'cash', 'financing'],
  ['buy', 'purchase', 'acquire'],
  ['show', 'demonstrate', 'reveal', 'display', 'expose'],
  ['division', 'disagreement', 'dispute', 'rift', 'split', 'divide'],
  ['promise', 'vow', 'pledge', 'commit'],
  ['high', 'tall', 'higher', 'taller'],
  ['wall', 'barrier', 'dike', 'levee'],
  ['build', 'construct', 'rebuild', 'erect'],
  ['send', 'dispatch', 'deploy'],
  ['warn', 'caution', 'alert'],
  ['stop', 'halt', 'end', 'cease'],
  ['goal', 'objective', 'target', 'aim', 'priority', 'focus'],
  // "make sure" is read as the one word make_sure (quoteGroups.ts).
  ['ensure', 'guarantee', 'assure', 'secure', 'make_sure'],
  ['ready', 'prepared', 'equipped', 'well-prepared'],
  ['easy', 'ease', 'simple'],
  ['maybe', 'perhaps', 'possibly'],
  ['future', 'eventual', 'potential', 'possible'],
  ['summit', 'session', 'gathering', 'conference'],
  ['reporter', 'journalist', 'press', 'media'],
  ['welcome', 'greet', 'receive'],
  ['home', 'residence', 'house'],
  ['need', 'require', 'necessity'],
  ['way', 'strategy', 'method', 'means', 'approach'],
  ['fair', 'just', 'equitable'],
  ['lasting', 'sustained', 'durable', 'enduring', 'permanent'],
  ['close', 'tight', 'near'],
  ['partner', 'ally'],
  ['international', 'global', 'worldwide'],
  ['frustrated', 'frustration', 'annoyed', 'irritated'],
  ['speculation', 'rumor', 'guess'],
  ['involve', 'include', 'involvement', 'participate', 'engage', 'join', 'take part'],
  ['economy', 'economic'],
  ['public', 'publicly', 'open', 'openly'],
  ['benefit', 'favor', 'advantage', 'play into the hands'],
  ['win', 'victory', 'prevail', 'triumph', 'winning'],
  ['capital', 'headquarters', 'hq'],
  ['member', 'membership'],
  ['official', 'officer'],
  ['earlier', 'previously', 'before', 'prior'],
  ['also', 'too', 'additionally', 'further', 'furthermore'],
  ['kill', 'slay', 'death', 'dead'],
  ['injure', 'wound', 'hurt', 'injury'],
  ['storm', 'hurricane', 'cyclone', 'typhoon'],
  ['flood', 'flooding', 'inundation'],
  ['damage', 'destruction', 'harm'],
  ['resident', 'inhabitant', 'local', 'citizen'],
  ['evacuate', 'evacuation', 'flee', 'leave'],
  ['rescue', 'save'],
  ['repair', 'fix', 'restore', 'rebuild'],
  ['announce', 'unveil', 'disclose', 'publish'],
  ['plan', 'scheme', 'proposal', 'program'],
  ['government', 'administration', 'authority', 'authorities'],
  ['leader', 'head', 'chief'],
  ['company', 'firm', 'business', 'corporation'],
  ['price', 'cost', 'pay', 'expense'],
  ['job', 'employment', 'work'],
];

/** Derivational endings the stemmer strips, the first that fits (one list, not a new one per word stemmed). */
const DERIVATIONS = ['ions', 'ion', 'ments', 'ment', 'ingly', 'ings', 'ing', 'edly', 'ed', 'ly', 'ness', 'ive', 'al'];

/**
 * A light stemmer over the word's lemma (text/lemma.ts: "went" → "go", "talks" → "talk"): it also
 * strips derivations, so "negotiations"/"negotiate" and "discussing"/"discussion" meet. Stems are
 * at least 3 letters.
 */
export function stemWord(word: string): string {
  if (hasNoSuffixLetters(word)) return word;
  let w = lemma(word);
  if (w.length <= 3 || hasDigit(w)) return w;
  w = stripPlural(w);
  for (const suffix of DERIVATIONS) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // "stopp" → "stop", "planned" → "plan"
  if (w.length > 4 && endsWithDoubledConsonant(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  // "stormy" → "storm"; "unprotected" → "protect": the same content for a paraphrase.
  if (w.length >= 6 && w.endsWith('y') && !'aeiou'.includes(w[w.length - 2])) w = w.slice(0, -1);
  if (w.length >= 7 && w.startsWith('un')) w = w.slice(2);
  return w;
}

/** /\d/.test(w) without a regular expression per new word. */
function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * Whether stemWord returns the word as it is: every ending it removes (lemma's included) has a
 * letter a–z or is a final apostrophe, so a word with neither (digits, other scripts) is its own stem.
 */
function hasNoSuffixLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
  }
  return word.length === 0 || word.charCodeAt(word.length - 1) !== 39;
}

const SYNONYM_OF: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const group of SYNONYM_GROUPS) {
    const head = stemWord(group[0]);
    for (const w of group) {
      if (w.includes(' ')) continue;
      const s = stemWord(w);
      if (!m.has(s)) m.set(s, head);
    }
  }
  return m;
})();

/** What the matchers ask about one folded word, looked up once: its key, whether it is a function word, whether a reporting verb. */
export interface WordFacts {
  /** The folded word itself (spellingFacts answers with it). */
  readonly norm: string;
  /** wordKey of the word. */
  readonly key: string;
  /** contentKey of the word: its key, or null for a function word (or the empty word). */
  readonly content: string | null;
  /** isReportingKey of its key. */
  readonly reporting: boolean;
  /** The shared id of the content key (contentKeyIds, −1 for a function word), valid in generation idGeneration. */
  readonly contentId: number;
  readonly idGeneration: number;
  /** fnv1aUpdate(FNV_OFFSET, content): the first half of a shingle's hash (articleFeatures), 0 for a function word. */
  readonly contentHash: number;
}

/**
 * The facts of a folded word, from one memo: each word of a text asks for its key, its content key
 * and whether it reports speech, and three look-ups per word (each its own map) cost more than one.
 */
export function wordFacts(norm: string): WordFacts {
  return factsMemo(norm);
}

/** The stem of a word mapped to its synonym group. */
function keyOf(norm: string): string {
  const s = stemWord(norm);
  // "according (to)" names a source; its stem "accord" would make it a deal.
  return norm === 'according' ? norm : SYNONYM_OF.get(s) ?? s;
}

/** Facts as factsMemo makes them: with the word id wordIdOf gives them (−1 of generation −1 until asked). */
interface FactsRecord extends WordFacts {
  wordId: number;
  wordGeneration: number;
}

const factsMemo = boundedMemo(100_000, (norm): WordFacts => {
  const key = keyOf(norm);
  const content = norm.length === 0 || STOPWORDS.has(norm) ? null : key;
  if (content !== null) contentKeyIds.reserve(1);
  const contentId = content === null ? -1 : contentKeyIds.idOf(content);
  const contentHash = content === null ? 0 : fnv1aUpdate(FNV_OFFSET, content);
  const facts: FactsRecord = {
    norm, key, content, reporting: isReportingKey(key), contentId, idGeneration: contentKeyIds.generation, contentHash, wordId: -1, wordGeneration: -1,
  };
  return facts;
});

/**
 * Word ids: each facts object (one per folded word while the memo keeps it) gets the next integer
 * the first time it is asked in a generation, so tables of what is known per word (sentenceGrams')
 * index typed arrays by id where a Map was probed by the word's string for every word. At
 * MAX_WORD_IDS a new generation begins and ids are given afresh: tables by id stay bounded.
 */
const wordIds = { next: 0, generation: 0 };
const MAX_WORD_IDS = 1 << 18;

/** Makes room for `count` more word ids in the current generation (a new one if they could pass the bound); call before giving a text's words their ids. */
export function reserveWordIds(count: number): void {
  if (wordIds.next + count <= MAX_WORD_IDS || wordIds.next === 0) return;
  wordIds.next = 0;
  wordIds.generation++;
}

/** The generation of the word ids given now. */
export function wordIdGeneration(): number {
  return wordIds.generation;
}

/** The id of a word (by its facts) in the current generation: the one it was given, or the next. */
export function wordIdOf(facts: WordFacts): number {
  // Every facts object is factsMemo's (spellingFacts and wordFacts answer with its entries).
  const record = facts as FactsRecord;
  if (record.wordGeneration !== wordIds.generation) {
    record.wordId = wordIds.next++;
    record.wordGeneration = wordIds.generation;
  }
  return record.wordId;
}

/** The shared id of a word's content key in the current generation (−1 for a function word): the memo's, unless a new generation began since. */
export function contentIdOf(facts: WordFacts): number {
  if (facts.content === null) return -1;
  return facts.idGeneration === contentKeyIds.generation ? facts.contentId : contentKeyIds.idOf(facts.content);
}

/**
 * The facts of each spelling, found by the spelling's offsets in a text: reading an article asks
 * each word for its folded form and then its facts, and one look-up by spelling answers both. An
 * open-addressing table hashed over the text's characters needs no string per word read (a memo
 * keyed by strings wanted a substring and a match object per word, the largest cost of reading
 * articles); only a spelling seen for the first time is cut out and folded. Cleared when it holds
 * `max` spellings, like boundedMemo: memory stays flat on text of any size.
 */
export class SpellingTable {
  /** Entry + 1 at each slot, 0 for an empty slot; a power of two at most half full. */
  private slots: Int32Array = new Int32Array(1 << 10);
  private hashes: Int32Array = new Int32Array(1 << 9);
  private spellings: string[] = [];
  private facts: WordFacts[] = [];

  constructor(private readonly max: number, private readonly compute: (spelling: string) => WordFacts) {}

  /** How many spellings the table holds. */
  get size(): number {
    return this.spellings.length;
  }

  /** The facts of the spelling text[start, end). */
  factsAt(text: string, start: number, end: number): WordFacts {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    return this.factsHashed(text, start, end, h);
  }

  /** factsAt when the spelling's hash h is known (FNV-1a over its units, as WordSpans.hash gives it). */
  factsHashed(text: string, start: number, end: number, h: number): WordFacts {
    const mask = this.slots.length - 1;
    for (let slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      const e = this.slots[slot] - 1;
      if (e < 0) break;
      const spelling = this.spellings[e];
      if (this.hashes[e] === h && spelling.length === end - start && text.startsWith(spelling, start)) return this.facts[e];
    }
    const spelling = text.slice(start, end);
    const facts = this.compute(spelling);
    this.add(h, spelling, facts);
    return facts;
  }

  private add(h: number, spelling: string, facts: WordFacts): void {
    if (this.spellings.length >= this.max) this.clear();
    const e = this.spellings.length;
    if (e === this.hashes.length) this.hashes = grownArray(this.hashes, 2 * e);
    this.hashes[e] = h;
    this.spellings.push(spelling);
    this.facts.push(facts);
    if (2 * (e + 1) > this.slots.length) this.rehash(2 * this.slots.length);
    else this.place(e);
  }

  private clear(): void {
    this.slots.fill(0);
    this.spellings = [];
    this.facts = [];
  }

  /** Puts entry e in the first free slot from its hash's. */
  private place(e: number): void {
    const h = this.hashes[e];
    const mask = this.slots.length - 1;
    let slot = (h ^ (h >>> 16)) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = e + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let e = 0; e < this.spellings.length; e++) this.place(e);
  }
}

const spellingTable = new SpellingTable(100_000, (spelling) => factsMemo(foldWord(spelling)));

/** The facts of a word as it is spelled in the text (eachSpelling), its folded form among them (norm). */
export function spellingFacts(spelling: string): WordFacts {
  return spellingTable.factsAt(spelling, 0, spelling.length);
}

/** spellingFacts of text[start, end), without cutting the spelling out of the text (WordSpans gives the offsets). */
export function spellingFactsAt(text: string, start: number, end: number): WordFacts {
  return spellingTable.factsAt(text, start, end);
}

/** spellingFactsAt of the word a WordSpans has just found (its offsets and hash): its characters are not read again. */
export function spellingFactsOf(words: { readonly start: number; readonly end: number; readonly hash: number }, text: string): WordFacts {
  return spellingTable.factsHashed(text, words.start, words.end, words.hash);
}

/** The comparison key of any folded word: its stem, mapped to its synonym group. */
export function wordKey(norm: string): string {
  return factsMemo(norm).key;
}

/** The comparison key of a folded word for paraphrase scoring: its wordKey; null for function words. */
export function contentKey(norm: string): string | null {
  return factsMemo(norm).content;
}

/**
 * Reporting verbs ("said", "told", "added") say who speaks, not what: they weigh little in a
 * paraphrase and carry no evidence about which statement two quotes report. Kept as keys, so
 * every form counts ("wrote", "concluded"); the say group (stated, noted, told …) counts too.
 */
const REPORTING: ReadonlySet<string> = new Set(
  ['say', 'tell', 'add', 'according', 'write', 'post', 'conclude', 'stress', 'emphasize', 'highlight', 'point', 'insist'].map(keyOf),
);

export function isReportingKey(key: string): boolean {
  return REPORTING.has(key) || SYNONYM_OF.get(key) === 'say';
}

/** Whether a folded word is a reporting verb (isReportingKey of its key). */
export function isReportingWord(norm: string): boolean {
  return factsMemo(norm).reporting;
}
