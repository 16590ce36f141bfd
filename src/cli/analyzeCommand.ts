import * as path from 'path';
import { analyzeBundle } from '../core/analyze';
import { looksLikeBundle, parseBundle } from '../core/bundle/parseBundle';
import type { ArticleInput, BundleAnalysis, MatchKind } from '../core/model';
import { readTextFile, splitArgs, UsageError } from './io';

/**
 * The articles of a file: a bundle's articles, or a plain text file (no <<<FILE header) as one
 * article named after the file.
 */
export function loadArticles(file: string): ArticleInput[] {
  const text = readTextFile(file);
  if (!looksLikeBundle(text)) return [{ name: path.basename(file), text }];
  const parsed = parseBundle(text);
  if (parsed.articles.length === 0) throw new UsageError(`${file} has <<<FILE headers but no article. Run "parallax parse ${file}" to see its problems.`);
  return parsed.articles.map((a) => ({ name: a.name, text: a.text }));
}

/** The JSON form of `parallax analyze --json`; documented in the README, keep it stable. Articles are named, not numbered. */
export function analysisJson(articles: readonly ArticleInput[], analysis: BundleAnalysis): object {
  const name = (k: number): string => articles[k].name;
  return {
    articles: analysis.articles.map((a) => ({
      name: a.name,
      sentences: a.sentences.map((s) => ({ start: s.start, end: s.end })),
      quotes: a.quotes.map((q) => ({ start: q.start, end: q.end, text: q.text, speaker: q.speaker, cue: q.cue })),
    })),
    matches: analysis.matches.map((m) => ({
      kind: m.kind,
      score: m.score,
      a: { article: name(m.a.article), start: m.a.start, end: m.a.end, text: m.a.text },
      b: { article: name(m.b.article), start: m.b.start, end: m.b.end, text: m.b.text },
    })),
    quoteGroups: analysis.quoteGroups.map((g) => ({
      occurrences: g.occurrences.map((o) => ({ article: name(o.article), start: o.start, end: o.end, text: o.text, speaker: o.speaker, relation: o.relation })),
    })),
    sources: analysis.sources.map((s) => ({
      name: s.name,
      uniqueShare: s.uniqueShare,
      covers: s.covers.map((c) => ({ article: name(c.article), share: c.share, inOrder: c.inOrder })),
    })),
  };
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;
const clip = (s: string, n = 90): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= n ? flat : `${flat.slice(0, n - 1)}…`;
};

/** The human-readable report: per source, shared passages per pair, quote groups. */
export function analysisReport(file: string, articles: readonly ArticleInput[], analysis: BundleAnalysis): string {
  const lines: string[] = [];
  const name = (k: number): string => articles[k].name;
  lines.push(`${articles.length} article${articles.length === 1 ? '' : 's'} in ${file}`, '');
  lines.push('Sources');
  analysis.sources.forEach((s, k) => {
    const a = analysis.articles[k];
    lines.push(`  ${s.name}: ${a.sentences.length} sentences, ${a.quotes.length} quotes, ${percent(s.uniqueShare)} unique`);
    for (const c of s.covers) {
      lines.push(`    ${c.share >= 0.5 && c.inOrder ? 'follows' : 'shares with'} ${name(c.article)}: ${c.covered} of ${c.total} sentences${c.inOrder ? ', in order' : ''}`);
    }
  });
  lines.push('', `Shared passages (${analysis.matches.length})`);
  const byPair = new Map<string, typeof analysis.matches[number][]>();
  for (const m of analysis.matches) {
    const key = `${m.a.article} ${m.b.article}`;
    const list = byPair.get(key);
    if (list) list.push(m);
    else byPair.set(key, [m]);
  }
  for (const list of byPair.values()) {
    const counts = new Map<MatchKind, number>();
    for (const m of list) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
    const summary = [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
    lines.push(`  ${name(list[0].a.article)} ↔ ${name(list[0].b.article)}: ${summary}`);
    for (const m of list) {
      lines.push(`    ${m.kind} ${m.score.toFixed(2)}`, `      A: ${clip(m.a.text)}`, `      B: ${clip(m.b.text)}`);
    }
  }
  lines.push('', `Quote groups (${analysis.quoteGroups.length})`);
  for (const g of analysis.quoteGroups) {
    const speaker = g.occurrences.find((o) => o.speaker)?.speaker ?? 'unknown speaker';
    lines.push(`  ${speaker}`);
    for (const o of g.occurrences) lines.push(`    ${o.relation.padEnd(8)} ${name(o.article)}: “${clip(o.text, 80)}”`);
  }
  return lines.join('\n');
}

/** `parallax analyze <bundle|text file> [--json]`. */
export function analyzeCommand(args: readonly string[], out: (s: string) => void): number {
  const { positional, flags } = splitArgs(args);
  if (positional.length !== 1) throw new UsageError('Usage: parallax analyze <bundle|text file> [--json]');
  for (const f of flags) if (f !== 'json') throw new UsageError(`Unknown option --${f}. Usage: parallax analyze <bundle|text file> [--json]`);
  const articles = loadArticles(positional[0]);
  const analysis = analyzeBundle(articles);
  out(flags.has('json') ? JSON.stringify(analysisJson(articles, analysis), null, 2) : analysisReport(positional[0], articles, analysis));
  return 0;
}
