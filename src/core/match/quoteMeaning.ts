import { STOPWORDS } from '../text/tokens';
import { wordFacts, wordKey } from './lexicon';
import type { WordFacts } from './lexicon';
import { numberMentions } from './numbers';
import { meaningsOf } from './synonyms';

/**
 * What a quotation says, as units a rewording can keep while changing every word: each content
 * word (its key, and its frequent WordNet senses: "rushed" meets "hurry") and each number by value
 * ("a dozen", "twelve" and "12" are one unit). Folded words in, plain data out.
 */

export interface MeaningUnit {
  /** wordKey of a content word, or "#<value>" for a number however it is written. */
  readonly key: string;
  /** The folded word, whose WordNet senses (synonyms.ts) a rewording may share; null for numbers. */
  readonly word: string | null;
}

export interface QuoteMeaning {
  readonly units: readonly MeaningUnit[];
  readonly keys: ReadonlySet<string>;
}

/** A number's key: the same for "12", "twelve" and "a dozen"; "a decade" and "ten years" meet too. */
function numberKey(value: number): string {
  return `#${Number(value.toPrecision(12))}`;
}

/** /\d/.test(w) (ASCII digits) without a regular expression per word. */
function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * The meaning units of a quotation's folded words, in order, each key once; `factsOf`, when given, is
 * wordFacts of each word. `contentKeys`, when given, are the keys of the words that are neither
 * function words nor reporting verbs nor all digits, in order (quote grouping's content stems): a
 * quotation that states no number and has no digit has just these keys, and shares the set.
 */
export function meaningOf(words: readonly string[], factsOf?: readonly WordFacts[], contentKeys?: ReadonlySet<string>): QuoteMeaning {
  const mentions = numberMentions(words);
  if (contentKeys !== undefined && mentions.length === 0 && !words.some(hasDigit)) return new Meaning(contentKeys, words);
  const keys = new Set<string>();
  readUnits(words, factsOf, keys, null, mentions);
  return new Meaning(keys, words);
}

/**
 * A meaning whose units are listed when a comparison first asks (meaningSimilarity, for few pairs):
 * every quote's keys are indexed, but most quotes are never compared on meaning.
 */
class Meaning implements QuoteMeaning {
  private unitsRead: readonly MeaningUnit[] | undefined = undefined;

  // Only the words are kept: a word's facts are wordFacts of its folded form, the same as `factsOf` had.
  constructor(readonly keys: ReadonlySet<string>, private readonly words: readonly string[]) {}

  get units(): readonly MeaningUnit[] {
    if (this.unitsRead === undefined) {
      const units: MeaningUnit[] = [];
      readUnits(this.words, undefined, new Set(), units);
      this.unitsRead = units;
    }
    return this.unitsRead;
  }
}

/** Adds the keys of a quotation's meaning units to `keys`, in order, and the units to `units` when given. */
function readUnits(
  words: readonly string[], factsOf: readonly WordFacts[] | undefined, keys: Set<string>, units: MeaningUnit[] | null, mentions = numberMentions(words),
): void {
  // Most quotations state no number: no mark array for them.
  const inNumber = mentions.length > 0 ? new Uint8Array(words.length) : null;
  for (const m of mentions) {
    inNumber?.fill(1, m.start, m.end);
    addUnit(units, keys, numberKey(m.value), null);
    // "a decade" says its unit without the word: add it, so it meets "ten years" (not "ten days").
    if (m.unit !== null && (m.end >= words.length || wordKey(words[m.end]) !== wordKey(m.unit))) addUnit(units, keys, wordKey(m.unit), m.unit);
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if ((inNumber !== null && inNumber[i] === 1) || STOPWORDS.has(w) || hasDigit(w)) continue;
    const facts = factsOf === undefined ? wordFacts(w) : factsOf[i];
    if (!facts.reporting) addUnit(units, keys, facts.key, w);
  }
}

/** Adds a unit unless its key is there already. */
function addUnit(units: MeaningUnit[] | null, keys: Set<string>, key: string, word: string | null): void {
  if (keys.has(key)) return;
  keys.add(key);
  units?.push({ key, word });
}

/** The senses of a meaning's words, read when a comparison first needs them (most quotes never do). */
const senseSets = new WeakMap<QuoteMeaning, ReadonlySet<number>>();

function sensesOf(m: QuoteMeaning): ReadonlySet<number> {
  let set = senseSets.get(m);
  if (set === undefined) {
    const all = new Set<number>();
    for (const u of m.units) if (u.word !== null) for (const s of meaningsOf(u.word)) all.add(s);
    senseSets.set(m, (set = all));
  }
  return set;
}

/** Share of a's units that b says too: the same key, or a sense they share. */
function cover(a: QuoteMeaning, b: QuoteMeaning): number {
  if (a.units.length === 0) return 0;
  let said = 0;
  for (const u of a.units) {
    if (b.keys.has(u.key)) said++;
    else if (u.word !== null && meaningsOf(u.word).some((s) => sensesOf(b).has(s))) said++;
  }
  return said / a.units.length;
}

/** How much of each other's meaning two quotations carry: the mean of both covers, in [0, 1]. */
export function meaningSimilarity(a: QuoteMeaning, b: QuoteMeaning): number {
  return (cover(a, b) + cover(b, a)) / 2;
}
