// Hand-made analyses for the editor's pure modules: invented texts, spans found by substring, so
// each test states exactly what the engine would have reported.
import type { BundleAnalysis, Match, MatchKind, Quote, QuoteGroup, QuoteRelation, SourceSummary } from '../../src/core/model';

export interface FixtureMatch {
  readonly kind: MatchKind;
  readonly score: number;
  readonly a: readonly [number, string];
  readonly b: readonly [number, string];
  readonly boilerplate?: boolean;
}

export interface FixtureQuote {
  readonly article: number;
  /** The words inside the marks; the text must hold them between “ ” or " ". */
  readonly text: string;
  readonly speaker: string | null;
}

function span(texts: readonly string[], article: number, part: string): { start: number; end: number } {
  const text = texts[article] ?? '';
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`fixture: "${part}" is not in article ${article}`);
  return { start, end: start + part.length };
}

/**
 * A quote group from [article, quote, relation to the original] rows: the original is the first
 * 'verbatim' row (its relation to itself); wordings are the distinct texts; two wordings that are
 * not the original's relate as partial when both are partial to it, else reworded.
 */
function groupOf(quoteLists: readonly Quote[][], rows: readonly (readonly [number, number, QuoteRelation])[]): QuoteGroup {
  const texts: string[] = [];
  const occurrences = rows.map(([article, quote, relation]) => {
    const q = quoteLists[article]?.[quote];
    if (!q) throw new Error(`fixture: no quote ${quote} in article ${article}`);
    if (!texts.includes(q.text)) texts.push(q.text);
    return { article, quote, start: q.start, end: q.end, text: q.text, speaker: q.speaker, relation, original: false, wording: texts.indexOf(q.text) };
  });
  const original = Math.max(0, occurrences.findIndex((o) => o.relation === 'verbatim'));
  occurrences[original] = { ...occurrences[original], original: true };
  const ow = occurrences[original].wording;
  const toOriginal = texts.map((_, w) => occurrences.find((o) => o.wording === w)?.relation ?? 'reworded');
  const wordingRelations = texts.map((_, x) => texts.map((_, y): QuoteRelation => {
    if (x === y) return 'verbatim';
    if (x === ow || y === ow) return toOriginal[x === ow ? y : x];
    return toOriginal[x] === 'partial' && toOriginal[y] === 'partial' ? 'partial' : 'reworded';
  }));
  return { speakerKey: occurrences[0]?.speaker ? occurrences[0].speaker.toLowerCase() : null, occurrences, original, originalReason: 'origin', wordingRelations };
}

/** A BundleAnalysis over `texts` with the given matches, quotes, quote groups and summaries. */
export function makeAnalysis(
  names: readonly string[],
  texts: readonly string[],
  matches: readonly FixtureMatch[],
  quotes: readonly FixtureQuote[] = [],
  groups: readonly (readonly [number, number, QuoteRelation][])[] = [],
  sources?: readonly SourceSummary[],
): BundleAnalysis {
  const quoteLists: Quote[][] = texts.map(() => []);
  for (const q of quotes) {
    const inner = span(texts, q.article, q.text);
    quoteLists[q.article]?.push({
      start: inner.start - 1,
      end: inner.end + 1,
      text: q.text,
      inner,
      speaker: q.speaker,
      speakerKey: q.speaker ? q.speaker.toLowerCase() : null,
      cue: q.speaker ? 'said' : null,
    });
  }
  const out: Match[] = matches.map((m) => {
    const [aa, at] = m.a;
    const [ba, bt] = m.b;
    return { kind: m.kind, score: m.score, a: { article: aa, text: at, ...span(texts, aa, at) }, b: { article: ba, text: bt, ...span(texts, ba, bt) }, boilerplate: m.boilerplate === true };
  });
  const quoteGroups: QuoteGroup[] = groups.map((g) => groupOf(quoteLists, g));
  return {
    articles: names.map((name, i) => ({ name, sentences: [], quotes: quoteLists[i] ?? [] })),
    matches: out,
    quoteGroups,
    sources: sources ?? names.map((name) => ({ name, uniqueShare: 0.5, covers: [], origin: null, evidence: [] })),
  };
}

/** Three invented reports of one council meeting. */
export const NAMES = ['000_council.txt', '001_gazette.txt', '002_radio.txt'];
export const TEXTS = [
  'The mayor said “we will rebuild the bridge by spring” at the council meeting. Officials agreed with the budget.',
  'At the council meeting, the mayor promised “we shall rebuild the bridge before spring”. Officials agreed with the budget.',
  'Line one of a long radio story.\nThe mayor told the council that the bridge would be rebuilt by spring.\nOther news followed.',
];
export const MATCHES: FixtureMatch[] = [
  { kind: 'verbatim', score: 1, a: [0, 'Officials agreed with the budget.'], b: [1, 'Officials agreed with the budget.'] },
  { kind: 'near-verbatim', score: 0.72, a: [0, 'The mayor said “we will rebuild the bridge by spring” at the council meeting.'], b: [1, 'At the council meeting, the mayor promised “we shall rebuild the bridge before spring”.'] },
  { kind: 'paraphrase', score: 0.81, a: [0, 'The mayor said “we will rebuild the bridge by spring” at the council meeting.'], b: [2, 'The mayor told the council that the bridge would be rebuilt by spring.'] },
];
export const QUOTES: FixtureQuote[] = [
  { article: 0, text: 'we will rebuild the bridge by spring', speaker: 'Mayor Ada Lind' },
  { article: 1, text: 'we shall rebuild the bridge before spring', speaker: 'Mayor Ada Lind' },
];
export const GROUPS: [number, number, QuoteRelation][][] = [[[0, 0, 'verbatim'], [1, 0, 'reworded']]];
/** The gazette (001) derives from the council report (000), which it rewords; the radio piece shares with it. */
const GAZETTE_EVIDENCE = ['dated 1 day later', 'rewords 1 of its quotes'];
export const SOURCES: SourceSummary[] = [
  {
    name: NAMES[0] as string, uniqueShare: 0, origin: null, evidence: [],
    covers: [
      { article: 1, share: 1, covered: 2, total: 2, inOrder: true, relation: 'source of', evidence: GAZETTE_EVIDENCE },
      { article: 2, share: 0.5, covered: 1, total: 2, inOrder: true, relation: 'shares with', evidence: [] },
    ],
  },
  {
    name: NAMES[1] as string, uniqueShare: 0, origin: 0, evidence: GAZETTE_EVIDENCE,
    covers: [{ article: 0, share: 1, covered: 2, total: 2, inOrder: true, relation: 'derives from', evidence: GAZETTE_EVIDENCE }],
  },
  {
    name: NAMES[2] as string, uniqueShare: 0.67, origin: null, evidence: [],
    covers: [{ article: 0, share: 0.33, covered: 1, total: 3, inOrder: true, relation: 'shares with', evidence: [] }],
  },
];

export function councilAnalysis(): BundleAnalysis {
  return makeAnalysis(NAMES, TEXTS, MATCHES, QUOTES, GROUPS, SOURCES);
}
