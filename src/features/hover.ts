import * as vscode from 'vscode';
import { BUNDLE_LANGUAGE } from './bundleModel';
import { ARTICLE_SCHEME } from './articleDocuments';
import type { AnalysisService } from '../analysis/analysisService';
import { quoteHover } from '../presentation/hoverModel';
import { articleOffsetAt, spanRange } from './rangeMapping';
import { COMMANDS } from '../commands/ids';

/** The only command a Parallax hover may run (its links reveal passages); everything else in it is inert text. */
export const HOVER_COMMANDS: readonly string[] = [COMMANDS.revealPassage];

/** Hover over a quotation: speaker, every source that carries it and how, paraphrases without marks. */
export function provideQuoteHover(analyses: AnalysisService, document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  const found = analyses.forDocument(document);
  if (!found) return undefined;
  const at = articleOffsetAt(document, found.views, position);
  if (!at) return undefined;
  const { snapshot } = found;
  const hover = quoteHover({
    analysis: snapshot.analysis,
    labels: snapshot.labels,
    bundle: snapshot.bundleUri.toString(),
    article: at.view.article.index,
    offset: at.offset,
  });
  if (!hover) return undefined;
  const markdown = new vscode.MarkdownString(hover.markdown);
  markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  return new vscode.Hover(markdown, spanRange(document, at.view, hover.span));
}

export function registerHover(analyses: AnalysisService): vscode.Disposable {
  return vscode.languages.registerHoverProvider([{ language: BUNDLE_LANGUAGE }, { scheme: ARTICLE_SCHEME }], {
    provideHover: (document, position) => provideQuoteHover(analyses, document, position),
  });
}
