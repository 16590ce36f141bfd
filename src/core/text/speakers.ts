import type { Quote, Sentence, Span } from '../model';
import { firstNotBefore } from '../util/binarySearch';
import { ArticleNames, nameFacts, nameWords, speakerKey } from './names';
import type { QuoteSpan } from './quotes';
import {
  CUE, MASK, clauseSubject, forEachNameRun, isCommonWordAtStart, signature, ROLE_NOUNS, SINGLE_HOLDER, SUBJECT_AT_START, cleanName, properName, subjectAfter, subjectBefore, subjectEndingClause, nameRightBefore,
} from './speakerSubjects';
import type { Subject } from './speakerSubjects';
import { labelBefore, signedAfter } from './speakerMarks';
import { isDocumentPhrase, isSpaceCode } from './speakerPhrases';
import { nameAt, runSlot, spellingAt } from './speakersRunNames';

/**
 * Who said each quote: the subject of a cue verb ("…," Rutte said / Kallas said: "…" / according
 * to Macron's office), a pronoun resolved to the last named person ("he said"), a title resolved
 * to the person who bears it ("the minister said"), or the speaker of the quote just before when a
 * quote stands alone (a speech quoted over several sentences). Plain regular expressions over the
 * sentence with quotes masked out: fast, and deterministic.
 */

interface Cue {
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  /** The cue verb as written in lower case; '' for the implicit cue of a sentence without one. */
  readonly verb: string;
  readonly subject: Subject;
  /** Filled in reading order. */
  speaker: string | null;
  key: string | null;
  /** A role as written when it was resolved to a person ("the mayor" for Bill de Blasio), else null. */
  mention: string | null;
}

interface Person {
  readonly display: string;
  readonly key: string;
  /** The role this person was resolved from, as written (see Cue.mention). */
  readonly mention?: string | null;
}

/** A sentence (or line, when no sentences were given) and its text with every quote masked out. */
interface Region extends Span {
  readonly index: number;
}

function maskQuotes(text: string, spans: readonly QuoteSpan[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    // Nested spans lie inside one already masked.
    if (s.end <= at) {
      continue;
    }
    const from = Math.max(at, s.start);
    out += text.slice(at, from) + masks(s.end - from);
    at = s.end;
  }
  return out + text.slice(at);
}

/** A run of MASK kept to cut shorter runs from (a slice shares its characters, a repeat copies them). */
const MASK_RUN = MASK.repeat(4096);

/** `n` MASKs: most quotes are shorter than MASK_RUN. */
function masks(n: number): string {
  return n <= MASK_RUN.length ? MASK_RUN.slice(0, n) : MASK.repeat(n);
}

/** Sentences to search in: the given ones, or one per line when none cover the text. */
function regionsOf(text: string, sentences: readonly Sentence[]): Region[] {
  const sorted = sentences.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start);
  // Sentences from splitSentences come in order: the (stable) sort would leave them as they are.
  if (!startsInOrder(sorted)) sorted.sort((a, b) => a.start - b.start);
  if (sorted.length > 0) {
    return sorted.map((s, index) => ({ start: s.start, end: s.end, index }));
  }
  const regions: Region[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim().length > 0) {
      regions.push({ start, end: start + line.length, index: regions.length });
    }
    start += line.length + 1;
  }
  return regions;
}

function startsInOrder(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].start) return false;
  }
  return true;
}

/** Index of the region that contains offset, or the first one after it (the last one past the end). */
function regionAt(regions: readonly Region[], offset: number): number {
  // firstNotBefore(regions.length, (i) => regions[i].end <= offset), written out: asked twice per quote.
  let lo = 0;
  let hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, Math.min(regions.length - 1, lo));
}

/** Words written before a name in the same clause ("Ukrainian Defense Minister" before "Rustem Umerov"). */
function rolesBefore(masked: string, nameStart: number, regionStart: number): string[] {
  const before = masked.slice(Math.max(regionStart, nameStart - WINDOW), nameStart);
  const clause = before.split(/[,;:.()\u2014\u2013]|\s-\s/).pop() ?? '';
  return clause
    .split(/\s+/)
    .slice(-5)
    .map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ''))
    .filter((w) => w.length > 0);
}

/** A capitalized run in the text that is a name. */
interface Mention {
  readonly region: number;
  readonly at: number;
  readonly regionStart: number;
  readonly raw: string;
  readonly key: string;
}

/** A name that opens a sentence, and how many words it has. */
type Candidate = Person & { words: number };

/** What the first pass reads from an article. */
interface Reading {
  readonly names: ArticleNames;
  readonly mentions: Mention[];
  readonly cues: Cue[];
  /** Per region: the name that opens it, before it is confirmed as a subject (undefined for none). */
  readonly candidatesAtStart: (Candidate | undefined)[];
  /** Per region: true when it holds words outside its quotes. */
  readonly wordsOutside: boolean[];
}

/** Speakers for quote spans: the Quote records of one article, in order. */
export function attributeSpeakers(text: string, sentences: readonly Sentence[], spans: readonly QuoteSpan[]): Quote[] {
  return attributeSpeakerMentions(text, sentences, spans).quotes;
}

