// Wiring only: each feature registers itself and hands back one Disposable.
import type * as vscode from 'vscode';
import { BundleModel } from './bundleModel';
import { registerArticleDocuments } from './articleDocuments';
import { registerDocumentSymbols } from './documentSymbols';
import { registerFolding } from './folding';
import { registerDiagnostics } from './diagnostics';
import { registerOpenArticle } from './openArticle';
import { registerAnalysisService } from './analysisService';
import { registerRevealPassage } from './revealPassage';
import { registerCodeLens } from './codeLens';
import { registerHover } from './hover';
import { registerCompare } from './compare';
import { SourcesTreeProvider, registerSourcesView } from './sourcesView';
import { QuotesTreeProvider, registerQuotesView } from './quotesView';
import { SharedPassageDecorations, registerDecorations } from './decorations';
import { AlignmentPanel, registerAlignmentPanel } from './alignmentPanel';
import { registerExportReport } from './exportReport';
import type { ParallaxApi } from './parallaxApi';

export function activate(context: vscode.ExtensionContext): ParallaxApi {
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
  );
  return { analyses, sources, quotes, decorations, alignmentPanel: () => AlignmentPanel.current };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
