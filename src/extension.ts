// Wiring only: each feature registers itself and hands back one Disposable.
import type * as vscode from 'vscode';
import { BundleModel } from './features/bundleModel';
import { registerArticleDocuments } from './features/articleDocuments';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerFolding } from './features/folding';
import { registerDiagnostics } from './features/diagnostics';
import { registerOpenArticle } from './features/openArticle';
import { registerAnalysisService } from './analysis/analysisService';
import { registerRevealPassage } from './features/revealPassage';
import { registerCodeLens } from './features/codeLens';
import { registerHover } from './features/hover';
import { registerCompare } from './features/compare';
import { SourcesTreeProvider, registerSourcesView } from './features/sourcesView';
import { QuotesTreeProvider, registerQuotesView } from './features/quotesView';
import { SharedPassageDecorations, registerDecorations } from './features/decorations';
import { registerAlignmentPanel } from './features/alignmentPanel';
import { registerExportReport } from './features/exportReport';
import { registerOpenSample } from './features/openSample';
import { registerNextSharedQuotation } from './features/nextSharedQuotation';
import { registerOpenPassimOutput } from './features/openPassimOutput';

export function activate(context: vscode.ExtensionContext): void {
  const model = new BundleModel();
  const analyses = registerAnalysisService(model, context.extensionUri);
  const sources = new SourcesTreeProvider(analyses);
  const quotes = new QuotesTreeProvider(analyses);
  const decorations = new SharedPassageDecorations(analyses);
  context.subscriptions.push(
    model,
    registerArticleDocuments(model),
    registerDocumentSymbols(model),
    registerFolding(model),
    registerDiagnostics(model),
    registerOpenArticle(model),
    analyses,
    registerRevealPassage(model),
    registerCodeLens(analyses),
    registerHover(analyses),
    registerCompare(model, analyses),
    registerSourcesView(sources),
    registerQuotesView(quotes),
    registerDecorations(decorations),
    registerAlignmentPanel(context.extensionUri, model, analyses),
    registerExportReport(model, analyses),
    registerOpenSample(context.extensionUri),
    registerNextSharedQuotation(model, analyses),
    registerOpenPassimOutput(),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
