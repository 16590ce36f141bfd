import type { NameFacts } from './names';
import { properName } from './speakerSubjects';
import { isSpaceCode } from './speakerPhrases';

/**
 * The names of the capitalized runs of a text, kept per spelling. A speaker search meets every
 * run of an article (67,000 on the dense 2,000 bench, 12,000 spellings): cutting each out and
 * looking it up in a Map (hashing the new string) was most of what reading names cost. Here a run
 * is hashed from its characters where it stands, and compared in place with the spelling kept.
 */

/** A run's facts when it names someone: properName's, with a key. */
export type RunName = NameFacts & { readonly key: string };

const SLOTS = 1 << 15;
/** Spellings kept before the table starts over (as boundedMemo does): keeps it sparse enough to probe. */
const LIMIT = 20_000;

const spellings: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
const hashes = new Int32Array(SLOTS);
const names: (RunName | null)[] = new Array<RunName | null>(SLOTS).fill(null);
let count = 0;

/** "Separation From Wife Huma Abedin": a headline in title case, not the fullest form of a name. */
const HEADLINE_WORD = /\s(?:In|To|At|From|Of|With|For|On|And|The|A|An|Is|As|By|Says|Said)\s/;

/** The name a run reads as: properName(raw) with a key, unless the run is a headline. */
export function runNameOf(raw: string): RunName | null {
  const facts = properName(raw);
  // A run of one word, most runs, has no space for HEADLINE_WORD.
  return facts === null || !hasKey(facts) || (hasSpace(raw) && HEADLINE_WORD.test(raw)) ? null : facts;
}

function hasKey(facts: NameFacts): facts is RunName {
  return facts.key !== null;
}

function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (isSpaceCode(text.charCodeAt(i))) return true;
  }
  return false;
}

/**
 * The slot of the run text[start, end): spellingAt(slot) is the run as a string (one string per
 * spelling, not a new one per run), nameAt(slot) is runNameOf it.
 */
export function runSlot(text: string, start: number, end: number): number {
  // FNV-1a over the UTF-16 code units.
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  let slot = home(h);
  for (let kept = spellings[slot]; kept !== undefined; kept = spellings[slot]) {
    if (hashes[slot] === h && kept.length === end - start && text.startsWith(kept, start)) return slot;
    slot = (slot + 1) & (SLOTS - 1);
  }
  if (count >= LIMIT) {
    spellings.fill(undefined);
    names.fill(null);
    count = 0;
    slot = home(h);
  }
  const raw = text.slice(start, end);
  spellings[slot] = raw;
  hashes[slot] = h;
  names[slot] = runNameOf(raw);
  count++;
  return slot;
}

function home(h: number): number {
  return (h ^ (h >>> 15)) & (SLOTS - 1);
}

export function spellingAt(slot: number): string {
  return spellings[slot] ?? '';
}

export function nameAt(slot: number): RunName | null {
  return names[slot];
}
