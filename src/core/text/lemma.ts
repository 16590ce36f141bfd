import nlp from 'compromise/two';
import { boundedMemo } from '../memo';

/**
 * The base form of a folded word: "went" → "go", "spoke" → "speak", "children" → "child",
 * "talks" → "talk", "stronger" → "strong". compromise knows the inflections of its lexicon
 * (irregular ones included), word by word and without tagging any text; words it does not know
 * go through a small inflection stripper ("outperformed" → "outperform"). Names stay as they are.
 */
export function lemma(word: string): string {
  // Most spellings of unusual text (digits, other scripts, two letters) are their own lemma:
  // answered without the memo, whose one entry per distinct word is the larger cost for them.
  return isOwnLemma(word) ? word : lemmaMemo(word);
}

/**
 * Whether computeLemma returns the word unchanged without looking at it further: no apostrophe or
 * hyphen (which it cuts at), and either at most two characters or a character outside a–z.
 */
export function isOwnLemma(word: string): boolean {
  let plain = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 39 || c === 45) return false; // ' and -
    if (c < 97 || c > 122) plain = false;
  }
  return word.length <= 2 || !plain;
}

const lemmaMemo = boundedMemo(50_000, (word) => computeLemma(word));

/** Tags of compromise's lexicon that mark a name: a name has no inflections to undo. */
const NAME_TAGS = new Set([
  'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Place', 'City', 'Region', 'Country',
  'Organization', 'ProperNoun', 'SportsTeam', 'Honorific',
]);

/** The tenses a participle filed as an adjective is tried as ("united", "known"). */
const PARTICIPLE_TAGS = ['Participle', 'PastTense'] as const;
/** Verb endings the stripper removes from words compromise does not know. */
const VERB_ENDINGS = ['ing', 'ed'] as const;

/** Verb forms whose infinitive compromise derives, each with the tense the transform expects. */
const VERB_TAGS = ['PastTense', 'Participle', 'Gerund', 'PresentTense'] as const;

interface Lexicon {
  readonly tagsOf: (word: string) => readonly string[] | null;
  readonly toInfinitive: (word: string, tense: string) => string;
  readonly toSingular: (word: string) => string;
  readonly fromComparative: (word: string) => string;
  readonly fromSuperlative: (word: string) => string;
}

/** compromise's lexicon and transforms, built on first use; null when compromise cannot load. */
let lexicon: Lexicon | null | undefined;

function compromiseLexicon(): Lexicon | null {
  if (lexicon === undefined) {
    try {
      const model = nlp.world().model;
      const t = nlp.methods().two.transform;
      const words = model.one.lexicon;
      lexicon = {
        tagsOf: (w) => {
          // Own properties only: "constructor" or "__proto__" are words too.
          const tags = Object.prototype.hasOwnProperty.call(words, w) ? words[w] : undefined;
          return tags === undefined ? null : typeof tags === 'string' ? [tags] : tags;
        },
        toInfinitive: (w, tense) => t.verb.toInfinitive(w, model, tense),
        toSingular: (w) => t.noun.toSingular(w, model),
        fromComparative: (w) => t.adjective.fromComparative(w, model),
        fromSuperlative: (w) => t.adjective.fromSuperlative(w, model),
      };
    } catch {
      lexicon = null;
    }
  }
  return lexicon;
}

function computeLemma(word: string): string {
  // "rutte's" → "rutte"; "leaders'" → "leaders" (then "leader").
  const w = word.endsWith("'s") ? word.slice(0, -2) : word.endsWith("'") ? word.slice(0, -1) : word;
  const dash = w.lastIndexOf('-');
  if (dash > 0 && dash < w.length - 1) {
    // "well-prepared": the last part carries the inflection.
    return w.slice(0, dash + 1) + lemma(w.slice(dash + 1));
  }
  if (w.length <= 2 || !/^[a-z]+$/.test(w)) {
    return w;
  }
  const lex = compromiseLexicon();
  if (lex !== null) {
    try {
      const known = fromLexicon(lex, w);
      if (known !== null) {
        return known;
      }
    } catch {
      // An exception inside compromise must never stop an analysis: the stripper answers.
    }
  }
  return stripInflection(w);
}

