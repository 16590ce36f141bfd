import { analyzeBundle } from '../core/analyze';
import type { ArticleInput, BundleAnalysis, Match, MatchKind } from '../core/model';
import { excerpt, percent } from '../presentation/articleLabels';
import { groupBy } from '../core/util/groupBy';
import { analysisJson } from './analysisJson';
import { printReport } from './args';
import type { CommandSpec, ParsedCommandLine, Print } from './args';
import { engineStep } from './internalError';
import { loadArticles } from './loadArticles';
import { counted } from '../core/util/counted';

export { loadArticles } from './loadArticles';
export { analysisJson } from './analysisJson';

export const ANALYZE: CommandSpec = {
  name: 'analyze',
  args: '<bundle|text file>',
  summary: 'Sentences, quotes, shared passages, quote groups and sources of a bundle (a text file without <<<FILE headers is one article).',
  positionals: { min: 1, max: 1 },
  options: { json: { type: 'boolean', description: 'print the analysis as JSON (schema in the README, "Command line")' } },
};

/** Matches grouped by article pair, in first-seen order. */
function byPair(matches: readonly Match[]): Match[][] {
  return [...groupBy(matches, (m) => `${m.a.article} ${m.b.article}`).values()];
}

function sourceLines(articles: readonly ArticleInput[], analysis: BundleAnalysis): string[] {
  const lines = ['Sources'];
  analysis.sources.forEach((s, k) => {
    const a = analysis.articles[k];
    lines.push(`  ${s.name}: ${a.sentences.length} sentences, ${a.quotes.length} quotes, ${percent(s.uniqueShare)} unique`);
    for (const c of s.covers) {
      // The engine's direction of reuse (match/direction.ts): never 'derives from' both ways.
      lines.push(`    ${c.relation} ${articles[c.article].name}: ${c.covered} of ${c.total} sentences${c.inOrder ? ', in order' : ''}`);
    }
  });
  analysis.sources.forEach((s, k) => {
    if (s.origin !== null) lines.push(`  ${articles[k].name} derives from ${articles[s.origin].name}${s.evidence.length > 0 ? `: ${s.evidence.join('; ')}` : ''}`);
  });
  for (const c of analysis.copies ?? []) lines.push(`  ${articles[c.article].name} is an ${c.kind} copy of ${articles[c.of].name}`);
  return lines;
}

/** The human-readable report: per source, shared passages per pair, quote groups. */
export function analysisReport(file: string, articles: readonly ArticleInput[], analysis: BundleAnalysis): string {
  const name = (k: number): string => articles[k].name;
  const lines = [`${counted(articles.length, 'article')} in ${file}`, '', ...sourceLines(articles, analysis)];
  lines.push('', `Shared passages (${analysis.matches.length})`);
  for (const list of byPair(analysis.matches)) {
    const counts = new Map<MatchKind, number>();
    for (const m of list) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
    lines.push(`  ${name(list[0].a.article)} ↔ ${name(list[0].b.article)}: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`);
    for (const m of list) lines.push(`    ${m.kind} ${m.score.toFixed(2)}${m.boilerplate ? ' (boilerplate)' : ''}`, `      A: ${excerpt(m.a.text, 90)}`, `      B: ${excerpt(m.b.text, 90)}`);
  }
  lines.push('', `Quote groups (${analysis.quoteGroups.length})`);
  for (const g of analysis.quoteGroups) {
    lines.push(`  ${g.occurrences.find((o) => o.speaker)?.speaker ?? 'unknown speaker'}`);
    for (const o of g.occurrences) lines.push(`    ${(o.original ? 'original' : o.relation).padEnd(8)} ${name(o.article)}: “${excerpt(o.text, 80)}”`);
  }
  if (analysis.limits?.capped) lines.push('', 'Limits', ...analysis.limits.notes.map((n) => `  ${n}`));
  return lines.join('\n');
}

/** `parallax analyze <bundle|text file> [--json]`. */
export function analyzeCommand(cl: ParsedCommandLine, out: Print): number {
  const file = cl.positionals[0];
  const articles = loadArticles(file);
  const analysis = engineStep('analysing the bundle', articles, (list) => analyzeBundle(list));
  printReport(cl, out, { json: () => analysisJson(articles, analysis), text: () => analysisReport(file, articles, analysis) });
  return 0;
}
