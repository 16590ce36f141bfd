import type { Quote, Sentence, Span } from '../model';
import { boundedMemo } from '../memo';
import { STOPWORDS } from './tokens';
import { ArticleNames, TITLE_WORDS, looksLikeName, nameFacts, nameWords, speakerKey } from './names';
import type { NameFacts } from './names';
import type { QuoteSpan } from './quotes';

/**
 * Who said each quote: the subject of a cue verb ("…," Rutte said / Kallas said: "…" / according
 * to Macron's office), a pronoun resolved to the last named person ("he said"), a title resolved
 * to the person who bears it ("the minister said"), or the speaker of the quote just before when a
 * quote stands alone (a speech quoted over several sentences). Plain regular expressions over the
 * sentence with quotes masked out: fast, and deterministic.
 */

const CUE = new RegExp(
  '\\b(?:according to|pointed out|said|says|say|told|tells|added|adds|stressed|stresses|wrote|writes|' +
    'posted|posts|noted|notes|asserted|asserts|explained|explains|concluded|stated|states|remarked|' +
    'insisted|insists|warned|warns|argued|argues|declared|announced|tweeted|tweets|emphasized|emphasised|' +
    'emphasizes|replied|responded|acknowledged|admitted|claimed|claims|commented|observed|urged|recalled|' +
    'answered|asked|suggested|vowed|promised|cautioned|complained|conceded|confirmed|denied|reiterated|' +
    'highlighted|underlined|underscored|shouted|yelled|whispered|exclaimed|joked|quipped|pleaded|demanded|boasted|' +
    'lamented|mused|countered|retorted|predicted|testified|texted|assured|reminded|saying|telling|adding|writing)\\b',
  'gi',
);

/** Cue verbs whose subject is the person quoted even when the sentence is passive-looking. */
const PASSIVE_BEFORE = /\b(?:was|were|been|being|be|is|are|get|got)\s*$/i;

/** Words that may stand between a subject and its cue verb ("Rutte had said", "he also added"). */
const BETWEEN = /\s+(?:also|further|later|then|had|has|have|again|earlier|previously|once|repeatedly|reportedly|simply|just|would|will|did|does|do|recently|already|still|however|separately|\p{Ll}+ly)$/u;

const PLURAL_GROUPS = /^(?:officials|diplomats|sources|analysts|experts|witnesses|residents|authorities|leaders|ministers|lawmakers|critics|protesters|police|aides|organizers|organisers|researchers|scientists|people|they)$/i;

/** Nouns that name a role a person holds: "the minister said" stands for the minister named earlier. */
const ROLE_NOUNS: ReadonlySet<string> = new Set([
  ...TITLE_WORDS,
  'official', 'spokesman', 'spokeswoman', 'diplomat', 'lawmaker', 'prosecutor', 'adviser', 'advisor',
  'negotiator', 'general', 'commander', 'coach', 'manager', 'executive', 'boss', 'president', 'premier',
]);

/** Stands in for every character of a quote, so cues are searched outside quotes only. */
/** Offices that one person holds at a time, so "the president" can stand for a name. */
const SINGLE_HOLDER: ReadonlySet<string> = new Set([
  'president', 'premier', 'chancellor', 'minister', 'secretary-general', 'secretary', 'governor', 'mayor', 'leader',
  'king', 'queen', 'pope', 'ceo', 'chairman', 'chairwoman', 'chair', 'director', 'chief', 'commissioner', 'head',
  'president-elect', 'ambassador', 'envoy', 'coach', 'manager',
]);

