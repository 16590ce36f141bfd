import * as fs from 'fs';
import * as path from 'path';
import { splitSentences } from '../../src/core/text/sentences';
import { findQuotesWithMentions } from '../../src/core/text/quotes';
import type { Quote } from '../../src/core/model';
import { repoRoot } from './paths';

/**
 * PolNeAR (political news, every attribution annotated) against our quote detection and speaker
 * attribution. Read from ../shared/eval (never copied into the project); format in DATA.md there.
 *
 * Quote recall: a gold quote (marks included) is found when one of our quotes has both ends within
 * TOLERANCE characters of its ends. The gold pairs marks with its own rules (DATA.md): a mark
 * taken in from just outside the content, or a closing mark after the punctuation, moves an end by
 * a character or two; more than that is a different quote.
 *
 * Speaker accuracy: over the found gold quotes whose gold source is written as a name or a noun
 * phrase. Pronoun sources (he, she, they, who, its, …: the wide set of DATA.md) are skipped, not
 * resolved: the corpus has no coreference, so any resolution would be our own guess scored by
 * itself. Our speaker is right when its head (its last word, a possessive 's dropped) is the head
 * of the gold source: the last word of the span or of one of its comma-separated parts that is
 * not a relative clause ("Maria Lind, the chief executive of Nordbank" → lind, nordbank). So
 * "Clinton" is right for "Hillary Clinton" and "Clinton's campaign" for "the Clinton campaign",
 * but "Clinton" is wrong for "the Clinton campaign" and "Donald Trump" is wrong for "the Republican
 * nominee" (true perhaps, but not checkable here). No speaker counts as wrong.
 *
 * What is compared is the source as we found it written: when our speaker was resolved from a
 * role ("the mayor said" → Bill de Blasio), the role ("the mayor") is compared, as a pronoun would
 * be skipped; the resolution itself is not checkable here. The figure that compares the resolved
 * name instead is printed too (speakerRightResolved). A gold source that is only a verb of saying
 * with a cue that is not (13 train and 5 dev attributions: source "said", cue "Robert McAtee, one
 * of several coal industry veterans …") has the two swapped by the annotator: the cue is compared.
 */

export const TOLERANCE = 2;

export interface PolnearSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface PolnearAttribution {
  readonly id: string;
  readonly source: PolnearSpan | null;
  readonly cue: PolnearSpan | null;
  readonly content: PolnearSpan | null;
  readonly quotes: readonly (readonly [number, number, string])[];
}

export interface PolnearArticle {
  readonly doc: string;
  readonly text: string;
  readonly attributions: readonly PolnearAttribution[];
}

export function polnearPath(split: 'dev' | 'train'): string {
  return path.resolve(repoRoot, '..', 'shared', 'eval', `polnear_${split}.jsonl`);
}

export function readPolnear(split: 'dev' | 'train'): PolnearArticle[] {
  return fs
    .readFileSync(polnearPath(split), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as PolnearArticle);
}

const PRONOUNS: ReadonlySet<string> = new Set(
  ('he she they it we i you him her them us me who whom which that this these those one ' +
    'his hers their theirs its our ours my mine your yours whose').split(' '),
);

const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'the a an of in on at for to from by with and or his her their its our s'.split(' '),
);

export function isPronounSource(source: string): boolean {
  return PRONOUNS.has(source.trim().toLowerCase());
}

function contentWords(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter((w) => w.length > 0 && !FUNCTION_WORDS.has(w));
}

const SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** The last word of a noun phrase before its postmodifiers ("Phil Musser of IMGE" → musser). */
function headOf(part: string): string | null {
  const bare = part.replace(/\([^)]*\)/g, ' ').split(/\s+(?:of|from|at|in|for|with|on|who|whose|which|that|obtained|owned)\s+/i)[0];
  const words = contentWords(bare).filter((w) => !SUFFIXES.has(w));
  return words.length > 0 ? words[words.length - 1] : null;
}

/**
 * The heads of a gold source: the head of the whole span, of each comma-separated part that is
 * not a relative clause, and the last word of the span.
 */
export function goldHeads(source: string): Set<string> {
  const heads = new Set<string>();
  const all = contentWords(source);
  if (all.length > 0) {
    heads.add(all[all.length - 1]);
  }
  for (const part of [source, ...source.split(/[,;{}—–]|\s--\s/)]) {
    const head = headOf(part);
    if (head !== null && !/^\s*(?:who|whom|which|that|whose)\b/i.test(part)) {
      heads.add(head);
    }
  }
  return heads;
}