/**
 * attributeSpeakers, and per quote the role as written when its speaker was resolved from one
 * ("the mayor said" → Bill de Blasio, mention "the mayor"), else null. Evaluations compare the
 * mention with annotations of the text, which name the source as written.
 */
export function attributeSpeakerMentions(text: string, sentences: readonly Sentence[], spans: readonly QuoteSpan[]): Assigned {
  if (spans.length === 0) {
    return { quotes: [], mentions: [] };
  }
  const masked = maskQuotes(text, spans);
  const regions = regionsOf(text, sentences);
  const reading = readRegions(masked, regions);
  const subjectsAtStart = confirmSubjectsAtStart(reading);
  new CueResolver(masked, reading).resolveAll(regions, subjectsAtStart);
  return assignQuotes(text, masked, regions, reading, spans);
}

/** How many people, most recent first, a pronoun or a role can stand for. */
const RECENT_PEOPLE = 32;

/** How far from a cue verb its subject is looked for, in characters. */
const WINDOW = 300;

/** Pass 1: cue verbs, the names of the article (for their fullest form), names that open a sentence. */
function readRegions(masked: string, regions: readonly Region[]): Reading {
  const reading: Reading = { names: new ArticleNames(), mentions: [], cues: [], candidatesAtStart: perRegion(regions), wordsOutside: [] };
  for (const region of regions) {
    const slice = masked.slice(region.start, region.end);
    readNames(slice, region, reading);
    reading.wordsOutside[region.index] = hasWordOutside(slice);
    // A headline in title case ("Pence Endorses Paul Ryan With Trump") opens with no subject.
    const start = opensWithCapital(slice) && !isTitleCase(slice) ? SUBJECT_AT_START.exec(slice) : null;
    if (start) {
      const facts = properName(start[1]);
      if (facts !== null && facts.key !== null && /\p{Ll}/u.test(facts.display) && !isCommonWordAtStart(facts.display)) {
        reading.candidatesAtStart[region.index] = { display: facts.display, key: facts.key, words: facts.wordCount };
      }
    }
    readCues(slice, region, reading.cues);
  }
  return reading;
}

/** One slot per region, all empty (a packed array: regions are filled out of order or not at all). */
function perRegion<T>(regions: readonly Region[]): (T | undefined)[] {
  return new Array<T | undefined>(regions.length).fill(undefined);
}

/**
 * Whether a slice's first character after white space is a capital (or a surrogate, left to the
 * pattern), as SUBJECT_AT_START needs: most sentences open otherwise (every line of a dialogue
 * opens with a quote), and the pattern is not tried on them.
 */
function opensWithCapital(slice: string): boolean {
  let i = 0;
  while (i < slice.length && isSpaceCode(slice.charCodeAt(i))) i++;
  if (i === slice.length) return false;
  const c = slice.charCodeAt(i);
  return (c >= 0xd800 && c <= 0xdfff) || letterKind(c) === UPPER_LETTER;
}

/** Characters that are no word besides white space: punctuation and a masked quote. */
const NOT_WORD_CODES: ReadonlySet<number> = new Set([...'\uFFFC.,;:!?…-–—()'].map((c) => c.charCodeAt(0)));

/**
 * Whether a region holds a character that is neither space, punctuation nor a masked quote (words
 * outside its quotes): /[^\s\uFFFC.,;:!?…\-–—()]/.test(slice), by char code from the start (the
 * pattern's call on every region cost more than the few characters it reads: the first is most
 * often a letter).
 */
export function hasWordOutside(slice: string): boolean {
  for (let i = 0; i < slice.length; i++) {
    const c = slice.charCodeAt(i);
    if (!isSpaceCode(c) && !NOT_WORD_CODES.has(c)) return true;
  }
  return false;
}

/** True for a line in title case: four or more words of four letters or more, all capitalized. */
function isTitleCase(slice: string): boolean {
  const upper = capitalizedWords(slice);
  return upper === undefined ? !LOWER_WORD.test(slice) && (slice.match(UPPER_WORDS)?.length ?? 0) >= 4 : upper >= 4;
}

/**
 * What isTitleCase's patterns tell, by one pass over char codes (LOWER_WORD, with its look-behind,
 * is retried at every offset, and UPPER_WORDS read the whole line again): -1 when a run of four
 * letters or more starts lower case, else how many such runs start upper case. Undefined for a
 * slice with surrogates, where a code unit is not a code point.
 */
function capitalizedWords(slice: string): number | undefined {
  let upper = 0;
  let runStart = -1;
  let first = NOT_LETTER;
  for (let i = 0; i <= slice.length; i++) {
    const c = i < slice.length ? slice.charCodeAt(i) : -1;
    if (c >= 0xd800 && c <= 0xdfff) return undefined;
    const kind = c < 0 ? NOT_LETTER : letterKind(c);
    if (kind !== NOT_LETTER) {
      if (runStart < 0) {
        runStart = i;
        first = kind;
      }
      continue;
    }
    if (runStart >= 0 && i - runStart >= 4) {
      if (first === LOWER_LETTER) return -1;
      if (first === UPPER_LETTER) upper++;
    }
    runStart = -1;
  }
  return upper;
}

const NOT_LETTER = 1;
const LOWER_LETTER = 2;
const UPPER_LETTER = 3;
const OTHER_LETTER = 4;