const MASK = '\uFFFC';
const NAME_WORD = "[\\p{Lu}][\\p{L}\\p{M}'’.\\-]*";
const PARTICLE = '(?:von|van|der|den|de|da|di|du|la|le|bin|al|el|ibn|dos|das|del|ter)';
/** A capitalized name at the end of a text: "Mark Rutte", "Ursula von der Leyen", "Macron’s office". */
const NAME_AT_END = new RegExp(
  `(${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,5})` +
    "(?:[’']s\\s+(office|spokesman|spokeswoman|spokesperson|team|aides?|camp|campaign|press office|press service|administration|government|cabinet|staff))?$",
  'u',
);
/** A name that opens a sentence and is followed by a lower-case word that is not a function word. */
const SUBJECT_AT_START = new RegExp(
  `^\\s*(?:(?:But|And|So|Yet|Meanwhile|Now)\\s+)?(${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,5})(?=\\s+(?!(?:at|in|on|of|for|to|the|a|an|by|with|from|as)\\b)\\p{Ll}|,\\s+(?:who|whose|which|a|an|the)\\b)`,
  'u',
);
const NAME_AT_START = new RegExp(`^\\s*(${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,5})`, 'u');
const FULL_NAME = new RegExp(`^(?:(?:Dr|Mr|Mrs|Ms|Prof)\\.?\\s+)?${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){1,4}$`, 'u');
const PRONOUN_AT_END = /\b(he|she|they|it|we|i)$/i;
const PHRASE_AT_END = /(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)\s+|[\p{Lu}][\p{L}-]*[’']s\s+)((?:[\p{L}-]+\s+){0,4}[\p{L}-]+)$/u;
const BARE_PLURAL_AT_END = /(?:^|[,;:]\s*|\b(?:but|and|so)\s+)(\p{Ll}+s)$/u;

type SubjectKind = 'name' | 'pronoun' | 'role' | 'phrase' | 'none';

interface Subject {
  readonly kind: SubjectKind;
  /** The subject as written (a name, a pronoun, a noun phrase), or '' for none. */
  readonly text: string;
  /** For names: the person spoken for ("Macron" for "Macron's office"). */
  readonly person?: string;
}

interface Cue {
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly verb: string;
  readonly subject: Subject;
  /** Filled in reading order. */
  speaker: string | null;
  key: string | null;
}

interface Person {
  readonly display: string;
  readonly key: string;
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
    out += text.slice(at, from) + MASK.repeat(s.end - from);
    at = s.end;
  }
  return out + text.slice(at);
}

/** Sentences to search in: the given ones, or one per line when none cover the text. */
function regionsOf(text: string, sentences: readonly Sentence[]): Region[] {
  const sorted = [...sentences]
    .filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort((a, b) => a.start - b.start);
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

/** Index of the region that contains offset, or the first one after it. */
function regionAt(regions: readonly Region[], offset: number): number {
  let lo = 0;
  let hi = regions.length - 1;
  let found = regions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid].end > offset) {
      found = mid;
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  return Math.max(0, found);
}

function isStopwordName(name: string): boolean {
  return nameWords(name).every((w) => STOPWORDS.has(w.toLowerCase()));
}

/** The facts of a capitalized run if it is a person's (or an organization's) name, else null. */
function properName(raw: string): NameFacts | null {
  return properMemo(raw);
}

/** Capitalized runs recur: what they are is worth keeping. */
const properMemo = boundedMemo(20_000, (raw): NameFacts | null => {
  const person = cleanName(raw);
  const f = nameFacts(person);
  return f.isName && !isStopwordName(person) ? f : null;
});

/** Trims a capitalized run to the name proper: "But Mark Rutte" → "Mark Rutte". */
function cleanName(raw: string): string {
  const words = raw.split(/\s+/);
  while (words.length > 1 && STOPWORDS.has(words[0].toLowerCase())) {
    words.shift();
  }
  return words.join(' ');
}

