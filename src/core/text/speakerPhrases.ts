import nlp from 'compromise/two';
import { boundedMemo } from '../memo';

/**
 * Noun phrases that speak: "the former secretary of state and current Democratic presidential
 * nominee said", "said a Mexican official who was not authorized …", "63 percent said". Read
 * word by word from the cue outwards, up to a determiner (or a number, or a possessive name),
 * stopping at a verb: compromise's lexicon tells verbs from nouns (no tagger run, a lookup per word).
 */

const LEXICON = nlp.world().model.one.lexicon;

/** Lexicon tags of words that end a noun phrase: finite verbs, auxiliaries, gerunds. */
const VERB_TAGS: ReadonlySet<string> = new Set(['PastTense', 'PresentTense', 'Copula', 'Modal', 'Auxiliary', 'Verb', 'Gerund', 'Participle', 'Pronoun', 'QuestionWord']);

const DETERMINERS: ReadonlySet<string> = new Set(
  ('the a an his her their its our my your this these those one another some many several both most other each every all ' +
    'two three four five six seven eight nine ten dozens hundreds thousands').split(' '),
);

/** Words that may join the parts of a phrase, never start or end it. */
const LINKS: ReadonlySet<string> = new Set(['of', 'for', 'in', 'at', 'from', 'and']);

/** Words that end a phrase read forwards: a relative clause or a complement starts. */
const STOP_AFTER: ReadonlySet<string> = new Set(['in', 'at', 'from', 'for', 'who', 'whose', 'which', 'that', 'whom', 'on', 'as', 'with', 'by', 'during', 'after', 'before', 'when', 'while', 'last', 'this', 'about', 'than', 'if']);

/** Words that end a phrase read backwards from the cue: a clause or a complement lies beyond them. */
const STOP_BEFORE: ReadonlySet<string> = new Set(
  'to that what which who whom whose than as if when while because but or so not there here then also even only just'.split(' '),
);

/** Verbs spoken of, which may stand before a subject ("Trump said the senator told him …"). */
const SPEECH_VERBS: ReadonlySet<string> = new Set(['said', 'says', 'say', 'told', 'tells']);

/** Short titles written with a full stop inside a phrase ("former Sen. Jim Webb", "a former U.S. official"). */
const ABBREVIATION = /^(?:(?:\p{Lu}\.)+|(?:Sen|Rep|Gov|Gen|Lt|Col|Dr|Mr|Mrs|Ms|Jr|Sr|St|Sgt|Capt|Adm|Prof|Rev)\.)$/u;

const MAX_WORDS = 14;

/** Adverbs and auxiliaries end a phrase read forwards ("The Republican nominee also outlined"). */
const ADVERB = /^\p{Ll}+ly$/u;
const NOT_IN_PHRASE: ReadonlySet<string> = new Set(
  'also still then now later first again even just never always often has have had is was are were will would could should can may might did does do noted'.split(' '),
);

/** The lexicon's tags of a word (none for a word it does not know). */
export function tagsOf(word: string): readonly string[] {
  // The lexicon is a plain object: "constructor" must not reach Object.prototype.
  const tags = Object.prototype.hasOwnProperty.call(LEXICON, word) ? LEXICON[word] : undefined;
  return typeof tags === 'string' ? [tags] : Array.isArray(tags) ? tags.map(String) : [];
}

/** A verb by the lexicon, or a word it does not know that ends in -ed ("emailed", "featured"). */
export function isVerb(word: string): boolean {
  return verbMemo(word);
}

// Every cue reads the words before it backwards, and asks of most whether they are verbs.
const verbMemo = boundedMemo(20_000, (word): boolean => {
  const tags = tagsOf(word.toLowerCase());
  return tags.some((t) => VERB_TAGS.has(t)) || (tags.length === 0 && UNKNOWN_PAST.test(word));
});

const UNKNOWN_PAST = /^\p{Ll}+ed$/u;
const AMOUNT = /^\d[\d,.]*%?$/;

/** AMOUNT.test(word), the pattern tried only on a word that opens with a digit (few do: it was asked of every word before a cue). */
export function isAmount(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57 && AMOUNT.test(word);
}
const POSSESSIVE_NAME = /^\p{Lu}[\p{L}.-]*(?:[’']s|s[’'])$/u;

function isDeterminer(word: string): boolean {
  return DETERMINERS.has(word.toLowerCase()) || isAmount(word);
}

/** "Clinton’s", "Sanders’": a possessive name opens a phrase as a determiner does. */
function isPossessiveName(word: string): boolean {
  // POSSESSIVE_NAME ends with ’s, 's, s’ or s': a word ending otherwise is not tried.
  const last = word.charCodeAt(word.length - 1);
  return (last === 115 || last === 39 || last === 0x2019) && POSSESSIVE_NAME.test(word);
}