/** letterKind per UTF-16 code unit, filled as met (0: not yet known): a random-bytes text meets thousands of letters. */
const LETTER_KINDS = new Uint8Array(0x10000);

/** Whether a code unit (not a surrogate) is a letter of \p{Ll}, of \p{Lu}, another letter, or none (the masked-quote mark is none). */
function letterKind(c: number): number {
  if (c < 128) {
    return c >= 97 && c <= 122 ? LOWER_LETTER : c >= 65 && c <= 90 ? UPPER_LETTER : NOT_LETTER;
  }
  let kind = LETTER_KINDS[c];
  if (kind === 0) {
    const ch = String.fromCharCode(c);
    kind = c === 0xfffc || !LETTER.test(ch) ? NOT_LETTER : LOWER.test(ch) ? LOWER_LETTER : UPPER.test(ch) ? UPPER_LETTER : OTHER_LETTER;
    LETTER_KINDS[c] = kind;
  }
  return kind;
}

const LETTER = /^\p{L}$/u;
const LOWER = /^\p{Ll}$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER_WORD = /(?<!\p{L})\p{Ll}\p{L}{3}/u;
const UPPER_WORDS = /(?<!\p{L})\p{Lu}\p{L}{3}/gu;

function readNames(slice: string, region: Region, reading: Reading): void {
  forEachNameRun(slice, (start, end) => {
    const slot = runSlot(slice, start, end);
    const name = nameAt(slot);
    if (name === null) {
      return;
    }
    reading.names.addFacts(name);
    reading.mentions.push({ region: region.index, at: region.start + start, regionStart: region.start, raw: spellingAt(slot), key: name.key });
  });
}

function readCues(slice: string, region: Region, cues: Cue[]): void {
  const before = cues.length;
  CUE.lastIndex = 0;
  for (let m = CUE.exec(slice); m !== null; m = CUE.exec(slice)) {
    // Only "According to" has a capital: the other verbs are written in lower case already.
    const verb = m[0].charCodeAt(0) === 65 ? m[0].toLowerCase() : m[0];
    // A subject stands near its verb: windows keep a long sentence with many cues linear.
    const pre = slice.slice(Math.max(0, m.index - WINDOW), m.index);
    const post = slice.slice(m.index + m[0].length, m.index + m[0].length + WINDOW);
    const clause = slice.slice(0, Math.min(m.index, WINDOW));
    const at = region.start + m.index;
    const subject = cueSubject(verb, pre, post, clause);
    cues.push({ sentence: region.index, start: at, end: at + m[0].length, verb, subject, speaker: null, key: null, mention: null });
  }
  // "Ramos believes in journalism that “takes sides”": a quote in a sentence without a cue verb
  // belongs to the name that signs it ("“…” — Ana Ruiz, Daily Courier"), else to the sentence's
  // subject, when that is a name or a pronoun written before the quote.
  if (cues.length > before) {
    return;
  }
  const quoteAt = slice.indexOf(MASK);
  if (slice.charCodeAt(0) === 0x2014 || slice.charCodeAt(0) === 0x2013) {
    // A signature split off as a sentence of its own: "“…”" | "— Ana Ruiz, Daily Courier".
    const signed = signature(MASK + slice.slice(0, WINDOW));
    if (signed.kind !== 'none') {
      cues.push({ sentence: region.index, start: region.start, end: region.start, verb: '', subject: signed, speaker: null, key: null, mention: null });
    }
  } else if (quoteAt >= 0) {
    const signed = signature(slice.slice(quoteAt, quoteAt + WINDOW));
    const subject = signed.kind !== 'none' ? signed : clauseSubject(slice.slice(0, Math.min(quoteAt, WINDOW)), 'beforeVerb');
    if (subject.kind !== 'none') {
      cues.push({ sentence: region.index, start: region.start, end: region.start, verb: '', subject, speaker: null, key: null, mention: null });
    }
  }
}

/** A cue verb anywhere in a text (no global state: CUE itself is global). */
const CUE_IN = new RegExp(CUE.source);

/** The subject of one cue verb, before it or (inverted, right after a quote) after it. */
function cueSubject(verb: string, pre: string, post: string, clause: string): Subject {
  if (verb === 'according to') {
    return subjectAfter(post);
  }
  const participle = verb.endsWith('ing');
  // What /,\s*$/ and /\b(?:and|but)\s*$/ told of `pre`, without retrying them at each of its offsets.
  const end = pre.trimEnd();
  const afterComma = end.endsWith(',');
  // "X rallied supporters, saying …", "X issued a statement saying …": a participle shares the
  // clause's subject.
  if (participle && afterComma) {
    const shared = clauseSubject(clause, 'any');
    if (shared.kind !== 'none') {
      return shared;
    }
  }
  // "footage of Trump saying …": a participle right after a name.
  const named = participle ? nameRightBefore(pre) : null;
  if (named !== null) {
    return named;
  }
  const subject = subjectBefore(pre, participle);
  // "…," said Rutte / "…" for the EU, said Geert Wilders: the subject follows the verb right
  // after a quote or a comma. Participles ("…", saying the country …) never invert.
  if (subject.kind === 'none' && !participle && rightAfterQuote(pre)) {
    return subjectAfter(post);
  }
  if (subject.kind === 'none' && !participle && afterComma) {
    return subjectEndingClause(post);
  }
  // "McConnell was quick to embrace the mogul and said …": a second verb of the clause;
  // "The Vermont senator emailed supporters saying …": the clause's subject, a phrase too.
  if (subject.kind === 'none' && (endsWithWord(end, 'and') || endsWithWord(end, 'but') || (participle && !CUE_IN.test(clause)))) {
    return clauseSubject(clause, 'any');
  }
  return subject;
}