/** The subject written right before a cue verb: `pre` ends where the verb starts. */
function subjectBefore(pre: string): Subject {
  let p = pre.replace(/\s+$/, '');
  if (PASSIVE_BEFORE.test(p)) {
    return { kind: 'none', text: '' };
  }
  for (let m = BETWEEN.exec(p); m !== null; m = BETWEEN.exec(p)) {
    p = p.slice(0, m.index);
  }
  // "The alliance's secretary-general, Annelise Varnholt, promised": the name between the commas.
  // "Umerov, for his part, stressed" / "Trump, after speaking to Putin, said": skip the aside.
  if (p.endsWith(',')) {
    const inner = p.slice(0, -1);
    const comma = inner.lastIndexOf(',');
    const aside = inner.slice(comma + 1).trim();
    const appositive = FULL_NAME.exec(aside);
    if (appositive && !aside.includes(MASK) && nameWords(aside).length >= 2 && looksLikeName(aside) && !isStopwordName(aside)) {
      return { kind: 'name', text: nameWords(aside).join(' '), person: nameWords(aside).join(' ') };
    }
    if (comma > 0 && !inner.slice(comma).includes(MASK)) {
      const before = subjectBefore(inner.slice(0, comma));
      if (before.kind !== 'none') {
        return before;
      }
    }
    return { kind: 'none', text: '' };
  }
  const pronoun = PRONOUN_AT_END.exec(p);
  if (pronoun) {
    return { kind: 'pronoun', text: pronoun[1] };
  }
  const name = NAME_AT_END.exec(p);
  // "the president of Lirania asked": the name is a complement, the role is the subject.
  if (name && /\b(?:of|in|at|from|for|to|with|by|on)\s+$/.test(p.slice(0, name.index))) {
    const head = p.slice(0, name.index).replace(/\s*\b\w+\s+$/, '');
    const role = subjectBefore(head);
    return role.kind === 'role' || role.kind === 'phrase' ? { kind: role.kind, text: role.text + p.slice(head.length) } : role;
  }
  if (name) {
    const person = cleanName(name[1]);
    if (!isStopwordName(person) && looksLikeName(person)) {
      const written = name[2] ? `${person}${name[0].slice(name[1].length)}` : person;
      return { kind: 'name', text: written, person };
    }
  }
  const phrase = PHRASE_AT_END.exec(p);
  if (phrase) {
    const head = phrase[1].split(/\s+/).pop()?.toLowerCase() ?? '';
    const written = phrase[0].trim();
    if (ROLE_NOUNS.has(head) || ROLE_NOUNS.has(head.replace(/-/g, ' ').split(' ').pop() ?? '')) {
      return { kind: 'role', text: written };
    }
    if (!STOPWORDS.has(head)) {
      return { kind: 'phrase', text: written };
    }
  }
  const plural = BARE_PLURAL_AT_END.exec(p);
  if (plural && PLURAL_GROUPS.test(plural[1])) {
    return { kind: 'phrase', text: plural[1] };
  }
  return { kind: 'none', text: '' };
}

/** The subject written right after a cue ("…," said Rutte / according to Macron's office). */
function subjectAfter(post: string): Subject {
  const name = NAME_AT_START.exec(post);
  if (name) {
    const person = cleanName(name[1]);
    const possessive = /^[’']s\s+(office|spokesman|spokeswoman|spokesperson|team|aides?|camp|campaign|press office|press service|administration|government|cabinet|staff)\b/.exec(
      post.slice(name[0].length),
    );
    if (!isStopwordName(person) && looksLikeName(person)) {
      return { kind: 'name', text: possessive ? `${person}${possessive[0]}` : person, person };
    }
  }
  const phrase = /^\s*((?:the|a|an|his|her|their|its)\s+(?:[\p{L}-]+\s+){0,4}?([\p{L}-]+))(?=\s*[,.;:!?]|\s*$)/u.exec(post);
  if (phrase) {
    const head = phrase[2].toLowerCase();
    return { kind: ROLE_NOUNS.has(head) ? 'role' : 'phrase', text: phrase[1] };
  }
  return { kind: 'none', text: '' };
}

/** Words written before a name in the same clause ("Ukrainian Defense Minister" before "Rustem Umerov"). */
function rolesBefore(masked: string, nameStart: number, regionStart: number): string[] {
  const before = masked.slice(regionStart, nameStart);
  const clause = before.split(/[,;:.()\u2014\u2013]|\s-\s/).pop() ?? '';
  return clause
    .split(/\s+/)
    .slice(-5)
    .map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ''))
    .filter((w) => w.length > 0);
}

const NAME_ANYWHERE = new RegExp(`${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,5}`, 'gu');

