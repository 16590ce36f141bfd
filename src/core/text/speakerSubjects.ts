import { boundedMemo } from '../memo';
import { STOPWORDS } from './tokens';
import { TITLE_WORDS, hasSpaceOr, looksLikeName, nameFacts, nameWords } from './names';
import type { NameFacts } from './names';
import { POSSESSIVE_PROXY_AT_START, PROXY_NOUNS, PROXY_NOUN_PATTERN } from './proxyNouns';
import { isSpaceCode, isVerb, phraseAfter, phraseBefore, phraseBeforeVerb, tagsOf } from './speakerPhrases';

/**
 * The subject of a cue verb, read from the words right before it ("Rutte said", "the minister
 * said", "he said", "Maria Lind, the chief executive, said") or right after it ("said Rutte",
 * "according to Macron's office"). Plain regular expressions over text with quotes masked out.
 */

/** Cue verbs, in lower case only: "States" in "the United States" is not a verb. */
export const CUE = new RegExp(
  '\\b(?:[Aa]ccording to|pointed out|said|says|say|told|tells|added|adds|stressed|stresses|wrote|writes|' +
    'posted|posts|noted|notes|asserted|asserts|explained|explains|concluded|stated|states|remarked|' +
    'insisted|insists|warned|warns|argued|argues|declared|announced|tweeted|tweets|emphasized|emphasised|' +
    'emphasizes|replied|responded|acknowledged|admitted|claimed|claims|commented|observed|urged|recalled|' +
    'answered|asked|suggested|vowed|promised|cautioned|complained|conceded|confirmed|denied|reiterated|' +
    'highlighted|underlined|underscored|shouted|yelled|whispered|exclaimed|joked|quipped|pleaded|demanded|boasted|' +
    'lamented|mused|countered|retorted|predicted|testified|texted|assured|reminded|saying|telling|adding|writing|' +
    'called|calls|calling|continued|continues|reported|reports|described|describes|describing|reads|pledged|pledges|' +
    'accused|accuses|chanted|chanting|cited|citing|referred to|blamed|blasted|proclaimed|praised|mocked|criticized|' +
    'criticised|questioned|shot back|put it|echoed|went on|charged|insisting|explaining|declaring|noting|arguing|' +
    'remarking|suggesting|stating|asking|warning|promises|recalls|acknowledges|admits|tweeting|posting|thanked|' +
    'declares|announces|predicts|concedes|concludes|replies|responds|complains|wonders|wondered|agreed|agrees|' +
    'read|asks|barked|fumed|beamed|riffed|opined|interjected|snapped|scoffed|grumbled|muttered|gushed|chided|bemoaned|confessed|' +
    'exclaims|quips|jokes|recounted|recounts|puts it|points out|fired back|hit back|chimed in|cut in)\\b',
  'g',
);

/** Cue verbs whose subject is the person quoted even when the sentence is passive-looking. */
const PASSIVE_BEFORE = /\b(?:was|were|been|being|be|is|are|get|got)\s*$/i;

/** Words that may stand between a subject and its cue verb ("Rutte had said", "he also added"). */
const BETWEEN = new RegExp(
  '\\s+(?:also|further|first|finally|often|never|always|sometimes|now|later|then|had|has|have|again|earlier|previously|once|repeatedly|reportedly|simply|just|would|will|did|does|do|' +
    'recently|already|still|however|separately|(?!(?:family|ally|rally|assembly|supply|reply|anomaly|monopoly|bully|belly)\\b)\\p{Ll}+ly|(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|' +
    'at the time|last (?:week|month|year|night)|this (?:week|month|year|morning)|(?:on|in) (?:Twitter|Facebook))$',
  'u',
);

/** The words a match of BETWEEN can end with, besides the adverbs in -ly. */
const BETWEEN_LAST: ReadonlySet<string> = new Set(
  ('also further first finally often never always sometimes now later then had has have again earlier previously once ' +
    'repeatedly reportedly simply just would will did does do recently already still however separately ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday time week month year night morning Twitter Facebook').split(' '),
);

const PLURAL_GROUPS = new RegExp(
  '^(?:officials|diplomats|sources|analysts|experts|witnesses|residents|authorities|leaders|ministers|lawmakers|critics|' +
    'protesters|police|aides|organizers|organisers|researchers|scientists|people|they|prosecutors|demonstrators|supporters|' +
    'voters|others|some|many|republicans|democrats|conservatives|liberals|reporters|journalists|observers|activists|' +
    'opponents|advocates|members|delegates|donors|economists|pollsters|strategists|investigators|lawyers|attorneys|' +
    'senators|candidates|rivals|allies|advisers|advisors|staffers|officers|agents|americans|workers|students|parents|' +
    'women|men|fans|crowds?|audiences?|historians|scholars|commentators|pundits|insiders|operatives|backers|detractors)$',
  'i',
);

/** Nouns that name a role a person holds: "the minister said" stands for the minister named earlier. */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  ...TITLE_WORDS,
  'official', 'spokesman', 'spokeswoman', 'diplomat', 'lawmaker', 'prosecutor', 'adviser', 'advisor',
  'negotiator', 'general', 'commander', 'coach', 'manager', 'executive', 'boss', 'president', 'premier',
]);