/** True when `text` ends with `word` after \b (no ASCII word character before it). */
function endsWithWord(text: string, word: string): boolean {
  return text.endsWith(word) && (text.length === word.length || !/\w/.test(text[text.length - word.length - 1]));
}

/**
 * Whether `pre` is empty or ends with a (masked) quote, give or take spaces and commas: what
 * /(?:^|\uFFFC)[\s,]*$/ tells, read backwards from the end by char code instead of retried at every mask.
 */
function rightAfterQuote(pre: string): boolean {
  let i = pre.length;
  while (i > 0 && (pre.charCodeAt(i - 1) === 44 || isSpaceCode(pre.charCodeAt(i - 1)))) i--;
  return i === 0 || pre.charCodeAt(i - 1) === MASK_CODE;
}

const MASK_CODE = MASK.charCodeAt(0);

/**
 * A name that opens a sentence is its subject if it speaks elsewhere or is a full name
 * ("Earlier at NATO headquarters" and "Regarding the …" are not people).
 */
function confirmSubjectsAtStart(reading: Reading): (Person | undefined)[] {
  const candidates = reading.candidatesAtStart;
  const subjectsAtStart = new Array<Person | undefined>(candidates.length).fill(undefined);
  // Read only when a one-word name opens a sentence (no line of a dialogue opens with a name).
  let speakingKeys: ReadonlySet<string | null> | null = null;
  for (let index = 0; index < candidates.length; index++) {
    const p = candidates[index];
    if (p === undefined) continue;
    if (p.words < 2 && speakingKeys === null) {
      speakingKeys = new Set(reading.cues.filter((c) => c.subject.kind === 'name').map((c) => speakerKey(c.subject.person ?? c.subject.text)));
    }
    if (p.words >= 2 || (speakingKeys?.has(p.key) ?? false)) {
      subjectsAtStart[index] = { display: p.display, key: p.key };
    }
  }
  return subjectsAtStart;
}

/** Pass 2: resolves the subjects of the cues in reading order (pronouns, roles, groups). */
class CueResolver {
  private readonly recent: Person[] = [];
  private readonly gender = new Map<string, 'm' | 'f'>();
  /** Sentence in which each person last spoke (was the subject of a cue verb). */
  private readonly lastSpoke = new Map<string, number>();
  private lastGroup: { phrase: string; sentence: number } | null = null;
  private rolesMap: Map<string, Set<string>> | null = null;

  constructor(
    private readonly masked: string,
    private readonly reading: Reading,
  ) {}

  resolveAll(regions: readonly Region[], subjectsAtStart: readonly (Person | undefined)[]): void {
    const cues = this.reading.cues;
    let cueAt = 0;
    for (const region of regions) {
      const atStart = subjectsAtStart[region.index];
      let sentenceSpeaker: Person | null = null;
      if (atStart !== undefined) {
        this.remember(this.personFromName(atStart.display));
      }
      for (; cueAt < cues.length && cues[cueAt].sentence === region.index; cueAt++) {
        const cue = cues[cueAt];
        this.resolve(cue, cueAt, sentenceSpeaker ?? (atStart === undefined ? null : { display: this.reading.names.add(atStart.display), key: atStart.key }));
        if (cue.speaker !== null && cue.key !== null && cue.subject.kind !== 'phrase') {
          sentenceSpeaker = { display: cue.speaker, key: cue.key, mention: cue.mention };
          this.lastSpoke.set(cue.key, region.index);
        }
      }
    }
  }

  /** `fallback`: the speaker of the sentence so far, else the name that opens it. */
  private resolve(cue: Cue, at: number, fallback: Person | null): void {
    const s = cue.subject;
    let person: Person | null = null;
    if (s.kind === 'name') {
      const p = this.personFromName(s.person ?? s.text);
      this.remember(p);
      person = { display: s.text === (s.person ?? s.text) ? p.display : s.text, key: p.key };
    } else if (s.kind === 'pronoun') {
      person = this.pronoun(s.text.toLowerCase(), cue.sentence);
    } else if (s.kind === 'role') {
      person = resolveRole(s.text, this.reading.cues, at, this.recent, this.roles(), this.lastSpoke);
      if (person !== null) {
        this.remember(person);
        cue.mention = s.text;
      } else {
        person = { display: s.text, key: speakerKey(s.text) ?? s.text };
      }
    } else if (s.kind === 'phrase') {
      person = { display: s.text, key: speakerKey(s.text) ?? s.text };
      if (s.text.endsWith('s') || s.text.endsWith('S')) {
        this.lastGroup = { phrase: s.text, sentence: cue.sentence };
      }
    } else {
      // "The minister said … and added: …": the verb shares the sentence's subject;
      // "Mark Rutte appeared frustrated …, saying …": the name that opens the sentence.
      person = fallback;
      cue.mention = fallback?.mention ?? null;
    }
    cue.speaker = person?.display ?? null;
    cue.key = person?.key ?? null;
  }

