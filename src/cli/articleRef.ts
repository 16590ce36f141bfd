// Which article a command-line reference means: `#2` is the 2nd article; anything else is a name
// or a prefix of exactly one name. A bare number is a name prefix, never a position, so "002" in
// a bundle of 000_…, 001_…, 002_… files reads as the file it names.
import { UsageError } from './io';
import { counted } from '../core/util/counted';

const MAX_LISTED = 30;

/** "  #1  000_df4d.txt" lines, cut after MAX_LISTED. */
function listing(names: readonly string[], indexes: readonly number[]): string {
  const lines = indexes.slice(0, MAX_LISTED).map((k) => `  #${k + 1}  ${names[k]}`);
  if (indexes.length > MAX_LISTED) lines.push(`  … and ${indexes.length - MAX_LISTED} more`);
  return lines.join('\n');
}

/** The index of the article `ref` names; a UsageError listing the candidates when it is unknown or ambiguous. */
export function findArticle(names: readonly string[], ref: string): number {
  const all = names.map((_, k) => k);
  const numbered = /^#(\d+)$/.exec(ref);
  if (numbered) {
    const n = Number(numbered[1]);
    if (n >= 1 && n <= names.length) return n - 1;
    throw new UsageError(`There is no article ${ref}: the bundle has ${counted(names.length, 'article')}, #1 to #${names.length}:\n${listing(names, all)}`);
  }
  const exact = names.indexOf(ref);
  if (exact >= 0) return exact;
  const prefixed = all.filter((k) => names[k].startsWith(ref));
  if (prefixed.length === 1) return prefixed[0];
  if (prefixed.length > 1) {
    throw new UsageError(`"${ref}" is ambiguous: ${prefixed.length} articles start with it. Give more of the name, or a number with #:\n${listing(names, prefixed)}`);
  }
  const hint = /^\d+$/.test(ref) ? ` To pick an article by its position, write #${ref}.` : '';
  throw new UsageError(`No article is named "${ref}" or starts with it.${hint} The articles are:\n${listing(names, all)}`);
}