/** Offices that one person holds at a time, so "the president" can stand for a name. */
export const SINGLE_HOLDER: ReadonlySet<string> = new Set([
  'president', 'premier', 'chancellor', 'minister', 'secretary-general', 'secretary', 'governor', 'mayor', 'leader',
  'king', 'queen', 'pope', 'ceo', 'chairman', 'chairwoman', 'chair', 'director', 'chief', 'commissioner', 'head',
  'president-elect', 'ambassador', 'envoy', 'coach', 'manager',
]);

/** Stands in for every character of a quote, so cues are searched outside quotes only. */
export const MASK = '\uFFFC';
const NAME_WORD = "[\\p{Lu}][\\p{L}\\p{M}'’.\\-]*";
const PARTICLES = ['von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'el', 'ibn', 'dos', 'das', 'del', 'ter'];
const PARTICLE = `(?:${PARTICLES.join('|')})`;
/** A capitalized name of up to six words, particles allowed ("Ursula von der Leyen"). */
export const NAME_RUN = `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,5}`;
/** A capitalized name at the end of a text: "Mark Rutte", "Ursula von der Leyen", "Macron’s office". */
const NAME_AT_END = new RegExp(
  `(${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,5})` +
    `(?:[’']s\\s+(${PROXY_NOUN_PATTERN}))?$`,
  'u',
);
/** A name that opens a sentence and is followed by a lower-case word that is not a function word. */
export const SUBJECT_AT_START = new RegExp(
  `^\\s*(?:(?:But|And|So|Yet|Meanwhile|Now)\\s+)?(${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,5})(?=(?:\\s*\\([^()]{1,30}\\))?(?:\\s+(?!(?:at|in|on|of|for|to|the|a|an|by|with|from|as)\\b)\\p{Ll}|,\\s+(?:who|whose|which|a|an|the|his|her|their|its|our)\\b|,\\s+(?:[RDI]-[A-Z][\\p{L}.]*|\\d{1,3}),|` +
    `,\\s+(?:[\\p{Lu}][\\p{L}.-]*\\s+){0,3}[\\p{Lu}][\\p{L}.-]*(?:[’']s|s[’'])\\s+\\p{Ll}))`,
  'u',
);
/** "pollster Frank Luntz", "Concord resident Whit Symms": a short description, then a name that ends the clause. */
export const DESCRIBED_NAME_AT_START = new RegExp(
  `^\\s*((?:(?:${NAME_WORD}|(?!(?:of|in|at|from|for|with|on|to|by|and|or|who|that|which)\\b)\\p{Ll}[\\p{Ll}-]*)\\s+){1,5}?` +
    `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,4})(?<!\\b\\p{Lu})(?=\\s*(?:[,;:!?]|\\.(?:\\s|$)|$)|\\s+(?:in|on|at|during|after|before|last|this|who|while|when)\\b)`,
  'u',
);
const NAME_AT_START = new RegExp(`^\\s*(${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,5})`, 'u');
const FULL_NAME = new RegExp(`^(?:(?:Dr|Mr|Mrs|Ms|Prof)\\.?\\s+)?${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){1,4}$`, 'u');
const PRONOUN_AT_END = /\b(he|she|they|it|we|i)$/i;
/** Heads of noun phrases that never speak: "at the time said", "in the primary said". */
const NOT_A_SPEAKER: ReadonlySet<string> = new Set(
  ('time times moment day days week weeks month months year years primary primaries debate debates election elections race ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december ' +
    'night morning evening afternoon weekend event rally interview meeting conference end point way past future case fact ' +
    'same thing things one all most something nothing anything everything').split(' '),
);
const BARE_PLURAL_AT_END = /(?:^|[,;:]\s*|\b(?:but|and|so)\s+)(?:(?:\p{Ll}[\p{Ll}-]*|[\p{Lu}][\p{L}-]*)\s+){0,2}?(\p{L}+)$/u;

export type SubjectKind = 'name' | 'pronoun' | 'role' | 'phrase' | 'none';

export interface Subject {
  readonly kind: SubjectKind;
  /** The subject as written (a name, a pronoun, a noun phrase), or '' for none. */
  readonly text: string;
  /** For names: the person spoken for ("Macron" for "Macron's office"). */
  readonly person?: string;
}

export function isStopwordName(name: string): boolean {
  return nameWords(name).every(isStopword);
}

/** The facts of a capitalized run if it is a person's (or an organization's) name, else null. */
export function properName(raw: string): NameFacts | null {
  return properMemo(raw);
}

/**
 * Capitalized runs recur: what they are is worth keeping. A new run is read without filling the
 * memos of cleanName and nameWords (inserting into them was most of what a new run cost).
 */
const properMemo = boundedMemo(20_000, (raw): NameFacts | null => {
  const person = trimToName(raw);
  const f = nameFacts(person);
  if (!f.isName) {
    return null;
  }
  // nameFacts read the words of the trimmed name; a run has no spaces around it.
  const words = person.trim() === person ? f.words : nameWords(person);
  return !words.every(isStopword) && !NOT_NAME_WORDS.has(person.toLowerCase()) && !isNumberWord(person) ? f : null;
});

function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}

/** Capitalized words that open a run without being part of a name ("Maybe Trump", "Top Clinton aides"). */
const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  ('maybe perhaps top rival former editor republican republicans democratic democrat democrats gop ' +
    'conservative liberal senior also then still even just only yes no well oh so says said monday tuesday wednesday ' +
    'stated added wrote asked noted explained tweeted replied ' +
    'thursday friday saturday sunday january february march april june july august september october november december ' +
    'though although while when after before because since another following meanwhile however instead indeed ' +
    'moreover nevertheless earlier later today yesterday tonight here there ' +
    // Capitalized only by their place: prepositions and spans of time that open a sentence.
    'like unlike despite amid among during under without within through toward towards across against ' +
    'hours minutes days weeks months years decades moments').split(' '),
);