  /** He and she: the last person named of that gender (or of none known yet); they: a group just named. */
  private pronoun(pr: string, sentence: number): Person | null {
    if (pr === 'he' || pr === 'she') {
      const want = pr === 'he' ? 'm' : 'f';
      for (let i = this.recent.length - 1; i >= 0; i--) {
        const g = this.gender.get(this.recent[i].key);
        if (g === undefined || g === want) {
          const p = this.recent[i];
          this.gender.set(p.key, want);
          this.remember(p);
          return p;
        }
      }
      return null;
    }
    if (pr === 'they' && this.lastGroup !== null && sentence - this.lastGroup.sentence <= 3) {
      return { display: this.lastGroup.phrase, key: speakerKey(this.lastGroup.phrase) ?? this.lastGroup.phrase };
    }
    return null;
  }

  private remember(p: Person): void {
    let at = this.recent.length - 1;
    while (at >= 0 && this.recent[at].key !== p.key) at--;
    if (at >= 0) {
      this.recent.splice(at, 1);
    }
    this.recent.push(p);
    // Pronouns and roles look back a few people, not through a whole transcript.
    if (this.recent.length > RECENT_PEOPLE) {
      this.recent.shift();
    }
  }

  private personFromName(name: string): Person {
    // names.add(name) and speakerKey(name), from one look-up of the name's facts.
    const facts = nameFacts(name);
    const display = this.reading.names.addWithFacts(name, facts);
    return { display, key: facts.key ?? display.toLowerCase() };
  }

  /**
   * The titles people are introduced with ("Defense Minister Rustem Umerov"), read only when a
   * cue's subject is a role ("the minister said").
   */
  private roles(): ReadonlyMap<string, ReadonlySet<string>> {
    if (this.rolesMap === null) {
      this.rolesMap = new Map();
      for (const m of this.reading.mentions) {
        const set = this.rolesMap.get(m.key) ?? new Set<string>();
        for (const w of [...rolesBefore(this.masked, m.at, m.regionStart), ...m.raw.split(/\s+/).map((x) => x.toLowerCase())]) {
          if (ROLE_NOUNS.has(w)) {
            set.add(w);
          }
        }
        this.rolesMap.set(m.key, set);
      }
    }
    return this.rolesMap;
  }
}

/** A speaker found for a quote, and the cue verb that names them. */
interface Attribution {
  readonly speaker: string | null;
  readonly key: string | null;
  readonly cue: string | null;
  /** See Cue.mention. */
  readonly mention?: string | null;
}

const NOBODY: Attribution = { speaker: null, key: null, cue: null };

/** The attribution a cue gives, with its verb or (for a speaker carried over) without. */
function fromCue(c: Cue, withVerb = true): Attribution {
  return { speaker: c.speaker, key: c.key, cue: withVerb && c.verb !== '' ? c.verb : null, mention: c.mention };
}

/** What assignQuotes reads for every quote of an article. */
interface Context {
  readonly text: string;
  readonly masked: string;
  readonly regions: readonly Region[];
  readonly reading: Reading;
  /** Per region, its cues (NO_CUES for none). */
  readonly cuesBySentence: readonly (readonly Cue[])[];
  /** Only cues with a speaker can attribute a quote: the search walks these alone. */
  readonly speakingBySentence: readonly (readonly Cue[])[];
  readonly besideByRegion: readonly (string | undefined)[];
}

/** The speaker of the quote before, carried to a quote that continues it. */
interface Previous extends Attribution {
  readonly lastSentence: number;
}

/** Quotes with their speakers, and per quote the role as written behind a resolved speaker. */
export interface Assigned {
  readonly quotes: Quote[];
  readonly mentions: (string | null)[];
}

/** Assigns each quote its cue, or a speaker found around it. */
function assignQuotes(text: string, masked: string, regions: readonly Region[], reading: Reading, spans: readonly QuoteSpan[]): Assigned {
  const knownKeys = new Set<string>();
  for (const c of reading.cues) {
    if (c.subject.kind === 'name' && c.key !== null) knownKeys.add(c.key);
  }
  const { cuesBySentence, speakingBySentence } = cuesPerRegion(reading.cues, regions.length);
  const ctx: Context = { text, masked, regions, reading, cuesBySentence, speakingBySentence, besideByRegion: knownSpeakerByRegion(reading, knownKeys, regions.length) };
  const out: Assigned = { quotes: [], mentions: [] };
  let previous: Previous | null = null;
  for (const span of spans) {
    const first = regionAt(regions, span.start);
    const last = Math.max(first, regionAt(regions, Math.max(span.start, span.end - 1)));
    const found: Attribution = span.depth > 0 ? NOBODY : attributeOne(ctx, span, first, last, previous);
    out.quotes.push(quoteOf(span, found));
    out.mentions.push(found.mention ?? null);
    // Nested spans lie inside the top-level quote before them: they carry nothing over.
    // Literals, not spreads: spreading attributions of several shapes took a slow path (~0.1 ms a quote in a dialogue).
    previous = span.depth > 0 ? previous : { speaker: found.speaker, key: found.key, cue: found.cue, mention: found.mention, lastSentence: last };
  }
  return out;
}

