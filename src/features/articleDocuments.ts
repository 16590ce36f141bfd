import * as vscode from 'vscode';
import type { BundleModel } from './bundleModel';
import type { BundleArticle } from '../core/bundle/parseBundle';
import { BundleDocumentProvider, fileNameOf, jsonQueryUri, readJsonQuery } from './documentUris';

/** Each article of a bundle is a read-only document of this scheme. */
export const ARTICLE_SCHEME = 'parallax-article';
export const ARTICLE_LANGUAGE = 'parallax-article';

export interface ArticleRef {
  readonly bundleUri: vscode.Uri;
  /** Position in the bundle when the URI was made; the name wins if the bundle was reordered. */
  readonly index: number;
  readonly name: string;
}

/** The URI of an article's virtual document. The path ends with the name, so the tab shows it. */
export function articleUri(bundleUri: vscode.Uri, index: number, name: string): vscode.Uri {
  return jsonQueryUri(ARTICLE_SCHEME, name, { bundle: bundleUri.toString(), index, name });
}

/** The article an article URI points at, or null when the URI is not one of ours. */
export function parseArticleUri(uri: vscode.Uri): ArticleRef | null {
  const q = readJsonQuery(uri, ARTICLE_SCHEME);
  if (!q || typeof q.bundle !== 'string' || typeof q.index !== 'number' || typeof q.name !== 'string') return null;
  return { bundleUri: vscode.Uri.parse(q.bundle), index: q.index, name: q.name };
}

/**
 * The article a reference names in a bundle's current text. Names are unique in a parsed bundle, so
 * the name alone finds it even after reordering; a renamed article counts as removed.
 */
export function findArticle(articles: readonly BundleArticle[], ref: ArticleRef): BundleArticle | undefined {
  const atIndex = articles[ref.index];
  return atIndex?.name === ref.name ? atIndex : articles.find((a) => a.name === ref.name);
}

export interface ResolvedArticle {
  readonly document: vscode.TextDocument;
  readonly article: BundleArticle;
}

/** The bundle document and current article behind an article URI, or undefined when it is gone. */
export async function resolveArticle(model: BundleModel, uri: vscode.Uri): Promise<ResolvedArticle | undefined> {
  const ref = parseArticleUri(uri);
  if (!ref) return undefined;
  const document = await model.document(ref.bundleUri);
  const article = findArticle(model.parse(document).articles, ref);
  return article ? { document, article } : undefined;
}

function removedNotice(ref: ArticleRef): string {
  return `${vscode.l10n.t('Parallax: the article "{0}" is no longer in the bundle {1}.', ref.name, fileNameOf(ref.bundleUri))}\n` +
    `${vscode.l10n.t('It was renamed or removed. Close this tab, or restore its <<<FILE …>>> header in the bundle.')}\n`;
}

/** Serves article documents and keeps them in step with their bundle's edits. */
export class ArticleDocumentProvider extends BundleDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly model: BundleModel) {
    super((uri) => parseArticleUri(uri)?.bundleUri.toString());
    this.own(
      model.onDidChangeBundle((doc) => this.bundleChanged(doc.uri)),
      model.onDidCloseBundle(this.bundleChanged),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = parseArticleUri(uri);
    if (!ref) return vscode.l10n.t('Parallax: this is not an article address.');
    let document: vscode.TextDocument;
    try {
      document = await this.model.document(ref.bundleUri);
    } catch (err) {
      return `${vscode.l10n.t('Parallax: the bundle {0} cannot be opened ({1}).', ref.bundleUri.toString(true), err instanceof Error ? err.message : String(err))}\n`;
    }
    const article = findArticle(this.model.parse(document).articles, ref);
    return article ? article.text : removedNotice(ref);
  }
}

/** Opens an article as its own read-only document. */
export async function showArticle(
  bundleUri: vscode.Uri,
  article: BundleArticle,
  options?: vscode.TextDocumentShowOptions,
): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(articleUri(bundleUri, article.index, article.name));
  if (doc.languageId !== ARTICLE_LANGUAGE) {
    await vscode.languages.setTextDocumentLanguage(doc, ARTICLE_LANGUAGE);
  }
  return vscode.window.showTextDocument(doc, { preview: false, ...options });
}

/** Registers the article document provider and gives every article document its language. */
export function registerArticleDocuments(model: BundleModel): vscode.Disposable {
  const provider = new ArticleDocumentProvider(model);
  const setLanguage = (doc: vscode.TextDocument): void => {
    if (doc.uri.scheme === ARTICLE_SCHEME && doc.languageId !== ARTICLE_LANGUAGE) {
      void vscode.languages.setTextDocumentLanguage(doc, ARTICLE_LANGUAGE);
    }
  };
  return vscode.Disposable.from(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(ARTICLE_SCHEME, provider),
    vscode.workspace.onDidOpenTextDocument(setLanguage),
  );
}