/** A number written out at a sentence start ("Twenty-two years ago"). */
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?)(?:-\p{L}+)?$/iu;

/** The first two letters (lower case) of the words of NUMBER_WORD, as codes: first * 128 + second. */
const NUMBER_WORD_STARTS: ReadonlySet<number> = new Set(
  'on tw th fo fi si se ei ni te el hu'.split(' ').map((w) => w.charCodeAt(0) * 128 + w.charCodeAt(1)),
);

/**
 * NUMBER_WORD.test(text), without the pattern (compiled on first use: a costly one, with its
 * Unicode classes) when the first two characters are ASCII and open none of its words. Beyond
 * ASCII ("ſ" folds to "s" under /iu) the pattern decides.
 */
export function isNumberWord(text: string): boolean {
  if (text.length < 3) return false;
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  // c | 32 lowers an ASCII letter, and gives a letter for no other ASCII character.
  if (a < 128 && b < 128 && !NUMBER_WORD_STARTS.has((a | 32) * 128 + (b | 32))) return false;
  return NUMBER_WORD.test(text);
}

/** A cleaned capitalized run that can be a speaker's name. */
export function isNameLike(person: string): boolean {
  return nameLikeMemo(person);
}

/** Every cue asks this of its subject, and a few names speak at most cues (a dialogue asks "Anna" thousands of times). */
const nameLikeMemo = boundedMemo(20_000, (person): boolean => {
  const lower = person.toLowerCase();
  return !isStopwordName(person) && looksLikeName(person) && !NOT_NAME_WORDS.has(lower) && lower !== 'united' && !isNumberWord(person);
});

/** compromise's lexicon tags (tagsOf) that mark a common word. */
const COMMON_TAGS: ReadonlySet<string> = new Set([
  'Adjective', 'Adverb', 'Determiner', 'Demonym', 'Gerund', 'WeekDay', 'Month', 'Preposition', 'Conjunction',
  'Comparative', 'Superlative', 'Cardinal', 'Value', 'Expression', 'QuestionWord', 'Pronoun',
]);

/**
 * A single capitalized word at the start of a sentence that compromise's lexicon knows as a
 * common word ("Small groups of protesters", "Derelict Obama"): capitalized by its place only.
 */
export function isCommonWordAtStart(name: string): boolean {
  return commonWordMemo(name);
}

/** Asked of every name that opens a sentence or a clause, with the lexicon's tags copied out each time: kept per name. */
const commonWordMemo = boundedMemo(20_000, (name): boolean => {
  if (/\s/.test(name)) {
    return false;
  }
  const word = name.toLowerCase();
  const tags = tagsOf(word);
  // "Debating Clinton's character", "Reprising one of her lines": a gerund of a verb the lexicon knows.
  return tags.some((t) => COMMON_TAGS.has(t)) || (tags.length === 0 && isGerund(word));
});

function isGerund(word: string): boolean {
  // The pattern ends with "ing": a word ending otherwise (most) is not tried.
  const stem = word.endsWith('ing') ? /^(\p{Ll}{3,})ing$/u.exec(word)?.[1] : undefined;
  return stem !== undefined && [stem, `${stem}e`, stem.replace(/(.)\1$/, '$1')].some((b) => tagsOf(b).includes('Infinitive'));
}

/** Trims a capitalized run to the name proper: "But Mark Rutte" → "Mark Rutte". */
export function cleanName(raw: string): string {
  return cleanMemo(raw);
}

/** The same capitalized runs recur at every cue and mention: each is trimmed once (lexicon look-ups per word). */
const cleanMemo = boundedMemo(20_000, trimToName);

function trimToName(raw: string): string {
  // A run of one word (most) is not split.
  const words = hasSpaceOr(raw, 32) ? raw.split(/\s+/) : [raw];
  const notName = (lower: string): boolean => STOPWORDS.has(lower) || NOT_NAME_WORDS.has(lower) || isGerund(lower);
  while (words.length > 1 && notName(words[0].toLowerCase())) words.shift();
  // "Secretary of State Maria Lind": the run starts after "of"; "State" describes, it is no name.
  if (words.length > 2 && words[0] === 'State') {
    words.shift();
  }
  // "Tom Ode." at the end of a sentence: the period is not part of the name ("Jr." and "J." keep theirs).
  const last = words.length - 1;
  if (words[last].endsWith('.') && lettersBeforeDot(words[last]) && !/\..*\.$/.test(words[last]) && !/^(?:Jr|Sr|Inc|Corp|Co|Ltd)\.$/i.test(words[last])) {
    words[last] = words[last].slice(0, -1);
  }
  return words.length === 1 ? words[0] : words.join(' ');
}

/**
 * /\p{L}{3,}\.$/u.test(word) for a word that ends with a full stop: the three characters before it
 * told by char code when they are ASCII (the pattern, with its Unicode class, decides beyond).
 */
