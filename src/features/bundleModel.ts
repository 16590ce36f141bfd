import * as vscode from 'vscode';
import { parseBundle } from '../core/bundle/parseBundle';
import type { BundleArticle, ParsedBundle } from '../core/bundle/parseBundle';

export const BUNDLE_LANGUAGE = 'parallax-bundle';

/** True for documents Parallax treats as bundles (the language is set by content or by extension). */
export function isBundleDocument(document: vscode.TextDocument): boolean {
  return document.languageId === BUNDLE_LANGUAGE;
}

interface CacheEntry {
  readonly version: number;
  readonly parsed: ParsedBundle;
}

/**
 * The parsed form of every open bundle, parsed at most once per document version, and an event
 * when a bundle's text changes or it closes. Every editor feature reads bundles through this.
 */
export class BundleModel implements vscode.Disposable {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly closeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** A bundle's text changed (or a document became a bundle). */
  readonly onDidChangeBundle = this.changeEmitter.event;
  /** A bundle was closed; its cached parse is gone. */
  readonly onDidCloseBundle = this.closeEmitter.event;

  constructor() {
    this.subscriptions.push(
      this.changeEmitter,
      this.closeEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isBundleDocument(e.document) && e.contentChanges.length > 0) this.changeEmitter.fire(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (isBundleDocument(doc)) this.changeEmitter.fire(doc);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const key = doc.uri.toString();
        if (this.cache.delete(key) || isBundleDocument(doc)) this.closeEmitter.fire(doc.uri);
      }),
    );
  }

  /** The parsed bundle of an open document, reparsed only when its version changed. */
  parse(document: vscode.TextDocument): ParsedBundle {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.parsed;
    const parsed = parseBundle(document.getText());
    this.cache.set(key, { version: document.version, parsed });
    return parsed;
  }

  /** Open bundle documents, in the order VS Code lists them. */
  bundles(): vscode.TextDocument[] {
    return vscode.workspace.textDocuments.filter(isBundleDocument);
  }

  /** The open document for a bundle URI, opening it (without showing it) when needed. */
  async document(uri: vscode.Uri): Promise<vscode.TextDocument> {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    return open ?? vscode.workspace.openTextDocument(uri);
  }

  /** The article of a bundle at an offset of the bundle text (header or content), if any. */
  articleAt(document: vscode.TextDocument, offset: number): BundleArticle | undefined {
    return this.parse(document).articles.find((a) => offset >= a.headerRange.start && offset <= a.contentRange.end);
  }

  dispose(): void {
    this.cache.clear();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
