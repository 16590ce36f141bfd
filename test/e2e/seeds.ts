// What the end-to-end tests expect of seeds.bundle, read from the file itself at run time.
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './workbench';

/** The reference bundle; the repo root's parent holds shared/. Never written to. */
export const SEEDS = path.resolve(REPO_ROOT, '..', 'shared', 'samples', 'seeds.bundle');

export interface SeedArticle {
  readonly name: string;
  /** The label Parallax shows for numbered files: "002_ad8f.txt" → "002". */
  readonly prefix: string;
  readonly text: string;
}

/** The articles, by this test's own reading of the seed form (`<<<FILE name>>>` lines). */
export function seedArticles(): SeedArticle[] {
  const text = fs.readFileSync(SEEDS, 'utf8');
  const headers = [...text.matchAll(/^<<<FILE (.+)>>>\r?$/gm)];
  return headers.map((m, i) => {
    const start = (m.index ?? 0) + m[0].length + 1;
    const end = i + 1 < headers.length ? (headers[i + 1].index ?? text.length) : text.length;
    const name = m[1];
    return { name, prefix: name.split('_')[0], text: text.slice(start, end).trim() };
  });
}

function words(text: string): string[] {
  return text.toLowerCase().replace(/[\u2019']/g, '').match(/[a-z0-9]+/g) ?? [];
}

export interface SharedQuote {
  /** The first words of the quotation, as written in `article`. */
  readonly opening: string;
  readonly article: SeedArticle;
  /** Another article that carries the same words. */
  readonly alsoIn: SeedArticle;
}

/**
 * A quotation of one article whose words another article also carries: what a hover over a
 * quotation should report. Found by scanning, not written down, so it follows the file.
 */
export function sharedQuote(articles: readonly SeedArticle[]): SharedQuote {
  for (const article of articles) {
    for (const m of article.text.matchAll(/["\u201c]([^"\u201c\u201d]{40,}?)["\u201d]/g)) {
      const quoteWords = words(m[1]);
      if (quoteWords.length < 8) continue;
      const probe = quoteWords.slice(0, 8).join(' ');
      const alsoIn = articles.find((other) => other !== article && words(other.text).join(' ').includes(probe));
      if (alsoIn) {
        const opening = m[1].split(/\s+/).slice(0, 4).join(' ');
        return { opening, article, alsoIn };
      }
    }
  }
  throw new Error('seeds.bundle has no quotation carried by two articles; the hover test needs one.');
}