export function lettersBeforeDot(word: string): boolean {
  const n = word.length;
  if (n < 4) return false;
  for (let i = n - 2; i >= n - 4; i--) {
    const c = word.charCodeAt(i);
    if (c >= 128) return LETTERS_BEFORE_DOT.test(word);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

const LETTERS_BEFORE_DOT = /\p{L}{3,}\.$/u;

/** The subject written right before a cue verb: `pre` ends where the verb starts. */
export function subjectBefore(pre: string, progressive = false): Subject {
  // trimEnd strips what \s matches (white space and line terminators), without a pattern tried at every space.
  let p = pre.trimEnd();
  // Right after a quote ("“…,” said Rutte"): no pattern below can end on a masked quote (a dialogue's every cue).
  if (p.length === 0 || p.endsWith(MASK)) {
    return NO_SUBJECT;
  }
  if (PASSIVE_BEFORE.test(lastChars(p, 8))) {
    // "Trump is insisting": a progressive, not a passive.
    if (!progressive) {
      return NO_SUBJECT;
    }
    p = p.replace(PASSIVE_BEFORE, '').trimEnd();
  }
  for (let at = betweenAtEnd(p); at >= 0; at = betweenAtEnd(p)) {
    p = p.slice(0, at);
  }
  // "Sen. Richard J. Durbin (D-Ill.)": a party and state, an age, in brackets after the name
  // (only a text ending with ")" or ")," can hold them: the pattern is not tried at every offset of the others).
  if (p.endsWith(')') || p.endsWith('),')) p = p.replace(BRACKETS_AT_END, '$1');
  if (p.endsWith(',')) {
    return subjectBeforeAside(p.slice(0, -1));
  }
  const pronoun = PRONOUN_AT_END.exec(lastChars(p, 6));
  if (pronoun) {
    return { kind: 'pronoun', text: pronoun[1] };
  }
  const name = nameAtEnd(p);
  return (name === null ? null : namedSubjectAtEnd(p, name)) ?? describedSubjectAtEnd(p);
}

/*
 * The patterns above end with $ and were tried at every offset of the up to 300 characters
 * before a cue, most of the cost of reading a subject. Each is now tried only where a match can
 * start; the helpers below say why each cut keeps the same matches.
 */

/**
 * The last `n` characters of a text (all of a shorter one). PASSIVE_BEFORE and PRONOUN_AT_END
 * match a word of five letters at most, after \b, at the end of a text without trailing spaces:
 * a match in the last `n` > 5 characters starts after the first of them, so \b sees the same
 * character before it as in the whole text.
 */
function lastChars(text: string, n: number): string {
  return text.length > n ? text.slice(text.length - n) : text;
}

/**
 * BETWEEN.exec(p)?.index, or -1. A match is a run of spaces (the leftmost match starts where the
 * run starts) and at most three words ("at the time") to the end: only the text from the spaces
 * before the fourth-last word is searched.
 */
function betweenAtEnd(p: string): number {
  // A match ends with one of BETWEEN_LAST or a word in -ly, right after a space: the last word of p.
  let w = p.length;
  while (w > 0 && !isSpaceCode(p.charCodeAt(w - 1))) w--;
  if (w === 0 || !(p.endsWith('ly') || BETWEEN_LAST.has(p.slice(w)))) {
    return -1;
  }
  const from = spacesBeforeWord(p, 4);
  const m = BETWEEN.exec(from === 0 ? p : p.slice(from));
  return m === null ? -1 : from + m.index;
}

/** Where the spaces before the n-th last word of a text start (words split on \s), or 0 without one. */
function spacesBeforeWord(text: string, n: number): number {
  let words = 0;
  let i = text.length;
  while (i > 0) {
    // Skip spaces, then the word before them.
    let j = i;
    while (j > 0 && isSpaceCode(text.charCodeAt(j - 1))) j--;
    if (words === n) {
      return j;
    }
    if (j === 0) {
      return 0;
    }
    while (j > 0 && !isSpaceCode(text.charCodeAt(j - 1))) j--;
    words++;
    i = j;
  }
  return 0;
}

/**
 * NAME_AT_END.exec(p), with the index it has in p. The pattern is tried only from where a match
 * can start: reading p's words back from its end, a match holds only letters, marks, ' ’ . - and
 * spaces, and a word all in lower case inside it is a particle ("von der") or a proxy noun
 * ("'s press office"). Without a capital in that end of p, it is not tried at all (ASCII capitals
 * are told apart; any other letter is taken for one).
 */
function nameAtEnd(p: string): RegExpExecArray | null {
  const { from, capital } = nameTail(p);
  if (!capital) {
    return null;
  }
  const m = NAME_AT_END.exec(from === 0 ? p : p.slice(from));
  if (m !== null) {
    m.index += from;
  }
  return m;
}

/** Where a match of NAME_AT_END can start at the earliest in p, and whether a capital follows. */
function nameTail(p: string): { from: number; capital: boolean } {
  let capital = false;
  let end = p.length;
  while (end > 0) {
    let j = end;
    while (j > 0 && isSpaceCode(p.charCodeAt(j - 1))) j--;
    // The word p[k, j): `plain` while it holds only lower-case ASCII letters and ' . -.
    let k = j;
    let plain = true;
    for (; k > 0; k--) {
      const c = p.charCodeAt(k - 1);
      if (c >= 128) {
        const start = codePointStart(p, k);
        if (isSpaceCode(c) || !NAME_CHAR.test(p.slice(start, k))) break;
        capital = true;
        plain = false;
        k = start + 1;
      } else if (c >= 65 && c <= 90) {
        capital = true;
        plain = false;
      } else if (!((c >= 97 && c <= 122) || c === 39 || c === 45 || c === 46)) {
        break;
      }
    }
    if (k > 0 && !isSpaceCode(p.charCodeAt(k - 1))) {
      // A character no name holds: a match starts after it.
      return { from: k, capital };
    }
    if (plain && !NAME_LINK_WORDS.has(p.slice(k, j))) {
      return { from: j, capital };
    }
    end = k;
  }
  return { from: 0, capital };
}

/** Lower-case words inside a match of NAME_AT_END: particles and the words of proxy nouns. */
const NAME_LINK_WORDS: ReadonlySet<string> = new Set([...PARTICLES, ...PROXY_NOUNS.flatMap((n) => n.split(' '))]);

const NAME_CHAR = /^[\p{L}\p{M}'’.\-\s]$/u;

/** Where the code point that ends at `end` starts: a surrogate pair is one code point, as in a /u pattern. */
function codePointStart(text: string, end: number): number {
  const c = text.charCodeAt(end - 1);
  if (c >= 0xdc00 && c <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return end - 2;
  }
  return end - 1;
}

/** The letters (\p{L}) that end a text: '' when it ends otherwise. */
function lettersAtEnd(text: string): string {
  let i = text.length;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c < 128) {
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
      i--;
      continue;
    }
    const from = codePointStart(text, i);
    if (!LETTER_CHAR.test(text.slice(from, i))) break;
    i = from;
  }
  return text.slice(i);
}

const LETTER_CHAR = /^\p{L}$/u;

const NO_SUBJECT: Subject = { kind: 'none', text: '' };
const BRACKETS_AT_END = /\s*\([^()]{1,40}\)(,?)$/;

/**
 * `inner` ends with an aside set off by commas. "The alliance's secretary-general, Annelise
 * Varnholt, promised": the name between the commas. "Umerov, for his part, stressed" / "Trump,
 * after speaking to Putin, said" / "Ramil Carr, 31, a Philadelphia photographer, said": the
 * subject before the asides (up to three).
 */
function subjectBeforeAside(inner: string): Subject {
  const comma = inner.lastIndexOf(',');
  const aside = inner.slice(comma + 1).trim();
  if (FULL_NAME.test(aside) && !aside.includes(MASK) && nameWords(aside).length >= 2 && looksLikeName(aside) && !isStopwordName(aside)) {
    return { kind: 'name', text: nameWords(aside).join(' '), person: nameWords(aside).join(' ') };
  }
  let rest = inner;
  let first: Subject = NO_SUBJECT;
  for (let k = 0; k < MAX_ASIDES; k++) {
    const at = rest.lastIndexOf(',');
    const part = rest.slice(at + 1).trim();
    // Only an aside that does not start a clause of its own: "the chief executive of Nordbank",
    // "for his part", not "Clinton's aide rallied supporters" (its subject is not before it).
    if (at <= 0 || rest.slice(at).includes(MASK) || !ASIDE.test(part) || part.split(/\s+/).length > ASIDE_WORDS) {
      return first;
    }
    rest = rest.slice(0, at);
    const subject = subjectBefore(rest);
    // "Michael Mulgrew, president of the United Federation of Teachers, …": a name after "of" or a
    // description may itself be an aside of the name before it.
    const complement = /\b(?:of|for|at|in|from)\s+(?:the\s+)?[\p{Lu}][^,]*$/u.test(rest);
    if ((subject.kind === 'name' && !complement) || subject.kind === 'pronoun') {
      return subject;
    }
    first = first.kind === 'none' ? subject : first;
  }
  return first;
}

const MAX_ASIDES = 3;
/** Asides run long in news: "a top operative who played a major role in McCain's win in 2008". */
const ASIDE_WORDS = 30;

/** A name right before a participle, whatever precedes it ("footage of Trump saying …"), or null. */
export function nameRightBefore(pre: string): Subject | null {
  // What /[,:;]\s*$/ told, without retrying it at each offset of `pre`.
  const end = pre.trimEnd();
  if (end.endsWith(',') || end.endsWith(':') || end.endsWith(';')) {
    return null;
  }
  const name = nameAtEnd(end);
  const person = name === null ? '' : cleanName(name[1]);
  return name !== null && !name[2] && isNameLike(person) && !isCommonWordAtStart(person) ? { kind: 'name', text: person, person } : null;
}

/** The subject a name that ends the text before the verb gives ("Mark Rutte", "Macron's office"), or null. */
function namedSubjectAtEnd(p: string, name: RegExpExecArray): Subject | null {
  // "Secretary of State Maria Lind said": the name after the office is the subject.
  if (/^State\s+\S+\s+\S/.test(name[1]) && isNameLike(cleanName(name[1]))) {
    const person = cleanName(name[1]);
    return { kind: 'name', text: person, person };
  }
  // "the president of Lirania asked": the name is a complement, the role is the subject;
  // "Rep. Tom Cole of Oklahoma said": a name with its place.
  const complement = complementStart(p, name.index);
  if (complement >= 0) {
    const head = p.slice(0, complement);
    const role = subjectBefore(head);
    return role.kind === 'role' || role.kind === 'phrase' ? { kind: role.kind, text: role.text + p.slice(head.length) } : role;
  }
  const person = cleanName(name[1]);
  if (isNameLike(person)) {
    const written = name[2] ? `${person}${name[0].slice(name[1].length)}` : person;
    return { kind: 'name', text: written, person };
  }
  return null;
}

/** Words after which a name is a complement ("the president of Lirania"). */
const COMPLEMENT_WORDS = ['of', 'in', 'at', 'from', 'for', 'to', 'with', 'by', 'on'];

/**
 * Where the text before a complement ending at `at` ends ("the president| of |Lirania"), or -1
 * without one: /\b(?:of|in|…|on)\s+$/ tested on p.slice(0, at), and the start of the match of
 * /\s*\b\w+\s+$/ there, read back from `at` instead of tried at every offset before it.
 */
function complementStart(p: string, at: number): number {
  let j = at;
  while (j > 0 && isSpaceCode(p.charCodeAt(j - 1))) j--;
  const word = j < at ? COMPLEMENT_WORDS.find((w) => j >= w.length && p.startsWith(w, j - w.length) && (j === w.length || !isWordCode(p.charCodeAt(j - w.length - 1)))) : undefined;
  if (word === undefined) {
    return -1;
  }
  let start = j - word.length;
  while (start > 0 && isSpaceCode(p.charCodeAt(start - 1))) start--;
  return start;
}

/** What \w matches: an ASCII letter, digit or underscore. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** A description that ends the text before the verb: a role ("the minister"), a group ("officials"). */
function describedSubjectAtEnd(p: string): Subject {
  const phrase = phraseBefore(p);
  if (phrase !== null) {
    const head = phrase.split(/\s+/).pop()?.toLowerCase() ?? '';
    const written = phrase;
    if (ROLE_NOUNS.has(head) || ROLE_NOUNS.has(head.replace(/-/g, ' ').split(' ').pop() ?? '')) {
      return { kind: 'role', text: written };
    }
    if (!STOPWORDS.has(head) && !NOT_A_SPEAKER.has(head)) {
      return { kind: 'phrase', text: written };
    }
  }
  // BARE_PLURAL_AT_END's last group is the letters that end p (a space, , ; : or the start comes
  // before it): unless they are a group, the pattern is not tried at every offset of p.
  if (!PLURAL_GROUPS.test(lettersAtEnd(p))) {
    return NO_SUBJECT;
  }
  const plural = BARE_PLURAL_AT_END.exec(p);
  if (plural && PLURAL_GROUPS.test(plural[1])) {
    return { kind: 'phrase', text: plural[1] };
  }
  return NO_SUBJECT;
}

/** The subject written right after a cue ("…," said Rutte / according to Macron's office). */
export function subjectAfter(post: string): Subject {
  return post.length <= SHORT_TAIL ? shortTailMemo(post) : readSubjectAfter(post);
}

/**
 * The rest of a sentence after an inverted cue is often short and recurs (" Rutte.", a dialogue's
 * " Anna." thousands of times): its subject is read once. Longer tails seldom recur.
 */
const SHORT_TAIL = 40;
const shortTailMemo = boundedMemo(20_000, (post): Subject => readSubjectAfter(post));

function readSubjectAfter(post: string): Subject {
  const described = mayOpenWithWordAndSpace(post) ? DESCRIBED_NAME_AT_START.exec(post) : null;
  const name = described ?? nameAtStart(post);
  if (name) {
    // "said election lawyer Joe Birkenstock": the description's last name run is the speaker.
    const person = cleanName(described ? (NAME_AT_END.exec(name[1].trim())?.[1] ?? name[1]) : name[1]);
    // The pattern opens with ’ or ': most names are followed by neither.
    const mark = post.charCodeAt(name[0].length);
    const possessive = mark === 0x2019 || mark === 39 ? POSSESSIVE_PROXY_AT_START.exec(post.slice(name[0].length)) : null;
    if (isNameLike(person)) {
      return { kind: 'name', text: possessive ? `${person}${possessive[0]}` : person, person };
    }
  }
  const phrase = phraseAfter(post);
  const head = phrase?.split(/\s+/).pop()?.toLowerCase() ?? '';
  if (phrase !== null && !NOT_A_SPEAKER.has(head) && !STOPWORDS.has(head)) {
    return { kind: ROLE_NOUNS.has(head) ? 'role' : 'phrase', text: phrase };
  }
  return { kind: 'none', text: '' };
}


/**
 * False when DESCRIBED_NAME_AT_START cannot match `text`: its first word (letters, marks, ' ’ . -
 * after white space) must be followed by white space. Told by char code, so that a tail of one
 * word (" Anna.", every line of a dialogue) neither compiles nor tries the pattern; true (the
 * pattern decides) at a surrogate.
 */
export function mayOpenWithWordAndSpace(text: string): boolean {
  let i = 0;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  const start = i;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
    const inWord = c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45 || c === 46 : isNameBodyCode(c);
    if (!inWord) break;
  }
  return i > start && i < text.length && isSpaceCode(text.charCodeAt(i));
}

