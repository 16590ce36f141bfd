import * as vscode from 'vscode';
import { BUNDLE_LANGUAGE } from './bundleModel';
import type { BundleModel } from './bundleModel';
import type { BundleArticle } from '../core/bundle/parseBundle';
import type { Span } from '../core/model';
import { offsetRange } from './rangeMapping';

/** "source · date · url": the header's attributes other than the one that names the article. */
export function attributeDetail(article: BundleArticle): string {
  return article.attributes
    .filter((a) => !['name', 'path'].includes(a.key.toLowerCase()))
    .map((a) => (a.key === 'source' || a.key === 'date' ? a.value : `${a.key}=${a.value}`))
    .join(' · ');
}

/** The whole extent of an article: header to end marker (or to the end of its text). */
export function articleExtent(article: BundleArticle): Span {
  return { start: article.headerRange.start, end: article.endMarkerRange?.end ?? Math.max(article.contentRange.end, article.headerRange.end) };
}

/** Outline and breadcrumbs: one symbol per article. */
export function registerDocumentSymbols(model: BundleModel): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider({ language: BUNDLE_LANGUAGE }, {
    provideDocumentSymbols(document) {
      return model.parse(document).articles.map((article) => new vscode.DocumentSymbol(
        article.name,
        attributeDetail(article),
        vscode.SymbolKind.File,
        offsetRange(document, articleExtent(article)),
        offsetRange(document, article.headerRange),
      ));
    },
  }, { label: vscode.l10n.t('Parallax articles') });
}
