import { alignPair, analyzeBundle } from '../core/analyze';
import type { ArticleInput } from '../core/model';
import { wordDiff } from '../core/text/wordDiff';
import type { CommandSpec, ParsedCommandLine, Print } from './args';
import { findArticle } from './articleRef';
import { processColorEnvironment, useColor } from './color';
import type { ColorEnvironment } from './color';
import { engineStep } from './internalError';
import { loadArticles } from './loadArticles';

export { findArticle } from './articleRef';

const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const DIM = '\x1b[2m';
const STRIKE = '\x1b[9m';
const RESET = '\x1b[0m';

export const COMPARE: CommandSpec = {
  name: 'compare',
  args: '<bundle> <articleA> <articleB>',
  summary: 'The aligned sentences of two articles, with word differences.',
  positionals: { min: 3, max: 3 },
  options: {
    color: { type: 'boolean', description: 'colour word differences (default: only when stdout is a terminal and NO_COLOR is not set)' },
    'no-color': { type: 'boolean', description: 'never colour; write [-dropped-]{+added+}' },
  },
  details: [
    'An article is a name, a prefix of exactly one name, or a number with # (#2 is the 2nd article).',
    'A bare number is a name prefix: in a bundle of 000_…, 001_… files, "002" is the file 002_….',
  ],
};

/** Word-level differences (core's wordDiff): [-dropped-]{+added+} in plain text, red/green in a terminal. */
export function wordDiffLine(a: string, b: string, color: boolean): string {
  const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();
  return wordDiff(flat(a), flat(b))
    .map((part) => {
      if (part.op === 'removed') return color ? `${RED}${STRIKE}${part.text}${RESET}` : `[-${part.text}-]`;
      if (part.op === 'added') return color ? `${GREEN}${part.text}${RESET}` : `{+${part.text}+}`;
      return part.text;
    })
    .join('');
}

/** The aligned comparison of two articles as text, one aligned pair per block. */
export function comparisonReport(articles: readonly ArticleInput[], a: number, b: number, color: boolean): string {
  const analysis = engineStep('analysing the bundle', articles, (list) => analyzeBundle(list));
  const rows = engineStep(`aligning "${articles[a].name}" with "${articles[b].name}"`, [], () => alignPair(analysis, a, b));
  const ta = articles[a].text;
  const tb = articles[b].text;
  const count = (f: (r: (typeof rows)[number]) => boolean): number => rows.filter(f).length;
  const lines = [`${articles[a].name} ↔ ${articles[b].name} · ${count((r) => r.a !== null && r.b !== null)} aligned, ${count((r) => r.a !== null && r.b === null)} only in A, ${count((r) => r.a === null && r.b !== null)} only in B`, ''];
  const dim = (s: string): string => (color ? `${DIM}${s}${RESET}` : s);
  for (const r of rows) {
    const sa = r.a ? ta.slice(r.a.start, r.a.end) : null;
    const sb = r.b ? tb.slice(r.b.start, r.b.end) : null;
    if (sa !== null && sb !== null) lines.push(`[${r.kind} ${r.score.toFixed(2)}]`, `  ${wordDiffLine(sa, sb, color)}`, '');
    else if (sa !== null) lines.push(dim('[only in A]'), `  ${sa.replace(/\s+/g, ' ')}`, '');
    else if (sb !== null) lines.push(dim('[only in B]'), `  ${sb.replace(/\s+/g, ' ')}`, '');
  }
  return lines.join('\n').trimEnd();
}

/** `parallax compare <bundle> <articleA> <articleB> [--color|--no-color]`. */
export function compareCommand(cl: ParsedCommandLine, out: Print, env: ColorEnvironment = processColorEnvironment()): number {
  const [file, refA, refB] = cl.positionals;
  const articles = loadArticles(file);
  const names = articles.map((x) => x.name);
  out(comparisonReport(articles, findArticle(names, refA), findArticle(names, refB), useColor(cl.values, env)));
  return 0;
}
