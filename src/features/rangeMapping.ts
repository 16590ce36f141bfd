// The one place where core offsets (relative to an article's text) become vscode ranges.
import * as vscode from 'vscode';
import type { BundleArticle, ParsedBundle } from '../core/bundle/parseBundle';
import type { Span } from '../core/model';
import { findArticle, parseArticleUri } from './articleDocuments';

/** An article as it appears in one document: its text starts at `base` in that document. */
export interface ArticleView {
  readonly article: BundleArticle;
  /** Offset of the article's first character in the document (0 in an article document). */
  readonly base: number;
}

/** Every article of a bundle, as placed in the bundle document. */
export function bundleViews(parsed: ParsedBundle): ArticleView[] {
  return parsed.articles.map((article) => ({ article, base: article.contentRange.start }));
}

/** The articles a document shows: all of them in a bundle, one in an article document, none elsewhere. */
export function viewsOf(document: vscode.TextDocument, parsed: ParsedBundle): ArticleView[] {
  const ref = parseArticleUri(document.uri);
  if (!ref) return bundleViews(parsed);
  const article = findArticle(parsed.articles, ref);
  return article ? [{ article, base: 0 }] : [];
}

/** The range of a span of offsets into the document (a bundle's header, problem or article extent). */
export function offsetRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** The range of an article-relative span in a document where the article starts at `base`. */
export function spanRange(document: vscode.TextDocument, view: ArticleView, span: Span): vscode.Range {
  const max = view.article.text.length;
  const start = Math.min(Math.max(span.start, 0), max);
  const end = Math.min(Math.max(span.end, start), max);
  return new vscode.Range(document.positionAt(view.base + start), document.positionAt(view.base + end));
}

/** The article under a position and the offset inside its text, or undefined outside every article's text. */
export function articleOffsetAt(
  document: vscode.TextDocument,
  views: readonly ArticleView[],
  position: vscode.Position,
): { view: ArticleView; offset: number } | undefined {
  const at = document.offsetAt(position);
  for (const view of views) {
    const offset = at - view.base;
    if (offset >= 0 && offset <= view.article.text.length) return { view, offset };
  }
  return undefined;
}

/** The header line's range of an article in a bundle, or the document's first line in an article document. */
export function headerRange(document: vscode.TextDocument, view: ArticleView): vscode.Range {
  if (view.base === 0 && parseArticleUri(document.uri)) return new vscode.Range(0, 0, 0, 0);
  const start = document.positionAt(view.article.headerRange.start);
  return new vscode.Range(start, start);
}