/**
 * NAME_AT_START.exec(text) as [match, name]: a name of one word after an ASCII capital read by
 * char code (as forEachNameRun reads it), anything else by the pattern.
 */
export function nameAtStart(text: string): readonly [string, string] | null {
  let i = 0;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  const c = i < text.length ? text.charCodeAt(i) : -1;
  if (c >= 0 && c < 128) {
    if (!(c >= 65 && c <= 90)) return null;
    const end = oneWordRunEnd(text, i);
    if (end >= 0) return [text.slice(0, end), text.slice(i, end)];
  }
  const m = NAME_AT_START.exec(text);
  return m === null ? null : [m[0], m[1]];
}

/** After the subject of an inverted cue: the clause ends, or a complement of time or place follows. */
const CLAUSE_END = /^(?:[’']s\s+\p{Ll}+)?\s*(?:[,.;:!?()\uFFFC]|$|(?:on|in|at|during|last|this|of|from|who|after|before|while|when)\b)/u;

/**
 * subjectAfter for a cue that follows a comma rather than a quote ("… for the EU, said Geert
 * Wilders, founder of …"): only a subject that ends the clause, not "said Trump was wrong".
 */
export function subjectEndingClause(post: string): Subject {
  const subject = subjectAfter(post);
  const last = subject.text.split(/\s+/).pop() ?? '';
  const at = last.length > 0 ? post.indexOf(last) : -1;
  return at >= 0 && at < WINDOW_AFTER && CLAUSE_END.test(post.slice(at + last.length)) ? subject : NO_SUBJECT;
}

const WINDOW_AFTER = 160;

/**
 * What an aside between commas can be: a description in lower case ("the chief executive of
 * Nordbank"), an age (", 69,"), a party and state ("R-Pa."), a possessive description ("New
 * Jersey’s sitting governor").
 */
const ASIDE = /^(?:\p{Ll}|\d+$|[RDI]-[A-Z][\p{L}.]*$|(?:[\p{Lu}][\p{L}.-]*\s+){0,3}[\p{Lu}][\p{L}.-]*(?:[’']s|s[’'])\s+\p{Ll})/u;

/** A signature after a quote, in roundups and op-eds: "“…” — Ana Ruiz, Daily Courier". */
const SIGNATURE = new RegExp(`\\uFFFC[\\s.,]*[—–]\\s*(${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,4})(?=\\s*(?:[,(]|$))`, 'u');

/** The name signing a quote in the same line, or none. */
export function signature(slice: string): Subject {
  // SIGNATURE needs a dash (most windows after a quote hold none): the pattern is not tried at each of their masks.
  if (!slice.includes('\u2014') && !slice.includes('\u2013')) return NO_SUBJECT;
  const m = SIGNATURE.exec(slice);
  const person = m ? cleanName(m[1]) : '';
  return m && isNameLike(person) ? { kind: 'name', text: person, person } : { kind: 'none', text: '' };
}

/** Every capitalized run of a text. */
export const NAME_ANYWHERE = new RegExp(`${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,5}`, 'gu');

/**
 * Calls `visit(start, end)` for every match of NAME_ANYWHERE in `text`, in order. A run starts
 * with a capital, so a character that is none is skipped by char code (kinds kept per code unit
 * beyond ASCII; a surrogate goes to the pattern); and a run of one word after an
 * ASCII capital ("Riek said", "S" among random bytes: most runs) is read by char code too, its
 * end where the word's letters end unless spaces then a capital or a particle's first letter
 * follow. Anything else goes to the pattern, from where the run starts. Same runs: the pattern's
 * exec for each was most of the cost of reading names.
 */
export function forEachNameRun(text: string, visit: (start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // A masked quote (MASK, no capital) is most of a dialogue's text: skipped before any table.
    if (c === 0xfffc || (c < 128 ? !(c >= 65 && c <= 90) : !(c >= 0xd800 && c <= 0xdfff) && (nameCodeKind(c) & CAPITAL) === 0)) {
      i++;
      continue;
    }
    let end = c < 128 ? oneWordRunEnd(text, i) : -1;
    let start = i;
    if (end < 0) {
      NAME_ANYWHERE.lastIndex = i;
      const m = NAME_ANYWHERE.exec(text);
      if (m === null) {
        return;
      }
      start = m.index;
      end = m.index + m[0].length;
    }
    visit(start, end);
    i = end;
  }
}

/** Where the run that starts with an ASCII capital at `i` ends, when it is one word; else -1. */
function oneWordRunEnd(text: string, i: number): number {
  let j = i + 1;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c < 128 ? !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45 || c === 46) : !isNameBodyCode(c)) break;
  }
  if (j < text.length && text.charCodeAt(j) >= 0xd800 && text.charCodeAt(j) <= 0xdfff) {
    return -1;
  }
  let k = j;
  while (k < text.length && isSpaceCode(text.charCodeAt(k))) k++;
  if (k === j || k === text.length) {
    return j;
  }
  const next = text.charCodeAt(k);
  return next >= 128 || (next >= 65 && next <= 90) || PARTICLE_INITIALS.has(next) ? -1 : j;
}