/** The base form compromise's lexicon gives a word it knows; null for words it does not know. */
function fromLexicon(lex: Lexicon, w: string): string | null {
  const tags = lex.tagsOf(w);
  if (tags === null) {
    return null;
  }
  if (tags.some((t) => NAME_TAGS.has(t))) {
    return w;
  }
  for (const tense of VERB_TAGS) {
    if (tags.includes(tense)) {
      return checked(lex.toInfinitive(w, tense), w);
    }
  }
  if (tags.includes('Plural')) {
    return checked(lex.toSingular(w), w);
  }
  if (tags.includes('Comparative')) {
    return checked(lex.fromComparative(w), w);
  }
  if (tags.includes('Superlative')) {
    return checked(lex.fromSuperlative(w), w);
  }
  if (tags.includes('Adjective') && w.endsWith('est')) {
    // Superlatives the lexicon files as adjectives ("best" → "good"), not "honest" or "modest".
    const base = lex.fromSuperlative(w);
    if (base !== w && lex.tagsOf(base)?.includes('Adjective') === true) {
      return base;
    }
  }
  if (tags.includes('Adjective') && /(?:ed|n|t)$/.test(w)) {
    // Participles the lexicon files as adjectives ("united", "known", "left"): only when the
    // result is a verb compromise knows, so "best" or "red" stay as they are.
    for (const tense of PARTICIPLE_TAGS) {
      const base = lex.toInfinitive(w, tense);
      if (base !== w && lex.tagsOf(base)?.includes('Infinitive') === true) {
        return base;
      }
    }
  }
  return w;
}

/** A transform's answer when it is a plausible word; the word itself otherwise. */
function checked(base: string, w: string): string {
  return typeof base === 'string' && base.length >= 2 && /^[a-z]+$/.test(base) ? base : w;
}

/** The consonants whose doubling at a word's end belongs to an ending ("stopped", "planned"). */
const DOUBLED = 'bdgklmnprt';

/** /([bdgklmnprt])\1$/.test(w), by character code: "stopp", "plann". */
export function endsWithDoubledConsonant(w: string): boolean {
  const n = w.length;
  return n >= 2 && w.charCodeAt(n - 1) === w.charCodeAt(n - 2) && DOUBLED.includes(w[n - 1]);
}

/**
 * Plural and verb endings of a word compromise does not know: "pledges" → "pledge",
 * "outperformed" → "outperform", "stopped" → "stop". Never shorter than 3 letters.
 */
export function stripInflection(w: string): string {
  if (w.length <= 3) {
    return w;
  }
  const singular = stripPlural(w);
  if (singular !== w || w.endsWith('s')) {
    return singular;
  }
  for (const suffix of VERB_ENDINGS) {
    if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
    const base = w.slice(0, -suffix.length);
    if (/[aeiouy]/.test(base)) {
      // "stopped" → "stop": a doubled final consonant belongs to the ending.
      return base.length > 3 && endsWithDoubledConsonant(base) ? base.slice(0, -1) : base;
    }
  }
  return w;
}

/**
 * The plural ending of a word: "countries" → "country", "taxes" → "tax", "pledges" → "pledge";
 * "crisis", "bus", "class" stay. The one plural rule of the engine (the stemmer uses it too).
 */
export function stripPlural(w: string): string {
  if (w.length <= 3) {
    return w;
  }
  if (w.endsWith('ies') && w.length > 4) {
    return `${w.slice(0, -3)}y`;
  }
  // endsWith, not /(?:ss|us|is)$/ and /(?:sh|ch|x|z|ss)es$/: a regular expression per new word read.
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) {
    return w;
  }
  if (w.endsWith('es') && (w.endsWith('shes') || w.endsWith('ches') || w.endsWith('xes') || w.endsWith('zes') || w.endsWith('sses'))) {
    return w.slice(0, -2);
  }
  return w.endsWith('s') ? w.slice(0, -1) : w;
}
