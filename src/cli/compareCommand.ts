import { diffWords } from 'diff';
import { alignPair, analyzeBundle } from '../core/analyze';
import type { ArticleInput } from '../core/model';
import { loadArticles } from './analyzeCommand';
import { splitArgs, UsageError } from './io';

const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const DIM = '\x1b[2m';
const STRIKE = '\x1b[9m';
const RESET = '\x1b[0m';

/** An article by exact name, by 1-based number, or by a prefix only one name has. */
export function findArticle(articles: readonly ArticleInput[], which: string): number {
  const exact = articles.findIndex((a) => a.name === which);
  if (exact >= 0) return exact;
  if (/^\d+$/.test(which) && Number(which) >= 1 && Number(which) <= articles.length && !articles.some((a) => a.name.startsWith(which))) {
    return Number(which) - 1;
  }
  const prefixed = articles.map((a, k) => (a.name.startsWith(which) ? k : -1)).filter((k) => k >= 0);
  if (prefixed.length === 1) return prefixed[0];
  const list = articles.map((a, k) => `  ${k + 1}. ${a.name}`).join('\n');
  const why = prefixed.length > 1 ? `"${which}" matches ${prefixed.length} articles` : `No article named "${which}"`;
  throw new UsageError(`${why}. The articles are:\n${list}`);
}

/** Word-level differences: [-dropped-]{+added+} in plain text, red/green in a terminal. */
export function wordDiffLine(a: string, b: string, color: boolean): string {
  return diffWords(a.replace(/\s+/g, ' ').trim(), b.replace(/\s+/g, ' ').trim(), { ignoreCase: true })
    .map((part) => {
      if (part.removed) return color ? `${RED}${STRIKE}${part.value}${RESET}` : `[-${part.value}-]`;
      if (part.added) return color ? `${GREEN}${part.value}${RESET}` : `{+${part.value}+}`;
      return part.value;
    })
    .join('');
}

/** The aligned comparison of two articles as text, one aligned pair per block. */
export function comparisonReport(articles: readonly ArticleInput[], a: number, b: number, color: boolean): string {
  const analysis = analyzeBundle(articles);
  const rows = alignPair(analysis, a, b);
  const ta = articles[a].text;
  const tb = articles[b].text;
  const aligned = rows.filter((r) => r.a && r.b).length;
  const lines = [`${articles[a].name} ↔ ${articles[b].name} · ${aligned} aligned, ${rows.filter((r) => r.a && !r.b).length} only in A, ${rows.filter((r) => !r.a && r.b).length} only in B`, ''];
  const dim = (s: string): string => (color ? `${DIM}${s}${RESET}` : s);
  for (const r of rows) {
    const sa = r.a ? ta.slice(r.a.start, r.a.end) : null;
    const sb = r.b ? tb.slice(r.b.start, r.b.end) : null;
    if (sa !== null && sb !== null) {
      lines.push(`[${r.kind} ${r.score.toFixed(2)}]`, `  ${wordDiffLine(sa, sb, color)}`, '');
    } else if (sa !== null) {
      lines.push(dim('[only in A]'), `  ${sa.replace(/\s+/g, ' ')}`, '');
    } else if (sb !== null) {
      lines.push(dim('[only in B]'), `  ${sb.replace(/\s+/g, ' ')}`, '');
    }
  }
  return lines.join('\n').trimEnd();
}

/** `parallax compare <bundle> <articleA> <articleB> [--color|--no-color]`. */
export function compareCommand(args: readonly string[], out: (s: string) => void): number {
  const { positional, flags } = splitArgs(args);
  if (positional.length !== 3) throw new UsageError('Usage: parallax compare <bundle> <articleA> <articleB> [--color|--no-color]');
  const articles = loadArticles(positional[0]);
  const a = findArticle(articles, positional[1]);
  const b = findArticle(articles, positional[2]);
  const color = flags.has('no-color') ? false : flags.has('color') || process.stdout.isTTY === true;
  out(comparisonReport(articles, a, b, color));
  return 0;
}