const PARTICLE_INITIALS: ReadonlySet<number> = new Set(PARTICLES.map((w) => w.charCodeAt(0)));

/** nameCodeKind per UTF-16 code unit, filled as met (0: not yet known). */
const NAME_CODE_KINDS = new Uint8Array(0x10000);
const KNOWN = 1;
const BODY = 2;
const CAPITAL = 4;
const NAME_BODY = /^[\p{L}\p{M}’]$/u;
const NAME_START = /^\p{Lu}$/u;

/**
 * Flags of a code unit beyond ASCII: BODY when it continues a name's word (a letter, a mark, ’),
 * CAPITAL when it starts one (\p{Lu}); a surrogate does neither on its own. Random bytes decoded
 * to text meet thousands of distinct characters, each tested once.
 */
function nameCodeKind(c: number): number {
  let kind = NAME_CODE_KINDS[c];
  if (kind === 0) {
    const ch = String.fromCharCode(c);
    const surrogate = c >= 0xd800 && c <= 0xdfff;
    kind = KNOWN | (!surrogate && NAME_BODY.test(ch) ? BODY : 0) | (!surrogate && NAME_START.test(ch) ? CAPITAL : 0);
    NAME_CODE_KINDS[c] = kind;
  }
  return kind;
}

function isNameBodyCode(c: number): boolean {
  return (nameCodeKind(c) & BODY) !== 0;
}

