// Wiring only: each feature registers itself and hands back one Disposable.
import type * as vscode from 'vscode';
import { BundleModel } from './bundleModel';
import { registerArticleDocuments } from './articleDocuments';
import { registerDocumentSymbols } from './documentSymbols';
import { registerFolding } from './folding';
import { registerDiagnostics } from './diagnostics';
import { registerOpenArticle } from './openArticle';

export function activate(context: vscode.ExtensionContext): void {
  const model = new BundleModel();
  context.subscriptions.push(
    model,
    registerArticleDocuments(model),
    registerDocumentSymbols(model),
    registerFolding(model),
    registerDiagnostics(model),
    registerOpenArticle(model),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
