import * as vscode from 'vscode';
import type { BundleModel } from './bundleModel';
import { ARTICLE_SCHEME, showArticle } from './articleDocuments';
import type { RevealPassageArgs } from '../presentation/hoverModel';
import { spanRange } from './rangeMapping';
import { COMMANDS } from '../commands/ids';
import { registerCommand } from '../commands/args';

/**
 * Shows a span of an article and selects it: in the article's own document when the user reads
 * article documents (or asks for it), else in the bundle.
 */
export async function revealPassage(model: BundleModel, args: RevealPassageArgs | undefined, inArticle?: boolean): Promise<vscode.TextEditor | undefined> {
  if (!args || typeof args.bundle !== 'string' || typeof args.article !== 'number') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Parallax: this link does not name a passage (expected a bundle, an article and a range).'));
    return undefined;
  }
  const bundle = await model.document(vscode.Uri.parse(args.bundle));
  const article = model.parse(bundle).articles[args.article];
  if (!article) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Parallax: that article is no longer in the bundle; it was removed or the bundle changed since the analysis.'));
    return undefined;
  }
  const useArticle = inArticle ?? vscode.window.activeTextEditor?.document.uri.scheme === ARTICLE_SCHEME;
  if (useArticle) {
    const editor = await showArticle(bundle.uri, article);
    const range = spanRange(editor.document, { article, base: 0 }, args);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }
  const range = spanRange(bundle, { article, base: article.contentRange.start }, args);
  return vscode.window.showTextDocument(bundle, { selection: range, preview: false });
}

/** `parallax.revealPassage`, used by hover links, the views and the alignment panel. */
export function registerRevealPassage(model: BundleModel): vscode.Disposable {
  return registerCommand(COMMANDS.revealPassage, (args, inArticle) => revealPassage(model, args, inArticle));
}