/** Speakers for quote spans: the Quote records of one article, in order. */
export function attributeSpeakers(text: string, sentences: readonly Sentence[], spans: readonly QuoteSpan[]): Quote[] {
  if (spans.length === 0) {
    return [];
  }
  const masked = maskQuotes(text, spans);
  const regions = regionsOf(text, sentences);
  const names = new ArticleNames();
  const mentions: { readonly at: number; readonly regionStart: number; readonly raw: string; readonly key: string }[] = [];
  const cues: Cue[] = [];
  const candidatesAtStart = new Map<number, Person & { words: number }>();

  // Pass 1: cue verbs, the names of the article (for their fullest form), names that open a sentence.
  for (const region of regions) {
    const slice = masked.slice(region.start, region.end);
    NAME_ANYWHERE.lastIndex = 0;
    for (let m = NAME_ANYWHERE.exec(slice); m !== null; m = NAME_ANYWHERE.exec(slice)) {
      const facts = properName(m[0]);
      if (facts === null || facts.key === null) {
        continue;
      }
      names.add(facts.display);
      mentions.push({ at: region.start + m.index, regionStart: region.start, raw: m[0], key: facts.key });
    }
    const start = SUBJECT_AT_START.exec(slice);
    if (start) {
      const facts = properName(start[1]);
      if (facts !== null && facts.key !== null && /\p{Ll}/u.test(facts.display)) {
        candidatesAtStart.set(region.index, { display: facts.display, key: facts.key, words: facts.wordCount });
      }
    }
    CUE.lastIndex = 0;
    for (let m = CUE.exec(slice); m !== null; m = CUE.exec(slice)) {
      const verb = m[0].toLowerCase();
      const pre = slice.slice(0, m.index);
      const post = slice.slice(m.index + m[0].length);
      let subject: Subject;
      if (verb === 'according to') {
        subject = subjectAfter(post);
      } else {
        subject = subjectBefore(pre);
        // "…," said Rutte: the subject follows the verb right after a quote.
        // Participles ("…", saying the country …) never invert, and an inverted description must
        // name a role ("said the minister"), not start a clause ("said the country would …").
        if (subject.kind === 'none' && !verb.endsWith('ing') && /(?:^|\uFFFC)[\s,]*$/.test(pre)) {
          const after = subjectAfter(post);
          subject = after.kind === 'phrase' ? { kind: 'none', text: '' } : after;
        }
      }
      cues.push({
        sentence: region.index,
        start: region.start + m.index,
        end: region.start + m.index + m[0].length,
        verb,
        subject,
        speaker: null,
        key: null,
      });
    }
  }

  // A name that opens a sentence is its subject if it speaks elsewhere or is a full name
  // ("Earlier at NATO headquarters" and "Regarding the …" are not people).
  const speakingKeys = new Set(cues.filter((c) => c.subject.kind === 'name').map((c) => speakerKey(c.subject.person ?? c.subject.text)));
  const subjectsAtStart = new Map<number, Person>();
  for (const [index, p] of candidatesAtStart) {
    if (speakingKeys.has(p.key) || p.words >= 2) {
      subjectsAtStart.set(index, { display: p.display, key: p.key });
    }
  }

  // The titles people are introduced with ("Defense Minister Rustem Umerov"), read only when a
  // cue's subject is a role ("the minister said").
  let rolesMap: Map<string, Set<string>> | null = null;
  const roles = (): ReadonlyMap<string, ReadonlySet<string>> => {
    if (rolesMap === null) {
      rolesMap = new Map();
      for (const m of mentions) {
        const set = rolesMap.get(m.key) ?? new Set<string>();
        for (const w of [...rolesBefore(masked, m.at, m.regionStart), ...m.raw.split(/\s+/).map((x) => x.toLowerCase())]) {
          if (ROLE_NOUNS.has(w)) {
            set.add(w);
          }
        }
        rolesMap.set(m.key, set);
      }
    }
    return rolesMap;
  };

  // Pass 2: resolve subjects in reading order.
  const recent: Person[] = [];
  const gender = new Map<string, 'm' | 'f'>();
  /** Sentence in which each person last spoke (was the subject of a cue verb). */
  const lastSpoke = new Map<string, number>();
  let lastGroup: { phrase: string; sentence: number } | null = null;
  const remember = (p: Person): void => {
    const at = recent.findIndex((r) => r.key === p.key);
    if (at >= 0) {
      recent.splice(at, 1);
    }
    recent.push(p);
  };
  const personFromName = (name: string): Person => {
    const display = names.add(name);
    return { display, key: speakerKey(name) ?? display.toLowerCase() };
  };
  let cueAt = 0;
  for (const region of regions) {
    const atStart = subjectsAtStart.get(region.index);
    let sentenceSpeaker: { speaker: string; key: string } | null = null;
    if (atStart !== undefined) {
      remember(personFromName(atStart.display));
    }
    for (; cueAt < cues.length && cues[cueAt].sentence === region.index; cueAt++) {
      const cue = cues[cueAt];
      const s = cue.subject;
      if (s.kind === 'name') {
        const p = personFromName(s.person ?? s.text);
        cue.speaker = s.text === (s.person ?? s.text) ? p.display : s.text;
        cue.key = p.key;
        remember(p);
      } else if (s.kind === 'pronoun') {
        const pr = s.text.toLowerCase();
        if (pr === 'he' || pr === 'she') {
          const want = pr === 'he' ? 'm' : 'f';
          for (let i = recent.length - 1; i >= 0; i--) {
            const g = gender.get(recent[i].key);
            if (g === undefined || g === want) {
              cue.speaker = recent[i].display;
              cue.key = recent[i].key;
              gender.set(recent[i].key, want);
              remember(recent[i]);
              break;
            }
          }
        } else if (pr === 'they' && lastGroup !== null && region.index - lastGroup.sentence <= 3) {
          cue.speaker = lastGroup.phrase;
          cue.key = speakerKey(lastGroup.phrase);
        }
      } else if (s.kind === 'role') {
        const resolved = resolveRole(s.text, cues, cueAt, recent, roles(), lastSpoke);
        if (resolved !== null) {
          cue.speaker = resolved.display;
          cue.key = resolved.key;
          remember(resolved);
        } else {
          cue.speaker = s.text;
          cue.key = speakerKey(s.text);
        }
      } else if (s.kind === 'phrase') {
        cue.speaker = s.text;
        cue.key = speakerKey(s.text);
        if (/s$/i.test(s.text)) {
          lastGroup = { phrase: s.text, sentence: region.index };
        }
      } else if (sentenceSpeaker !== null) {
        // "The minister said … and added: …": the verb shares the sentence's subject.
        cue.speaker = sentenceSpeaker.speaker;
        cue.key = sentenceSpeaker.key;
      } else if (atStart !== undefined) {
        // "Mark Rutte appeared frustrated …, saying …": the sentence's subject.
        cue.speaker = names.add(atStart.display);
        cue.key = atStart.key;
      }
      if (cue.speaker !== null && cue.key !== null && s.kind !== 'phrase') {
        sentenceSpeaker = { speaker: cue.speaker, key: cue.key };
        lastSpoke.set(cue.key, region.index);
      }
    }
  }

  // Assign each quote its cue.
  const knownKeys = new Set(cues.filter((c) => c.subject.kind === 'name' && c.key !== null).map((c) => c.key as string));
  const cuesBySentence = new Map<number, Cue[]>();
  for (const c of cues) {
    const list = cuesBySentence.get(c.sentence) ?? [];
    list.push(c);
    cuesBySentence.set(c.sentence, list);
  }
  const quotes: Quote[] = [];
  let previous: { speaker: string | null; key: string | null; lastSentence: number } | null = null;
  for (const span of spans) {
    const first = regionAt(regions, span.start);
    const last = Math.max(first, regionAt(regions, Math.max(span.start, span.end - 1)));
    if (span.depth > 0) {
      quotes.push({ ...quoteOf(span), speaker: null, speakerKey: null, cue: null });
      continue;
    }
    let best: Cue | null = null;
    let bestCost = Infinity;
    for (let r = first; r <= last; r++) {
      for (const c of cuesBySentence.get(r) ?? []) {
        if (c.speaker === null) {
          continue;
        }
        const distance = c.start >= span.end ? c.start - span.end : c.end <= span.start ? span.start - c.end : 0;
        // A phrase like "the statement said" yields to a cue with a person behind it; "saying …"
        // and "added: …" after a quote introduce what follows, not the quote before them.
        const introduces = c.start >= span.end && (c.verb.endsWith('ing') || /^\s*:/.test(text.slice(c.end, c.end + 3)));
        const cost = distance + (c.subject.kind === 'phrase' ? 10_000 : 0) + (introduces ? 500 : 0);
        if (cost < bestCost) {
          bestCost = cost;
          best = c;
        }
      }
    }
    let speaker: string | null = best?.speaker ?? null;
    let key: string | null = best?.key ?? null;
    let cue: string | null = best?.verb ?? null;
    if (best === null && first > 0) {
      // Rutte told reporters: / "…" on the next line.
      const prevRegion = regions[first - 1];
      if (/:\s*$/.test(masked.slice(prevRegion.start, prevRegion.end))) {
        const lead = (cuesBySentence.get(first - 1) ?? []).filter((c) => c.speaker !== null).pop();
        if (lead) {
          speaker = lead.speaker;
          key = lead.key;
          cue = lead.verb;
        }
      }
    }
    if (speaker === null && last + 1 < regions.length && (/[!?,]\s*$/.test(span.text) || /^\s*\p{Ll}/u.test(text.slice(regions[last + 1].start, regions[last + 1].start + 3))) && /^[\s.,!?…]*$/.test(masked.slice(span.end, regions[last].end))) {
      // “Stop!” | Rutte shouted. / “It is great.” | she said. — a splitter may end the sentence at the quote.
      const next = regions[last + 1];
      const lead = (cuesBySentence.get(last + 1) ?? [])[0];
      if (lead !== undefined && lead.speaker !== null && lead.start - next.start <= 40 && !/[.!?:;]/.test(masked.slice(next.start, lead.start))) {
        speaker = lead.speaker;
        key = lead.key;
        cue = lead.verb;
      }
    }
    if (speaker === null) {
      // "Zelenskyy that the meeting would provide “…”": a known speaker named beside the quote.
      const person = namedBeside(masked, regions, first, last, knownKeys);
      if (person !== null) {
        speaker = names.resolve(person);
        key = speakerKey(person);
      }
    }
    if (speaker === null && previous !== null && previous.speaker !== null && first - previous.lastSentence <= 1 && endsSentence(text, span)) {
      // A quote that is a whole sentence of its own continues the quote before it.
      speaker = previous.speaker;
      key = previous.key;
    }
    quotes.push({ ...quoteOf(span), speaker, speakerKey: key, cue });
    previous = { speaker, key, lastSentence: last };
  }
  return quotes;
}