/** Shared by every region without cues (never written to). */
const NO_CUES: readonly Cue[] = [];

/**
 * Per region, its cues and those of them with a speaker. Arrays indexed by region, not maps:
 * every quote looks up a few regions, and a dialogue has a cue in every one.
 */
function cuesPerRegion(cues: readonly Cue[], regionCount: number): { cuesBySentence: (readonly Cue[])[]; speakingBySentence: (readonly Cue[])[] } {
  const cuesBySentence = new Array<readonly Cue[]>(regionCount).fill(NO_CUES);
  const speakingBySentence = new Array<readonly Cue[]>(regionCount).fill(NO_CUES);
  // Cues come in reading order: a region's cues are one run of the list.
  for (let i = 0; i < cues.length; ) {
    const r = cues[i].sentence;
    let j = i + 1;
    while (j < cues.length && cues[j].sentence === r) j++;
    const list = cues.slice(i, j);
    cuesBySentence[r] = list;
    speakingBySentence[r] = list.filter((c) => c.speaker !== null);
    i = j;
  }
  return { cuesBySentence, speakingBySentence };
}

/** The speaker of one top-level quote whose sentences are first..last. */
function attributeOne(ctx: Context, span: QuoteSpan, first: number, last: number, previous: Previous | null): Attribution {
  const { text, masked, regions, reading, cuesBySentence } = ctx;
  let found =
    byLayout(masked, span, reading) ??
    speechTag(masked, span, ctx.speakingBySentence[last] ?? NO_CUES) ??
    cueInside(text, span, first, last, ctx.speakingBySentence);
  if (found.speaker === null && first > 0) {
    found = cueBeforeColon(masked, regions[first - 1], cuesBySentence[first - 1], reading.names) ?? found;
  }
  if (found.speaker === null && last + 1 < regions.length) {
    found = cueRightAfter(text, masked, span, regions[last], regions[last + 1], cuesBySentence[last + 1]) ?? found;
  }
  if (found.speaker === null) {
    // "Zelenskyy that the meeting would provide “…”": a known speaker named beside the quote.
    const person = namedBeside(ctx.besideByRegion, first, last);
    if (person !== null) {
      found = { speaker: reading.names.resolve(person), key: speakerKey(person), cue: null };
    }
  }
  // A line that is only a quote without a full stop is a heading, not a continuation.
  const alone = standsAlone(reading, first, last);
  const ends = endsSentence(text, span);
  const noCue = !hasCue(cuesBySentence, first, last);
  if (found.speaker === null && previous !== null && previous.speaker !== null && first - previous.lastSentence <= 1 && (ends || (noCue && !alone))) {
    // A quote that is a whole sentence of its own, or stands in a sentence without a cue,
    // continues the quote before it.
    found = { speaker: previous.speaker, key: previous.key, cue: null, mention: previous.mention };
  }
  if (found.speaker === null && first > 0 && alone && ends) {
    // "Valastro praised Christie. “We need someone …”": the speaker of the sentence before.
    found = speakerOfSentence(reading, regions[first - 1], cuesBySentence[first - 1]) ?? found;
  }
  return found;
}

/**
 * What a document as the subject of a cue costs, in characters of distance: "Macron said he will
 * keep a “tight dialogue,” the statement said" goes to Macron, "“…,” the article read" to the article.
 */
const DOCUMENT_COST = 100;

/**
 * The speech tag right after a quote that ends with a comma, ! or ?: "“…,” The Hill reported",
 * "“…?” a narrator in the Clinton ad asks". It beats a closer cue before the quote ("The four
 * loopholes he cited are “…,” The Hill reported"), but not a subordinate clause ("“…,” when
 * Clinton blasted him").
 */
function speechTag(masked: string, span: QuoteSpan, cues: readonly Cue[]): Attribution | null {
  if (!endsWithMark(span.text, ',!?', '')) {
    return null;
  }
  const k = firstNotBefore(cues.length, (i) => cues[i].start < span.end);
  const c = k < cues.length ? cues[k] : undefined;
  // A document ("…,” the statement said) is weighed against the other cues by cueInside.
  const document = c !== undefined && c.subject.kind === 'phrase' && isDocumentPhrase(c.subject.text);
  if (c === undefined || document || c.speaker === null || c.verb === '' || c.verb.endsWith('ing') || c.start - span.end > TAG_REACH) {
    return null;
  }
  // Spaces and commas alone (a dialogue's every tag) pass without the pattern.
  return onlySpacesAndCommas(masked, span.end, c.start) || TAG_BETWEEN.test(masked.slice(span.end, c.start)) ? fromCue(c) : null;
}

/** What may stand between a quote and its speech tag's verb: a subject, from a capital or a determiner or a pronoun. */
const TAG_BETWEEN = /^[\s,]*(?:\p{Lu}|(?:the|a|an|his|her|their|its|one|another|some|he|she|they|we|i)\b)[^.;:!?\n\uFFFC]*$/u;

