// The markdown of the hover over a quotation, built from a finished analysis. Pure: no vscode import.
// Every piece of bundle text goes through escapeMarkdown, so a bundle cannot inject markdown, links,
// HTML or command links into a trusted hover.
import type { BundleAnalysis, OriginalReason, Quote, QuoteGroup, QuoteOccurrence, QuoteRelation, Span } from '../core/model';
import { wordDiff } from '../core/text/wordDiff';
import { indexOf, overlaps } from '../analysis/analysisIndex';
import { strongestPerArticle } from './kinds';
import type { SideMatch } from '../analysis/analysisIndex';
import { excerpt } from './articleLabels';
import { groupBy } from '../core/util/groupBy';
import { COMMANDS } from '../commands/ids';


/** Arguments of `parallax.revealPassage`: a span of an article of a bundle. */
export interface RevealPassageArgs {
  readonly bundle: string;
  readonly article: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Text made inert for markdown: every ASCII punctuation character is backslash-escaped (CommonMark
 * allows exactly that), so no link, emphasis, code, HTML tag, entity or autolink can form, and line
 * breaks become spaces so the text cannot start a block.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** A `command:` URI for a markdown link; parentheses are encoded too, so the link cannot be cut short. */
export function commandUri(command: string, args: readonly unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${encoded}`;
}

function link(label: string, args: RevealPassageArgs): string {
  return `[${escapeMarkdown(label)}](${commandUri(COMMANDS.revealPassage, [args])} "Reveal this passage")`;
}

/** Words of a long unchanged stretch shown on each side of "…". */
const KEEP_WORDS = 4;

function shortenEqual(text: string): string {
  const words = text.split(/(\s+)/);
  // words alternates word, space, word…; keep KEEP_WORDS words at each end.
  const count = Math.ceil(words.length / 2);
  if (count <= KEEP_WORDS * 2 + 2) return text;
  return `${words.slice(0, KEEP_WORDS * 2).join('')} … ${words.slice(words.length - KEEP_WORDS * 2).join('')}`;
}

/** Wrap non-blank text in a markdown marker, keeping its outer spaces outside so the marker applies. */
function mark(text: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  if (!m || !m[2]) return text.length > 0 ? ' ' : '';
  return `${m[1] ? ' ' : ''}${marker}${escapeMarkdown(m[2])}${marker}${m[3] ? ' ' : ''}`;
}

/** A word-level diff of two wordings in markdown: dropped words ~~struck~~, added words **bold**. */
export function diffMarkdown(from: string, to: string): string {
  let out = '';
  for (const part of wordDiff(from, to)) {
    const piece = part.op === 'removed' ? mark(part.text, '~~') : part.op === 'added' ? mark(part.text, '**') : escapeMarkdown(shortenEqual(part.text));
    // A replacement reads "~~old~~ **new**", not "~~old~~**new**".
    out += part.op === 'added' && out.endsWith('~~') && !piece.startsWith(' ') ? ` ${piece}` : piece;
  }
  return out;
}

export interface QuoteHover {
  /** The quote's span in the article (with its quotation marks). */
  readonly span: Span;
  readonly markdown: string;
}

export interface QuoteHoverInput {
  readonly analysis: BundleAnalysis;
  readonly labels: readonly string[];
  /** The bundle's URI as a string, for the command links. */
  readonly bundle: string;
  readonly article: number;
  /** Offset in the article's text under the pointer. */
  readonly offset: number;
}

function quoteAt(quotes: readonly Quote[], offset: number): number {
  // Quotes are few per article; a linear scan is cheaper than an index here.
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i] as Quote;
    if (offset >= q.start && offset <= q.end) return i;
  }
  return -1;
}

/** Entries per list: a hover is read at a glance; the views hold the full lists. */
const MAX_ENTRIES = 12;

const RELATION_TEXT: Record<QuoteRelation, string> = { verbatim: 'verbatim', partial: 'partial', reworded: '**reworded**' };

const REASON_TEXT: Record<OriginalReason, string> = {
  origin: 'the source the others derive from',
  'most sources': 'the wording most sources carry word for word',
  'most complete': 'the most complete wording; no source is known to be the origin',
};

/** "**Original wording**: 002, the source the others derive from: “…”; this quotation is **reworded** against it." */
function originalLine(group: QuoteGroup, hovered: QuoteOccurrence, label: (i: number) => string): string {
  const original = group.occurrences[group.original];
  if (original === undefined) return '';
  const why = REASON_TEXT[group.originalReason];
  if (hovered.original) return `**Original wording** — this one: ${why}.`;
  const versus = hovered.relation === 'verbatim' ? 'the same words' : RELATION_TEXT[hovered.relation];
  return `**Original wording**: ${escapeMarkdown(label(original.article))}, ${why}: “${escapeMarkdown(excerpt(original.text, 160))}” — this quotation: ${versus}.`;
}

/** The hover for the quotation under `offset`, or null when the offset is in no quotation. */
export function quoteHover(input: QuoteHoverInput): QuoteHover | null {
  const { analysis, labels, bundle, article, offset } = input;
  const quotes = analysis.articles[article]?.quotes ?? [];
  const qi = quoteAt(quotes, offset);
  if (qi < 0) return null;
  const quote = quotes[qi] as Quote;
  const index = indexOf(analysis);
  const grouped = index.groupOfQuote(article, qi);
  const label = (i: number): string => labels[i] ?? String(i);
  const others: QuoteOccurrence[] = grouped ? grouped.group.occurrences.filter((o) => !(o.article === article && o.quote === qi)) : [];
  const speaker = quote.speaker ?? others.find((o) => o.speaker)?.speaker ?? null;

  const lines: string[] = [];
  const said = speaker ? `${escapeMarkdown(speaker)}${quote.cue ? ` \\(${escapeMarkdown(quote.cue)}\\)` : ''}` : '*speaker not found*';
  lines.push(`**Quotation** in ${escapeMarkdown(label(article))} — ${said}`, '');
  lines.push(`> ${escapeMarkdown(excerpt(quote.text, 240))}`, '');

  if (grouped) lines.push(originalLine(grouped.group, grouped.occurrence, label), '');
  if (others.length > 0) {
    lines.push(`**Also quoted by** ${others.length === 1 ? '1 source' : `${others.length} sources`} (relations to this quotation):`, '');
    const sorted = [...others].sort((x, y) => x.article - y.article || x.start - y.start);
    for (const o of sorted.slice(0, MAX_ENTRIES)) {
      // As the engine related the two wordings (stored in the group: the host does not carry the engine).
      const relation = grouped?.group.wordingRelations?.[grouped.occurrence.wording]?.[o.wording] ?? o.relation;
      const who = o.speaker && o.speaker !== speaker ? ` \\(attributed to ${escapeMarkdown(o.speaker)}\\)` : '';
      const target = link(label(o.article), { bundle, article: o.article, start: o.start, end: o.end });
      const detail = relation === 'reworded' ? `: ${diffMarkdown(quote.text, o.text)}` : relation === 'partial' ? `: “${escapeMarkdown(excerpt(o.text, 120))}”` : '';
      lines.push(`- ${target} — ${RELATION_TEXT[relation]}${o.original ? ' · original' : ''}${who}${detail}`);
    }
    if (sorted.length > MAX_ENTRIES) lines.push(`- … and ${sorted.length - MAX_ENTRIES} more: the Quotes view lists them all`);
    lines.push('');
  } else {
    lines.push('No other source quotes these words.', '');
  }

  // Sources that carry the statement outside quotation marks: matches overlapping the quote whose
  // other side is not one of the grouped occurrences.
  const quotedAt = groupBy(others, (o) => o.article);
  const unquotedMatches: SideMatch[] = [];
  for (const m of index.matchesOf(article)) {
    if (m.self.start > quote.end) break;
    if (!overlaps(m.self, quote)) continue;
    if ((quotedAt.get(m.other.article) ?? []).some((s) => overlaps(s, m.other))) continue;
    unquotedMatches.push(m);
  }
  const best = strongestPerArticle(unquotedMatches);
  if (best.size > 0) {
    lines.push('**Without quotation marks:**', '');
    const unquoted = [...best.values()].sort((x, y) => x.other.article - y.other.article);
    for (const m of unquoted.slice(0, MAX_ENTRIES)) {
      const target = link(label(m.other.article), { bundle, article: m.other.article, start: m.other.start, end: m.other.end });
      lines.push(`- ${target} — ${m.match.kind} ${m.match.score.toFixed(2)}: “${escapeMarkdown(excerpt(m.other.text, 120))}”`);
    }
    if (unquoted.length > MAX_ENTRIES) lines.push(`- … and ${unquoted.length - MAX_ENTRIES} more: the Sources view lists them all`);
  }
  return { span: { start: quote.start, end: quote.end }, markdown: lines.join('\n').trimEnd() };
}