const SAYING = /^(?:said|says|say|told|tells|asked|asks|added|adds|wrote|writes|tweeted|stated)$/i;

/** The gold source span, or the cue when the annotator swapped the two (source "said", cue "Hester"). */
export function goldSource(a: PolnearAttribution): { source: PolnearSpan | null; swapped: boolean } {
  const swapped = a.source !== null && a.cue !== null && SAYING.test(a.source.text.trim()) && !SAYING.test(a.cue.text.trim());
  return { source: swapped ? a.cue : a.source, swapped };
}

export function sameSpeaker(ours: string | null, gold: string): boolean {
  if (ours === null) {
    return false;
  }
  const head = headOf(ours);
  return head !== null && goldHeads(gold).has(head);
}

export interface Miss {
  readonly doc: string;
  readonly gold: string;
  readonly context: string;
  readonly goldSource?: string | null;
  readonly ours?: string | null;
}

export interface PolnearFigures {
  readonly articles: number;
  readonly goldQuotes: number;
  readonly found: number;
  readonly recall: number;
  /** Gold quotes that one of our quotes covers at least 90 % of, whatever its ends. */
  readonly covered: number;
  readonly speakerTotal: number;
  readonly speakerRight: number;
  readonly speakerAccuracy: number;
  /** Right when a speaker resolved from a role is compared as resolved, not as written. */
  readonly speakerRightResolved: number;
  /** Gold sources swapped with their cue by the annotator (see goldSource). */
  readonly swappedSources: number;
  /** Found quotes we gave no speaker, among speakerTotal. */
  readonly speakerNone: number;
  readonly pronounSkipped: number;
  readonly noSourceSkipped: number;
  /** Of the found quotes with no gold source, how many we also gave none. */
  readonly noSourceNone: number;
  /** Our top-level quotes that overlap no gold quote (scare quotes, titles, unannotated), and how many of them we gave a speaker. */
  readonly outside: number;
  readonly outsideWithSpeaker: number;
  /** CPU milliseconds spent in splitSentences + findQuotes over all articles (CPU time: the machine is shared). */
  readonly ms: number;
  readonly quoteMisses: readonly Miss[];
  readonly speakerMisses: readonly Miss[];
}

function context(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - 120), Math.min(text.length, end + 120)).replace(/\s+/g, ' ');
}

function closest(quotes: readonly Quote[], start: number, end: number): { quote: Quote | null; covered: boolean } {
  let best: Quote | null = null;
  let covered = false;
  for (const q of quotes) {
    if (Math.abs(q.start - start) <= TOLERANCE && Math.abs(q.end - end) <= TOLERANCE) {
      if (best === null || Math.abs(q.start - start) + Math.abs(q.end - end) < Math.abs(best.start - start) + Math.abs(best.end - end)) {
        best = q;
      }
    }
    if (Math.min(q.end, end) - Math.max(q.start, start) >= 0.9 * (end - start)) {
      covered = true;
    }
  }
  return { quote: best, covered: covered || best !== null };
}

/** The counts evaluatePolnear adds up, article by article. */
type Tally = { -readonly [K in keyof PolnearFigures]: PolnearFigures[K] } & { quoteMisses: Miss[]; speakerMisses: Miss[] };

export function evaluatePolnear(articles: readonly PolnearArticle[]): PolnearFigures {
  const t: Tally = {
    articles: articles.length, goldQuotes: 0, found: 0, recall: 0, covered: 0, speakerTotal: 0, speakerRight: 0, speakerAccuracy: 0,
    speakerRightResolved: 0, swappedSources: 0, speakerNone: 0, pronounSkipped: 0, noSourceSkipped: 0, noSourceNone: 0,
    outside: 0, outsideWithSpeaker: 0, ms: 0, quoteMisses: [], speakerMisses: [],
  };
  for (const article of articles) {
    scoreArticle(article, t);
  }
  t.recall = t.goldQuotes === 0 ? 0 : t.found / t.goldQuotes;
  t.speakerAccuracy = t.speakerTotal === 0 ? 0 : t.speakerRight / t.speakerTotal;
  return t;
}

/** Our quote for a gold quote, and the role as written behind its speaker. */
interface Hit {
  readonly quote: Quote;
  readonly mention: string | null;
}