/** A word inside a phrase: letters, digits, hyphens, a final possessive. */
const PHRASE_WORD = /^[\p{L}\p{N}][\p{L}\p{N}.’'&-]*(?<!-)$/u;

/** PHRASE_WORD.test(word), without the pattern for a word of ASCII letters and digits (most words), which it always matches. */
function isPhraseWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return PHRASE_WORD.test(word);
  }
  return word.length > 0;
}

/** Marks a phrase read backwards never crosses: punctuation, a masked quote, a line break, quotation marks, dashes. */
const PHRASE_STOPS: ReadonlySet<number> = new Set([...',;:()\uFFFC\n“”"—–'].map((c) => c.charCodeAt(0)));

/**
 * What \s matches, by char code: ASCII tab to carriage return and space, and the Unicode white
 * space and line terminators (a surrogate is no space). A masked quote is thousands of U+FFFC in a row.
 */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Where the words a phrase can be read from begin in `p`: after its last phrase stop, and no
 * further back than its last MAX_WORDS words (split on white space). One backward scan by char
 * code: a regular expression for the stop retried from every offset was quadratic in a long
 * clause, and splitting the whole clause into words cost as much again.
 */
function lastWordsStart(p: string): number {
  let words = 0;
  let inWord = false;
  for (let i = p.length - 1; i >= 0; i--) {
    const c = p.charCodeAt(i);
    if (PHRASE_STOPS.has(c)) return i + 1;
    if (isSpaceCode(c)) {
      inWord = false;
    } else if (!inWord) {
      inWord = true;
      words++;
      // The end of a word one too many: the words after it are the last MAX_WORDS.
      if (words > MAX_WORDS) return i + 1;
    }
  }
  return 0;
}