/** /^[\s,]*$/.test(text.slice(from, to)), by char code. */
function onlySpacesAndCommas(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 44 && !isSpaceCode(c)) return false;
  }
  return true;
}

/** How far after a quote its speech tag's verb may stand, in characters. */
const TAG_REACH = 80;

/** A speaker named by layout: a signature after the quote, a label with a colon before it. */
function byLayout(masked: string, span: QuoteSpan, reading: Reading): Attribution | null {
  const person = signedAfter(masked, span) ?? labelBefore(masked, span);
  return person === null ? null : { speaker: reading.names.add(person), key: speakerKey(person), cue: null };
}

/**
 * The closest cue with a speaker in the sentences the quote spans. A cue costs at least its
 * distance to the quote, so the search walks out from the quote and stops beyond the best cost:
 * a long sentence with many quotes and cues stays near-linear.
 */
function cueInside(text: string, span: QuoteSpan, first: number, last: number, cuesBySentence: readonly (readonly Cue[])[]): Attribution {
  // The best cue so far, its cost, and its order (by region, then in the region) to break ties;
  // locals rather than an object and a closure per quote.
  let best: Cue | null = null;
  let bestCost = Infinity;
  let bestOrder = Infinity;
  for (let r = first; r <= last; r++) {
    const list = cuesBySentence[r];
    const k = firstNotBefore(list.length, (i) => list[i].start < span.start);
    for (let i = k - 1; i >= 0 && span.start - list[i].end <= bestCost; i--) {
      const c = list[i];
      const cost = cueCost(text, span, c, Math.max(0, span.start - c.end));
      if (c.speaker !== null && (cost < bestCost || (cost === bestCost && r * 1e9 + i < bestOrder))) {
        best = c;
        bestCost = cost;
        bestOrder = r * 1e9 + i;
      }
    }
    for (let i = k; i < list.length && list[i].start - span.end <= bestCost; i++) {
      const c = list[i];
      const cost = cueCost(text, span, c, Math.max(0, c.start - span.end));
      if (c.speaker !== null && (cost < bestCost || (cost === bestCost && r * 1e9 + i < bestOrder))) {
        best = c;
        bestCost = cost;
        bestOrder = r * 1e9 + i;
      }
    }
  }
  return best === null ? NOBODY : fromCue(best);
}

/** What a cue at `distance` from a quote costs cueInside. */
function cueCost(text: string, span: QuoteSpan, c: Cue, distance: number): number {
  // A phrase like "the statement said" yields to a cue with a person behind it; "saying …"
  // and "added: …" after a quote introduce what follows, not the quote before them.
  // "“…,” when Clinton blasted him": a cue in a clause of its own after the quote.
  const introduces = c.start >= span.end && (c.verb.endsWith('ing') || markWithin(text, c.end, ':') || SUBORDINATE.test(text.slice(span.end, c.start)));
  return distance + (c.subject.kind === 'phrase' && isDocumentPhrase(c.subject.text) ? DOCUMENT_COST : 0) + (introduces ? 500 : 0) + (c.verb === '' ? 1_000 : 0);
}

/** A subordinate clause opening between a quote and a later cue. */
const SUBORDINATE = /^[\s,]*(?:when|while|after|before|because|as|if|since|until|although|though|whereas)\b/i;

/** Rutte told reporters: / "…" on the next line. */
function cueBeforeColon(masked: string, prevRegion: Region, prevCues: readonly Cue[], names: ArticleNames): Attribution | null {
  if (!endsWithColon(masked, Math.max(prevRegion.start, prevRegion.end - 8), prevRegion.end)) {
    return null;
  }
  const lead = prevCues.filter((c) => c.speaker !== null).pop();
  if (lead) {
    return fromCue(lead);
  }
  // "On July 6, 2015, Sanders made the following comment:" | "“…”": the name that is its subject.
  const subject = clauseSubject(masked.slice(prevRegion.start, prevRegion.end));
  const person = subject.kind === 'name' ? (subject.person ?? subject.text) : null;
  return person === null ? null : { speaker: names.resolve(person), key: speakerKey(person), cue: null };
}

/** “Stop!” | Rutte shouted. / “It is great.” | she said. — a splitter may end the sentence at the quote. */
function cueRightAfter(text: string, masked: string, span: QuoteSpan, region: Region, next: Region, nextCues: readonly Cue[]): Attribution | null {
  const cut = endsWithMark(span.text, '!?,', CLOSING_MARKS) || /^\s*[\p{Ll}—–]/u.test(text.slice(next.start, next.start + 3));
  if (!cut || region.end - span.end > 8 || !/^[\s.,!?…]*$/.test(masked.slice(span.end, region.end))) {
    return null;
  }
  const lead = nextCues[0];
  if (lead !== undefined && lead.speaker !== null && lead.start - next.start <= 40 && !/[.!?:;]/.test(masked.slice(next.start, Math.max(next.start, lead.start)))) {
    return fromCue(lead);
  }
  return null;
}

function hasCue(cuesBySentence: readonly (readonly Cue[])[], first: number, last: number): boolean {
  for (let r = first; r <= last; r++) {
    if (cuesBySentence[r].length > 0) {
      return true;
    }
  }
  return false;
}

