import * as vscode from 'vscode';
import { BUNDLE_LANGUAGE } from './bundleModel';
import type { BundleModel } from './bundleModel';
import type { BundleArticle } from '../core/bundle/parseBundle';

/** "source · date · url": the header's attributes other than the one that names the article. */
export function attributeDetail(article: BundleArticle): string {
  return article.attributes
    .filter((a) => !['name', 'path'].includes(a.key.toLowerCase()))
    .map((a) => (a.key === 'source' || a.key === 'date' ? a.value : `${a.key}=${a.value}`))
    .join(' · ');
}

/** The whole extent of an article: header to end marker (or to the end of its text). */
export function articleExtent(article: BundleArticle): { start: number; end: number } {
  return { start: article.headerRange.start, end: article.endMarkerRange?.end ?? Math.max(article.contentRange.end, article.headerRange.end) };
}

/** Outline and breadcrumbs: one symbol per article. */
export function registerDocumentSymbols(model: BundleModel): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider({ language: BUNDLE_LANGUAGE }, {
    provideDocumentSymbols(document) {
      return model.parse(document).articles.map((article) => {
        const extent = articleExtent(article);
        const range = new vscode.Range(document.positionAt(extent.start), document.positionAt(extent.end));
        const selection = new vscode.Range(document.positionAt(article.headerRange.start), document.positionAt(article.headerRange.end));
        return new vscode.DocumentSymbol(article.name, attributeDetail(article), vscode.SymbolKind.File, range, selection);
      });
    },
  }, { label: vscode.l10n.t('Parallax articles') });
}