/** text.slice(from).split(/\s+/).filter((w) => w.length > 0), by char code: asked at every cue. */
function wordsFrom(text: string, from: number): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = from; i < text.length; i++) {
    if (!isSpaceCode(text.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(text.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) words.push(text.slice(start));
  return words;
}

const GERUND = /^\p{Ll}+ing$/u;

/**
 * The noun phrase that ends `p` (the text right before a cue verb), from its determiner, or null.
 * Across "of", "in", "for" it reaches the phrase that holds it ("the chair of the DNC").
 */
export function phraseBefore(p: string): string | null {
  const all = wordsFrom(p, lastWordsStart(p));
  let words = all;
  let start = phraseStart(words);
  // "Another intelligence source speaking to Fox News said": the phrase before a participle.
  const participle = start < 0 ? gerundFromThird(all) : -1;
  if (participle > 0) {
    words = all.slice(0, participle);
    start = phraseStart(words);
  }
  if (start < 0 || start === words.length - 1) {
    return null;
  }
  // "Trump issued a statement saying": a phrase after a verb is its object, not the speaker.
  const before = start > 0 ? words[start - 1] : '';
  return isVerb(before) && !SPEECH_VERBS.has(before.toLowerCase()) ? null : words.slice(start).join(' ');
}

/**
 * all.findIndex((w, i) => i > 1 && GERUND.test(w)), without a closure per word and without the
 * pattern for a word not ending in "ing" (which it cannot match): asked at most cues of an article.
 */
function gerundFromThird(words: readonly string[]): number {
  for (let i = 2; i < words.length; i++) {
    const w = words[i];
    if (w.endsWith('ing') && GERUND.test(w)) return i;
  }
  return -1;
}

/**
 * Index of the word that opens the phrase ending `words`, or -1. Read backwards from the cue: a
 * stop word, a word that is no phrase word or a verb ends the walk; a determiner opens the phrase,
 * and across "of", "in", "for" the walk goes on to the phrase that holds it ("the chair of the DNC").
 * The verbs are asked of the lexicon only between the walk's start and a determiner found by the
 * cheaper tests: without a determiner the walk opens nothing wherever a verb would have ended it.
 */
function phraseStart(words: readonly string[]): number {
  let start = -1;
  for (let top = words.length - 1; top >= 0; top = start - 1) {
    const at = determinerDown(words, top);
    if (at < 0 || verbBreaks(words, at, top)) {
      return start;
    }
    start = openingOf(words, at);
    if (!(start > 1 && LINKS.has(words[start - 1].toLowerCase()))) {
      return start;
    }
  }
  return start;
}

/** The first word from `top` down that opens a phrase (a determiner, an amount, a possessive name), or -1 past a word that ends the walk. */
function determinerDown(words: readonly string[], top: number): number {
  for (let i = top; i >= 0; i--) {
    const w = words[i];
    const lower = w.toLowerCase();
    if (!isPhraseWord(w) || STOP_BEFORE.has(lower)) {
      return -1;
    }
    // isDeterminer(w), with the lower case at hand.
    if (DETERMINERS.has(lower) || isAmount(w) || isPossessiveName(w)) {
      return i;
    }
    if (i === words.length - 1 && LINKS.has(lower)) {
      return -1;
    }
  }
  return -1;
}

/** True when a word after `at` up to `top` is a verb, unless it stands as an adjective right after a determiner ("the retired neurosurgeon"). */
function verbBreaks(words: readonly string[], at: number, top: number): boolean {
  for (let i = top; i > at; i--) {
    if (!isDeterminer(words[i - 1]) && isVerb(words[i])) {
      return true;
    }
  }
  return false;
}

/** Where a phrase opened by words[i] starts: before the name of a possessive ("Hillary Clinton’s campaign manager"). */
function openingOf(words: readonly string[], i: number): number {
  let start = i;
  while (isPossessiveName(words[i]) && start > 0 && /^\p{Lu}\p{L}*$/u.test(words[start - 1]) && !isDeterminer(words[start - 1])) {
    start--;
  }
  return start;
}

/** The noun phrase that starts `post` (the text right after a cue verb): "said a Mexican official who …". */
export function phraseAfter(post: string): string | null {
  const found = phraseAtStart(post);
  return found === null ? null : found.phrase;
}

/**
 * The noun phrase that opens a clause when a verb follows it ("The Vermont senator emailed …",
 * "The lawsuit contends …"), or null: a clause that opens otherwise names no speaker.
 */
export function phraseBeforeVerb(clause: string): string | null {
  const found = phraseAtStart(clause);
  return found !== null && found.next !== null && isVerbInPlace(found.next) ? found.phrase : null;
}

function phraseAtStart(text: string): { phrase: string; next: string | null } | null {
  const m = /^\s*([^,;:()\uFFFC\n“”"—–!?]*)/u.exec(text);
  const words = wordsFrom(m?.[1] ?? '', 0).slice(0, MAX_WORDS);
  if (words.length < 2 || !isDeterminer(words[0])) {
    return null;
  }
  let end = 1;
  for (let i = 1; i < words.length; i++) {
    const w = words[i].replace(/\.$/, '');
    const lower = w.toLowerCase();
    if (!PHRASE_WORD.test(w) || STOP_AFTER.has(lower) || NOT_IN_PHRASE.has(lower) || (i > 1 && (isVerbInPlace(w) || ADVERB.test(w)))) {
      break;
    }
    end = i + 1;
    if (words[i].endsWith('.') && !ABBREVIATION.test(words[i]) && !/^\p{Lu}$/u.test(w)) {
      break;
    }
  }
  while (end > 1 && LINKS.has(words[end - 1].toLowerCase())) {
    end--;
  }
  return end < 2 ? null : { phrase: words.slice(0, end).join(' ').replace(/\.$/, ''), next: end < words.length ? words[end] : null };
}

/**
 * A verb where a phrase's head would end: one of the lexicon, an auxiliary, a negation
 * ("doesn’t"), or an inflection of a verb the lexicon knows ("contends", "pointed").
 */
function isVerbInPlace(word: string): boolean {
  const lower = word.toLowerCase();
  if (isVerb(word) || NOT_IN_PHRASE.has(lower) || /n[’']t$/.test(lower)) {
    return true;
  }
  const stem = /^(\p{Ll}{3,}?)(?:es|s|ed|d)$/u.exec(lower);
  return stem !== null && [stem[1], `${stem[1]}e`].some((b) => tagsOf(b).some((t) => t === 'Infinitive' || t === 'Verb'));
}

/** Nouns for texts and media that "say" things: a person speaking nearby is the likelier source. */
const DOCUMENTS: ReadonlySet<string> = new Set(
  ('statement statements report reports ad ads article articles poll polls survey surveys editorial editorials letter ' +
    'letters memo memos complaint complaints order orders email emails release study studies document documents website ' +
    'page post posts tweet tweets paper newspaper book filing lawsuit bill law rule rules bylaws data record records ' +
    'column headline story piece video spot commercial message note notes transcript analysis review audit sign ' +
    'platform resolution proposal plan footage release text summary agreement decision ruling verdict').split(' '),
);

/** The head noun of a phrase: its last word before "of", "in", … ("a narrator in the Clinton ad" → narrator). */
export function phraseHead(phrase: string): string {
  const words = phrase.split(/\s+/);
  const link = words.findIndex((w, i) => i > 0 && LINKS.has(w.toLowerCase()));
  return (link > 0 ? words[link - 1] : words[words.length - 1]).toLowerCase();
}

/** True for a phrase that names a text rather than a person or a group ("the statement", "a Times article"). */
export function isDocumentPhrase(phrase: string): boolean {
  return DOCUMENTS.has(phraseHead(phrase));
}