function scoreArticle(article: PolnearArticle, t: Tally): void {
  const t0 = process.cpuUsage();
  const { quotes, mentions } = findQuotesWithMentions(article.text, splitSentences(article.text));
  const t1 = process.cpuUsage(t0);
  t.ms += (t1.user + t1.system) / 1000;
  const gold = article.attributions.flatMap((a) => a.quotes);
  for (const q of quotes) {
    const nested = quotes.some((o) => o !== q && o.start <= q.start && q.end <= o.end);
    if (!nested && !gold.some(([s, e]) => s < q.end && q.start < e)) {
      t.outside++;
      t.outsideWithSpeaker += q.speaker === null ? 0 : 1;
    }
  }
  for (const a of article.attributions) {
    for (const [start, end, text] of a.quotes) {
      t.goldQuotes++;
      const hit = closest(quotes, start, end);
      t.covered += hit.covered ? 1 : 0;
      if (hit.quote === null) {
        t.quoteMisses.push({ doc: article.doc, gold: text, context: context(article.text, start, end) });
        continue;
      }
      t.found++;
      scoreSpeaker(article, a, { quote: hit.quote, mention: mentions[quotes.indexOf(hit.quote)] }, [start, end, text], t);
    }
  }
}

function scoreSpeaker(article: PolnearArticle, a: PolnearAttribution, hit: Hit, [start, end, text]: readonly [number, number, string], t: Tally): void {
  const { source, swapped } = goldSource(a);
  if (source === null) {
    t.noSourceSkipped++;
    t.noSourceNone += hit.quote.speaker === null ? 1 : 0;
    return;
  }
  if (isPronounSource(source.text)) {
    t.pronounSkipped++;
    return;
  }
  t.speakerTotal++;
  t.swappedSources += swapped ? 1 : 0;
  t.speakerNone += hit.quote.speaker === null ? 1 : 0;
  t.speakerRightResolved += sameSpeaker(hit.quote.speaker, source.text) ? 1 : 0;
  const ours = hit.mention ?? hit.quote.speaker;
  if (sameSpeaker(ours, source.text)) {
    t.speakerRight++;
    return;
  }
  t.speakerMisses.push({
    doc: article.doc,
    gold: text,
    goldSource: source.text,
    ours,
    context: context(article.text, Math.min(start, source.start), Math.max(end, source.end)),
  });
}

export function formatFigures(split: string, f: PolnearFigures): string {
  const pct = (x: number): string => x.toFixed(3);
  return [
    `PolNeAR ${split}: ${f.articles} articles, ${f.goldQuotes} gold direct quotes`,
    `  quote recall (both ends within ±${TOLERANCE}): ${pct(f.recall)} (${f.found}/${f.goldQuotes}); covered ≥90%: ${f.covered}`,
    `  speaker accuracy (name/noun-phrase sources): ${pct(f.speakerAccuracy)} (${f.speakerRight}/${f.speakerTotal}; ${f.speakerNone} given none)`,
    `    comparing names resolved from a role as resolved: ${pct(f.speakerTotal === 0 ? 0 : f.speakerRightResolved / f.speakerTotal)} (${f.speakerRightResolved}/${f.speakerTotal}); gold sources swapped with their cue: ${f.swappedSources}`,
    `  skipped: ${f.pronounSkipped} pronoun sources, ${f.noSourceSkipped} without source (${f.noSourceNone} of them given none by us)`,
    `  our quotes outside any gold quote: ${f.outside}, ${f.outsideWithSpeaker} of them given a speaker`,
    `  CPU time in splitSentences + findQuotes: ${f.ms.toFixed(0)} ms`,
  ].join('\n');
}

/** `node out/test/unit/polnear.js [dev|train] [misses]` prints the figures (and the misses). */
if (require.main === module) {
  const split = process.argv[2] === 'train' ? 'train' : 'dev';
  const figures = evaluatePolnear(readPolnear(split));
  console.log(formatFigures(split, figures));
  if (process.argv[3] === 'misses') {
    for (const m of figures.quoteMisses) {
      console.log(`QUOTE ${m.doc}: ${JSON.stringify(m.gold)}\n    ${m.context}`);
    }
    for (const m of figures.speakerMisses) {
      console.log(`SPEAKER ${m.doc}: gold ${JSON.stringify(m.goldSource)} ours ${JSON.stringify(m.ours)}\n    ${m.context}`);
    }
  }
}