const SUBORDINATE_AT_START = /^\s*(?:When|If|After|Before|While|Although|Though|Because|Since|As|Once|Until|Unless|Whether)\b/;

const CLAUSE_PRONOUN = /^\s*(?:(?:But|And|So|Yet|Meanwhile|Now)\s+)?(he|she|they|it|we|i)\b/i;

/**
 * The subject of a whole clause, for a participle ("X rallied supporters, saying …"): the name or
 * pronoun that opens it, or that follows an opening phrase set off by a comma ("In response to …, X …").
 * With `phrase`, a noun phrase that opens it too ("The Vermont senator emailed supporters saying"),
 * or only one followed by a verb ('beforeVerb', for a sentence without a cue verb).
 */
export function clauseSubject(clause: string, phrase: 'no' | 'any' | 'beforeVerb' = 'no'): Subject {
  // "When Wallace died in 1998, President Clinton released …": a subordinate clause's subject is not the clause's.
  const opening = SUBORDINATE_AT_START.test(clause) ? NO_SUBJECT : subjectAtStart(clause);
  if (opening.kind !== 'none') {
    return opening;
  }
  const described = phrase === 'any' ? phraseAfter(clause) : phrase === 'beforeVerb' ? phraseBeforeVerb(clause) : null;
  const head = described?.split(/\s+/).pop()?.toLowerCase() ?? '';
  if (described !== null && !NOT_A_SPEAKER.has(head)) {
    return { kind: ROLE_NOUNS.has(head) ? 'role' : 'phrase', text: described };
  }
  // "Horrified at the prospect …, Ramos believes", "On July 6, 2015, Sanders made …": after
  // opening phrases set off by commas (up to three).
  let rest = clause;
  for (let k = 0; k < 3; k++) {
    const comma = /^[^,\uFFFC]{1,120},\s*/.exec(rest);
    if (comma === null) {
      break;
    }
    rest = rest.slice(comma[0].length);
    const after = subjectAtStart(rest);
    if (after.kind !== 'none') {
      return after;
    }
  }
  return opening;
}

