/**
 * Person names: one comparison key per person whatever the transliteration or the title used
 * ("President Volodymyr Zelensky", "Zelenskyy", "Zelenskiy" → "zelensky"), and, within one
 * article, surname-only mentions resolved to the fullest form seen earlier ("Rutte" → "Mark Rutte").
 */
import { boundedMemo } from '../memo';
import { POSSESSIVE_PROXY_AT_END } from './proxyNouns';
import { isSpaceCode } from './speakerPhrases';

/** Titles and honorifics that precede a name and are not part of it (folded, lower case). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  ('mr mrs ms miss mx dr prof sir dame lord lady rev fr sen rep gov gen col lt maj capt sgt cmdr adm ' +
    'president vice prime minister secretary general secretary-general chancellor premier chairman chairwoman ' +
    'chair director head chief spokesman spokeswoman spokesperson ambassador envoy commissioner governor mayor ' +
    'senator congressman congresswoman representative speaker judge justice king queen prince princess pope ' +
    'emperor sheikh ayatollah foreign defense defence interior finance deputy acting former foreign-minister ' +
    'president-elect leader commander officer minister-president high representative chancellor-elect ' +
    'pm ceo cfo coo founder professor doctor').split(/\s+/),
);

/** Words that may stand with a title in a description ("The Minister", "Prime Minister"). */
const DESCRIPTIVE_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'prime', 'chief', 'new', 'top']);

const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