/** True when the quote's sentences hold nothing but quotes and punctuation. */
function standsAlone(reading: Reading, first: number, last: number): boolean {
  for (let r = first; r <= last; r++) {
    if (reading.wordsOutside[r]) {
      return false;
    }
  }
  return true;
}

/** Who speaks in a sentence: its last cue with a speaker, else the name that opens it. */
function speakerOfSentence(reading: Reading, region: Region, cues: readonly Cue[]): Attribution | null {
  const cue = cues.filter((c) => c.speaker !== null && c.subject.kind !== 'phrase').pop();
  if (cue !== undefined) {
    return fromCue(cue, false);
  }
  const start = reading.candidatesAtStart[region.index];
  return start === undefined ? null : { speaker: reading.names.resolve(start.display), key: start.key, cue: null };
}

function quoteOf(span: QuoteSpan, found: Attribution): Quote {
  return { start: span.start, end: span.end, text: span.text, inner: span.inner, speaker: found.speaker, speakerKey: found.key, cue: found.cue };
}

/** True when a quote ends a sentence: its words end with . ! ? … (a nested quote's mark after it or not) or the mark is followed by one. */
function endsSentence(text: string, span: QuoteSpan): boolean {
  return endsWithMark(span.text, '.!?…', CLOSING_MARKS) || markWithin(text, span.end, '.!?…');
}

/**
 * /^\s*[marks]/.test(text.slice(from, from + 3)) by char code, without the slice and the pattern
 * (asked of every quote): one of `marks` after white space, within three characters.
 */
export function markWithin(text: string, from: number, marks: string): boolean {
  const to = Math.min(text.length, from + 3);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) return marks.includes(text[i]);
  }
  return false;
}

/** /:\s*$/.test(text.slice(from, to)) by char code, read back from `to`. */
export function endsWithColon(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) return c === 58;
  }
  return false;
}

/** Quotation marks that may close a quote after its last punctuation mark. */
const CLOSING_MARKS = `'’‘"”`;

/**
 * /[marks][closers]*\s*$/.test(text), read back from the end of the quote instead of tried at
 * each of its marks: white space, then closers, then one of the marks.
 */
function endsWithMark(text: string, marks: string, closers: string): boolean {
  // text.trimEnd().length, without the copy: trimEnd strips what isSpaceCode tells.
  let i = text.length;
  while (i > 0 && isSpaceCode(text.charCodeAt(i - 1))) i--;
  while (i > 0 && closers.includes(text[i - 1])) i--;
  return i > 0 && marks.includes(text[i - 1]);
}

function namedBeside(besideByRegion: readonly (string | undefined)[], first: number, last: number): string | null {
  for (let r = first; r <= last; r++) {
    const person = besideByRegion[r];
    if (person !== undefined) {
      return person;
    }
  }
  return null;
}

/** Per region, the first name in it of a person who speaks somewhere in the article. */
function knownSpeakerByRegion(reading: Reading, known: ReadonlySet<string>, regionCount: number): (string | undefined)[] {
  const byRegion = new Array<string | undefined>(regionCount).fill(undefined);
  // An article where no named person speaks (random bytes, a results table) has thousands of runs to skip.
  if (known.size === 0) {
    return byRegion;
  }
  for (const m of reading.mentions) {
    if (byRegion[m.region] === undefined && known.has(m.key)) {
      byRegion[m.region] = cleanName(m.raw);
    }
  }
  return byRegion;
}

/**
 * "The minister said": the last person introduced with that role ("Defense Minister Rustem
 * Umerov"); else the last named speaker of the last three sentences, unless the roles they were
 * introduced with say otherwise; else a person named for the first time by a cue in the next
 * sentence (reports often write "the EU foreign policy chief said …" and then "Kaja Kallas
 * said"); else null (the phrase stays the speaker).
 */
function resolveRole(
  phrase: string,
  cues: readonly Cue[],
  at: number,
  recent: readonly Person[],
  roles: ReadonlyMap<string, ReadonlySet<string>>,
  lastSpoke: ReadonlyMap<string, number>,
): Person | null {
  const head = phrase.toLowerCase().replace(/\s+(?:of|in|at|from|for|to|with|by|on)\s+.*$/, '').split(/\s+/).pop() ?? '';
  for (let i = recent.length - 1; i >= 0; i--) {
    if (roles.get(recent[i].key)?.has(head)) {
      return recent[i];
    }
  }
  // Only an office held by one person is resolved further: "an official" or "a spokesman" stays anonymous.
  if (!SINGLE_HOLDER.has(head)) {
    return null;
  }
  const sentence = cues[at].sentence;
  for (let i = recent.length - 1; i >= 0; i--) {
    const spoke = lastSpoke.get(recent[i].key);
    const known = roles.get(recent[i].key);
    if (spoke !== undefined && sentence - spoke <= 3 && (known === undefined || known.size === 0)) {
      return recent[i];
    }
  }
  for (let i = at + 1; i < cues.length && i <= at + 20 && cues[i].sentence <= sentence + 1; i++) {
    const s = cues[i].subject;
    if (s.kind === 'name') {
      const person = s.person ?? s.text;
      const key = speakerKey(person);
      if (key !== null && !recent.some((r) => r.key === key)) {
        return { display: nameWords(person).join(' '), key };
      }
    }
  }
  return null;
}