function subjectAtStart(body: string): Subject {
  const pronoun = CLAUSE_PRONOUN.exec(body);
  if (pronoun) {
    return { kind: 'pronoun', text: pronoun[1] };
  }
  const described = describedNameAtStart(body);
  if (described !== null) {
    return { kind: 'name', text: described, person: described };
  }
  const name = SUBJECT_AT_START.exec(body);
  // "The Vermont senator emailed …": a description, not the name "Vermont".
  const next = name === null ? '' : (/^\s+(\p{Ll}+)/u.exec(body.slice(name.index + name[0].length))?.[1] ?? '');
  if (name && !(/^\s*(?:The|A|An)\s/.test(name[1]) && next.length > 0 && !isVerb(next))) {
    // "Hillary Clinton’s aides cast …" speaks for her; "Hillary Clinton’s right-hand woman" is a phrase.
    const owner = /^(.*)([’']s)$/u.exec(name[1]);
    const after = body.slice(name.index + name[0].length);
    const person = cleanName(owner === null ? name[1] : owner[1]);
    const possessive = POSSESSIVE_PROXY_AT_START.exec(owner === null ? after : `${owner[2]}${after}`);
    if (isNameLike(person) && !isCommonWordAtStart(person) && (owner === null || possessive !== null)) {
      return { kind: 'name', text: possessive ? `${person}${possessive[0]}` : person, person };
    }
  }
  return { kind: 'none', text: '' };
}

/** A description ending in a lower-case word, then a name, then a verb: "Clinton campaign manager Robby Mook told …". */
const DESCRIPTION_THEN_NAME = new RegExp(
  `^\\s*(?:(?:But|And|So|Yet|Meanwhile|Now)\\s+)?((?:[\\p{L}\\p{N}.’'-]+\\s+){0,4}?\\p{Ll}[\\p{L}-]*\\s+)(${NAME_RUN})(?=(?:\\s*\\([^()]{1,30}\\))?(?:\\s+\\p{Ll}|,))`,
  'u',
);

/**
 * The name after a description that opens a clause, when the description holds a lower-case
 * word and no function word ("Democratic presidential nominee Hillary Clinton chimed in"; not
 * "Mark Rutte appeared", not "Earlier at NATO headquarters Rutte said").
 */
function describedNameAtStart(body: string): string | null {
  const m = DESCRIPTION_THEN_NAME.exec(body);
  if (m === null) {
    return null;
  }
  const words = m[1].trim().split(/\s+/);
  const lower = words.filter((w, i) => /^\p{Ll}/u.test(w) || (i === 0 && /^(?:The|A|An)$/.test(w)));
  const plain = lower.every((w, i) => (i === 0 && /^(?:The|A|An)$/.test(w)) || (!STOPWORDS.has(w.toLowerCase()) && !/(?:ly|ed)$/.test(w) && !isVerb(w) && !/[’']/.test(w)));
  const person = cleanName(m[2]);
  return lower.some((w) => /^\p{Ll}/u.test(w)) && plain && isNameLike(person) && !isCommonWordAtStart(person) ? person : null;
}