function fold(s: string): string {
  // Decomposing is the costly part: only text beyond ASCII needs it.
  const plain = /[^ -~]/.test(s) ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘`´]/g, "'") : s;
  return plain.toLowerCase();
}

/**
 * Folds transliteration variants of a surname to one spelling: -skyy/-skiy/-ski/-sky → -sky,
 * -ii/-iy/-yy/-yi/-ij/-yj endings → -y, -off/-ow → -ov, doubled final consonants of -ff/-ss kept.
 */
export function foldSurname(surname: string): string {
  let s = fold(surname).replace(/[^a-z'-]/g, '');
  s = s.replace(/(?:iy|yy|ii|yi|ij|yj)$/, 'y');
  s = s.replace(/(sk|ck|tsk|zk)i$/, '$1y');
  s = s.replace(/(?:off|ow)$/, 'ov');
  s = s.replace(/(?:iev|yev|jev)$/, 'ev');
  s = s.replace(/^(?:tch)/, 'ch');
  return s;
}

/**
 * Speaker search asks these of the same few names at every cue (a dialogue asks "Anna" thousands
 * of times): answers are kept per spelling.
 */
const NAME_MEMO_SIZE = 20_000;
const wordsMemo = boundedMemo<readonly string[]>(NAME_MEMO_SIZE, (name) => computeNameWords(name));
const nameLikeMemo = boundedMemo<boolean>(NAME_MEMO_SIZE, (text) => computeLooksLikeName(text));

/** The words of a name without leading titles and trailing suffixes ("President Macron" → ["Macron"]). */
export function nameWords(name: string): readonly string[] {
  return wordsMemo(name);
}

function computeNameWords(name: string): string[] {
  // Both patterns end with a possessive: without an apostrophe (most names) neither can match.
  const bare = name.includes("'") || name.includes('’') ? name.replace(POSSESSIVE_PROXY_AT_END, '').replace(/[’']s$/, '') : name;
  // A name of one word (most capitalized runs) is not split.
  const words = hasSpaceOr(bare, 44) ? bare.split(/[\s,]+/).map(trimWord).filter((w) => w.length > 0) : oneWord(trimWord(bare));
  while (words.length > 1 && NAME_SUFFIXES.has(fold(words[words.length - 1]).replace(/\./g, ''))) {
    words.pop();
  }
  // Everything up to the last title is description ("French President Emmanuel Macron"); the
  // last word always stays, so a bare "President" remains a phrase.
  let first = 0;
  for (let i = 0; i < words.length - 1; i++) {
    if (TITLE_WORDS.has(withoutFinalDot(fold(words[i])))) {
      first = i + 1;
    }
  }
  while (first < words.length - 1 && isLowerCase(words[first])) {
    first++;
  }
  return words.slice(first);
}

/** Whether text holds white space (what \s matches) or the character `code`. */
export function hasSpaceOr(text: string, code: number): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === code || isSpaceCode(c)) return true;
  }
  return false;
}

/** [word].filter((w) => w.length > 0). */
function oneWord(word: string): string[] {
  return word.length > 0 ? [word] : [];
}

/** A word that opens with an ASCII letter and holds only letters and . ' ’ -: WORD_EDGES finds nothing to trim. */
const PLAIN_WORD = /^[A-Za-z][A-Za-z.'’-]*$/;
const WORD_EDGES = /^[^\p{L}]+|[^\p{L}.'’-]+$/gu;

/** A word without what precedes its first letter and without trailing marks other than . ' ’ -. */
function trimWord(w: string): string {
  return PLAIN_WORD.test(w) ? w : w.replace(WORD_EDGES, '');
}

/** s.replace(/\.$/, '') without a pattern. */
function withoutFinalDot(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

function isLowerCase(word: string): boolean {
  return word.length > 0 && word[0] === word[0].toLowerCase() && word[0] !== word[0].toUpperCase();
}

/** True when the text looks like a proper name (starts with a capital letter, not a title alone). */
export function looksLikeName(text: string): boolean {
  return nameLikeMemo(text);
}

function computeLooksLikeName(text: string): boolean {
  return looksLikeWords(text, nameWords(text));
}

/** "Mr. King", "Ms. Bishop": after an honorific, a title word is a surname. */
const HONORIFIC_NAME = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+\p{Lu}[\p{L}'’-]+$/u;

/** looksLikeName of a text whose nameWords are `words` (computeFacts has them at hand). */
function looksLikeWords(text: string, words: readonly string[]): boolean {
  // HONORIFIC_NAME opens with M or D: most names do not, and the pattern (compiled on first use) is not tried.
  const trimmed = text.trim();
  if ((trimmed.startsWith('M') || trimmed.startsWith('D')) && HONORIFIC_NAME.test(trimmed)) {
    return true;
  }
  if (words.length === 0) {
    return false;
  }
  // "The Minister" is a description; "Martin Luther King" is a name.
  return startsWithCapital(words[words.length - 1]) && !words.every(isDescriptive);
}

/** /^\p{Lu}/u.test(word), told by char code for an ASCII first character. */
export function startsWithCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : CAPITAL_FIRST.test(word);
}

const CAPITAL_FIRST = /^\p{Lu}/u;

function isDescriptive(word: string): boolean {
  const folded = fold(word);
  return TITLE_WORDS.has(withoutFinalDot(folded)) || DESCRIPTIVE_WORDS.has(folded);
}

/** What the engine needs to know about a name, computed once per distinct spelling. */
export interface NameFacts {
  /** See speakerKey. */
  readonly key: string | null;
  /** True for a proper name, false for a description ("the minister") or nothing. */
  readonly isName: boolean;
  /** The name without titles ("Emmanuel Macron" for "French President Emmanuel Macron"). */
  readonly display: string;
  readonly wordCount: number;
  /** nameWords of the trimmed name (properName reads them again without a look-up). */
  readonly words: readonly string[];
  /** True when `display` is the trimmed name itself, so nameFacts(display) gives these facts again. */
  readonly plain: boolean;
}

/** Names recur across a bundle: their facts are worth keeping. */
const factsMemo = boundedMemo(20_000, (name) => computeFacts(name));

/** The key, display form and kind of a name, cached. */
export function nameFacts(name: string): NameFacts {
  return factsMemo(name);
}

function computeFacts(name: string): NameFacts {
  const trimmed = name.trim();
  if (trimmed.length === 0) {
    return { key: null, isName: false, display: '', wordCount: 0, words: [], plain: true };
  }
  // The words straight from computeNameWords: a fresh name would otherwise fill two more memos
  // (nameWords and looksLikeName), and inserting into those was most of the cost of a new name.
  const words = computeNameWords(trimmed);
  if (!looksLikeWords(trimmed, words)) {
    const spaced = hasSpaceOr(trimmed, 32);
    return { key: spaced ? fold(trimmed).replace(/\s+/g, ' ') : fold(trimmed), isName: false, display: trimmed, wordCount: spaced ? trimmed.split(/\s+/).length : 1, words, plain: true };
  }
  const surname = foldSurname(words[words.length - 1]);
  const display = words.join(' ');
  return { key: surname.length > 0 ? surname : fold(trimmed), isName: true, display, wordCount: words.length, words, plain: display === trimmed };
}

/**
 * The comparison key of a speaker: the folded surname of a name ("Mark Rutte" and "Rutte" →
 * "rutte"; Zelensky/Zelenskyy/Zelenskiy → "zelensky"; "Macron's office" → "macron"), or the folded
 * phrase itself for descriptions that are not names ("the statement"). Null for empty input.
 */
export function speakerKey(name: string | null | undefined): string | null {
  return name === null || name === undefined ? null : nameFacts(name).key;
}

/**
 * The names of one article, in reading order: resolves a surname-only or titled mention to the
 * fullest form seen so far ("Rutte" → "Mark Rutte"), without titles.
 */
export class ArticleNames {
  private readonly full = new Map<string, NameFacts>();

  /** Records a mention and returns its display form: the fullest name seen for its key. */
  add(name: string): string {
    return this.fullest(name, true);
  }

  /** add(name) for a name whose facts the caller has at hand (nameFacts(name)). */
  addWithFacts(name: string, facts: NameFacts): string {
    return this.fullestOf(facts, name, true);
  }

  /** The fullest form seen for this name's key, or the name without titles when none was seen. */
  resolve(name: string): string {
    return this.fullest(name, false);
  }

  /**
   * add(facts.display) for facts read from a name: when the display form is the name itself, its
   * facts are these, without looking them up again (readNames records every capitalized run).
   */
  addFacts(facts: NameFacts): string {
    return facts.plain ? this.fullestOf(facts, facts.display, true) : this.add(facts.display);
  }

  /** The fullest form of a name (recording this mention first when `record`); a description stays as written. */
  private fullest(name: string, record: boolean): string {
    return this.fullestOf(nameFacts(name), name, record);
  }

  private fullestOf(facts: NameFacts, name: string, record: boolean): string {
    if (facts.key === null || !facts.isName) {
      return name.trim();
    }
    const known = this.full.get(facts.key);
    if (record && (known === undefined || known.wordCount < facts.wordCount)) {
      this.full.set(facts.key, facts);
      return facts.display;
    }
    return known?.display ?? facts.display;
  }
}