function quoteOf(span: QuoteSpan): { start: number; end: number; text: string; inner: Span } {
  return { start: span.start, end: span.end, text: span.text, inner: span.inner };
}

/** True when a quote ends a sentence: its words end with . ! ? … or the mark is followed by one. */
function endsSentence(text: string, span: QuoteSpan): boolean {
  return /[.!?…]\s*$/.test(span.text) || /^\s*[.!?…]/.test(text.slice(span.end, span.end + 3));
}

function namedBeside(masked: string, regions: readonly Region[], first: number, last: number, known: ReadonlySet<string>): string | null {
  for (let r = first; r <= last; r++) {
    const slice = masked.slice(regions[r].start, regions[r].end);
    NAME_ANYWHERE.lastIndex = 0;
    for (let m = NAME_ANYWHERE.exec(slice); m !== null; m = NAME_ANYWHERE.exec(slice)) {
      const person = cleanName(m[0]);
      const key = speakerKey(person);
      if (key !== null && known.has(key) && looksLikeName(person)) {
        return person;
      }
    }
  }
  return null;
}

/**
 * "The minister said": the last person introduced with that role ("Defense Minister Rustem
 * Umerov"); else a person named for the first time by a cue in the next sentence (reports often
 * write "the EU foreign policy chief said …" and then "Kaja Kallas said"); else the last named
 * speaker of the last three sentences, unless the roles they were introduced with say otherwise;
 * else null (the phrase stays the speaker).
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
  for (let i = at + 1; i < cues.length && cues[i].sentence <= sentence + 1; i++) {
    const s = cues[i].subject;
    if (s.kind === 'name') {
      const person = s.person ?? s.text;
      const key = speakerKey(person);
      if (key !== null && !recent.some((r) => r.key === key)) {
        return { display: nameWords(person).join(' '), key };
      }
    }
  }
  for (let i = recent.length - 1; i >= 0; i--) {
    const spoke = lastSpoke.get(recent[i].key);
    const known = roles.get(recent[i].key);
    if (spoke !== undefined && sentence - spoke <= 3 && (known === undefined || known.size === 0)) {
      return recent[i];
    }
  }
  return null;
}
