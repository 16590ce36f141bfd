import * as path from 'path';
import { looksLikeBundle, parseBundle } from '../core/bundle/parseBundle';
import type { ArticleInput } from '../core/model';
import { readTextFile, UsageError } from './io';

/**
 * The articles of a file: a bundle's articles (with their header attributes: the engine reads
 * `date` and passim's `src`), or a plain text file (no <<<FILE header) as one article named after the file.
 */
export function loadArticles(file: string): ArticleInput[] {
  const text = readTextFile(file);
  if (!looksLikeBundle(text)) return [{ name: path.basename(file), text }];
  const parsed = parseBundle(text);
  if (parsed.articles.length === 0) throw new UsageError(`${file} has <<<FILE headers but no article. Run "parallax parse ${file}" to see its problems.`);
  return parsed.articles.map((a) => ({ name: a.name, text: a.text, attributes: a.attributes }));
}
