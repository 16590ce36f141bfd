// The text of Parallax's CodeLenses, computed from a finished analysis. Pure: no vscode import, so
// it is unit-tested and benchmarked on its own.
import type { BundleAnalysis, MatchKind } from '../core/model';
import { indexOf, lineOf, lineStarts, mergeSpans } from '../analysis/analysisIndex';
import { byStrength, isStronger, KIND_SIGN, strongestPerArticle } from './kinds';
import type { SideMatch } from '../analysis/analysisIndex';
import { percent } from './articleLabels';
import { groupBy } from '../core/util/groupBy';
import { relationText } from './sourcesModel';
import { counted } from '../core/util/counted';

export interface HeaderLens {
  /** "12 passages shared · 4 quotes · 31% unique · derives from 002 (dated 2 days later)" */
  readonly summary: string;
  /** "Compare with 002 (its source)", "(closest)", or null when no other source shares anything. */
  readonly compare: { readonly title: string; readonly article: number } | null;
}

/** Whether boilerplate passages get lenses: off by default; with `parallax.showBoilerplate` they do, marked as such. */
export interface LensOptions {
  readonly showBoilerplate?: boolean;
}

const shown = (m: SideMatch, options: LensOptions): boolean => options.showBoilerplate === true || m.match.boilerplate !== true;

export interface PassageLens {
  /** 0-based line of the article text the lens sits above. */
  readonly line: number;
  /** Offset in the article of the first shared passage starting on that line. */
  readonly offset: number;
  readonly title: string;
  readonly tooltip: string;
  /** The other article to compare with (the strongest match on the line), and where to look. */
  readonly target: { readonly article: number; readonly offset: number; readonly otherOffset: number };
}

/** The lenses on an article's header: what it shares (boilerplate left out), and the direction of reuse. */
export function headerLens(analysis: BundleAnalysis, labels: readonly string[], article: number): HeaderLens {
  const own = indexOf(analysis).matchesOf(article).filter((m) => m.match.boilerplate !== true);
  const passages = mergeSpans(own.map((m) => m.self)).length;
  const quotes = analysis.articles[article]?.quotes.length ?? 0;
  const source = analysis.sources[article];
  const parts = [counted(passages, 'passage shared', 'passages shared'), counted(quotes, 'quote')];
  if (source) parts.push(`${percent(source.uniqueShare)} unique`);
  const direction = relationText(analysis, labels, article);
  if (direction && !direction.startsWith('shares with')) parts.push(direction);
  const name = (k: number): string => labels[k] ?? String(k);
  const origin = source?.origin ?? null;
  const closest = source?.covers[0];
  const compare = origin !== null
    ? { title: `Compare with ${name(origin)} (its source)`, article: origin }
    : closest ? { title: `Compare with ${name(closest.article)} (${closest.relation === 'source of' ? 'derived from this' : 'closest'})`, article: closest.article } : null;
  return { summary: parts.join(' · '), compare };
}

/** How many article labels one segment lists before "+N more". */
const MAX_NAMES = 5;

function score(s: number): string {
  return s.toFixed(2);
}

/** "≈ 002 (paraphrase 0.81)", "= 000, 004 (verbatim)", "≃ 001 0.92, 003 0.88 (near-verbatim)". */
function segment(kind: MatchKind, best: readonly SideMatch[], labels: readonly string[]): string {
  const sorted = [...best].sort((x, y) => y.match.score - x.match.score || x.other.article - y.other.article);
  const shown = sorted.slice(0, MAX_NAMES);
  const more = sorted.length > shown.length ? `, +${sorted.length - shown.length} more` : '';
  const name = (m: SideMatch): string => labels[m.other.article] ?? String(m.other.article);
  if (kind === 'verbatim') return `${KIND_SIGN[kind]} ${shown.map(name).join(', ')}${more} (verbatim)`;
  const first = shown[0];
  if (shown.length === 1 && first) return `${KIND_SIGN[kind]} ${name(first)} (${kind} ${score(first.match.score)})`;
  return `${KIND_SIGN[kind]} ${shown.map((m) => `${name(m)} ${score(m.match.score)}`).join(', ')}${more} (${kind})`;
}

/**
 * At most one lens per line of the article: every other source sharing a passage that starts on the
 * line, each under its strongest kind. A one-line article gets one lens, not one per passage.
 */
export function passageLenses(analysis: BundleAnalysis, labels: readonly string[], article: number, text: string, options: LensOptions = {}): PassageLens[] {
  const own = indexOf(analysis).matchesOf(article).filter((m) => shown(m, options));
  if (own.length === 0) return [];
  const starts = lineStarts(text);
  const byLine = groupBy(own, (m) => lineOf(starts, m.self.start));
  const lenses: PassageLens[] = [];
  for (const [line, list] of byLine) {
    // The strongest match per other article on this line.
    const best = strongestPerArticle(list);
    const byKind = groupBy(best.values(), (m) => m.match.kind);
    const kinds = [...byKind.keys()].sort(byStrength);
    const passages = mergeSpans(list.map((m) => m.self)).length;
    const segments = kinds.map((k) => segment(k, byKind.get(k) ?? [], labels));
    const boilerplate = list.every((m) => m.match.boilerplate === true);
    const title = `${boilerplate ? 'boilerplate: ' : ''}${passages > 1 ? `${passages} passages: ` : ''}${segments.join(' · ')}`;
    const strongest = [...best.values()].reduce((x, y) => (isStronger(y.match, x.match) ? y : x));
    const first = list[0] as SideMatch;
    lenses.push({
      line,
      offset: first.self.start,
      title,
      tooltip: `Compare with ${labels[strongest.other.article] ?? ''} at this passage (${strongest.match.kind}, score ${score(strongest.match.score)})`,
      target: { article: strongest.other.article, offset: strongest.self.start, otherOffset: strongest.other.start },
    });
  }
  return lenses.sort((x, y) => x.line - y.line);
}
