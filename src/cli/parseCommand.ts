import { parseBundle } from '../core/bundle/parseBundle';
import type { ParsedBundle } from '../core/bundle/parseBundle';
import { printReport } from './args';
import type { CommandSpec, ParsedCommandLine, Print } from './args';
import { readTextFile } from './io';
import { counted } from '../core/util/counted';

export const PARSE: CommandSpec = {
  name: 'parse',
  args: '<bundle>',
  summary: 'The articles of a bundle and its format problems, as file:line:column. Exit code 1 when it has errors.',
  positionals: { min: 1, max: 1 },
  options: { json: { type: 'boolean', description: 'print articles (offsets, attributes) and problems as JSON' } },
};

/** 1-based line and column of an offset, for messages a person reads. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The JSON form of `parallax parse --json`. */
export function parseReportJson(text: string, parsed: ParsedBundle): object {
  return {
    articles: parsed.articles.map((a) => ({
      name: a.name,
      attributes: Object.fromEntries(a.attributes.map((attr) => [attr.key, attr.value])),
      blockId: a.blockId,
      header: a.headerRange,
      content: a.contentRange,
      endMarker: a.endMarkerRange,
      length: a.text.length,
    })),
    problems: parsed.problems.map((p) => ({ ...p, ...lineColumn(text, p.range.start) })),
  };
}

/** The human form: one line per article, then one line per problem as file:line:column. */
export function parseReportText(file: string, text: string, parsed: ParsedBundle): string {
  const lines = [`${counted(parsed.articles.length, 'article')} in ${file}`];
  for (const a of parsed.articles) {
    const { line } = lineColumn(text, a.headerRange.start);
    const attrs = a.attributes.filter((x) => x.key !== 'name' && x.key !== 'path').map((x) => `${x.key}=${x.value}`).join(' ');
    const words = a.text.trim() === '' ? 0 : a.text.trim().split(/\s+/).length;
    lines.push(`  ${String(a.index + 1).padStart(3)}  ${a.name}  (line ${line}, ${words} words${attrs ? `, ${attrs}` : ''})`);
  }
  lines.push(parsed.problems.length === 0 ? 'No problems.' : `${counted(parsed.problems.length, 'problem')}:`);
  for (const p of parsed.problems) {
    const { line, column } = lineColumn(text, p.range.start);
    lines.push(`  ${file}:${line}:${column}: ${p.severity}: ${p.message}`);
  }
  return lines.join('\n');
}

/** `parallax parse <bundle> [--json]`. Returns the exit code: 1 when the bundle has errors. */
export function parseCommand(cl: ParsedCommandLine, out: Print): number {
  const file = cl.positionals[0];
  const text = readTextFile(file);
  const parsed = parseBundle(text);
  printReport(cl, out, { json: () => parseReportJson(text, parsed), text: () => parseReportText(file, text, parsed) });
  return parsed.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
