// Parallax: Next Shared Quotation: moves the cursor to the next quotation that another source also
// carries and opens its hover, so a keyboard user (and the walkthrough's "Show Me") reaches the hover
// without aiming the mouse. Works in bundles and article documents.
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import type { AnalysisService } from '../analysis/analysisService';
import type { BundleModel } from './bundleModel';
import { isBundleDocument } from './bundleModel';
import { ARTICLE_SCHEME, parseArticleUri } from './articleDocuments';
import { nextQuotationStop } from '../presentation/sharedQuotations';


function isParallaxEditor(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return !!editor && (isBundleDocument(editor.document) || editor.document.uri.scheme === ARTICLE_SCHEME);
}

/** A bundle or article open in a tab but hidden (behind the walkthrough, say), the active group's first. */
function tabbedParallaxDocument(): vscode.TextDocument | undefined {
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  for (const group of [vscode.window.tabGroups.activeTabGroup, ...vscode.window.tabGroups.all]) {
    for (const tab of group.tabs) {
      const doc = tab.input instanceof vscode.TabInputText ? open.get(tab.input.uri.toString()) : undefined;
      if (doc && (isBundleDocument(doc) || doc.uri.scheme === ARTICLE_SCHEME)) return doc;
    }
  }
  return undefined;
}

/** The editor to work in: the active one, else a visible bundle or article (the walkthrough has focus), else one in a tab, else the only open bundle. */
async function targetEditor(model: BundleModel): Promise<vscode.TextEditor | undefined> {
  const active = vscode.window.activeTextEditor;
  if (isParallaxEditor(active)) return active;
  const visible = vscode.window.visibleTextEditors.find(isParallaxEditor);
  if (visible) return vscode.window.showTextDocument(visible.document, visible.viewColumn);
  const open = model.bundles();
  const document = tabbedParallaxDocument() ?? (open.length === 1 ? open[0] : undefined);
  return document ? vscode.window.showTextDocument(document) : undefined;
}

export async function nextSharedQuotation(model: BundleModel, analyses: AnalysisService): Promise<boolean> {
  const editor = await targetEditor(model);
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Parallax: open a bundle first (Parallax: Open Sample Bundle opens one).'));
    return false;
  }
  const document = editor.document;
  await analyses.ready(parseArticleUri(document.uri)?.bundleUri ?? document.uri);
  const found = analyses.forDocument(document);
  const views = found?.views.map((v) => ({ article: v.article.index, base: v.base })) ?? [];
  const stop = found && nextQuotationStop(found.snapshot.analysis, views, document.offsetAt(editor.selection.active));
  if (!stop) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Parallax: no quotation here is carried by another source.'));
    return false;
  }
  const position = document.positionAt(stop.offset);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.commands.executeCommand('editor.action.showHover');
  return true;
}

export function registerNextSharedQuotation(model: BundleModel, analyses: AnalysisService): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.nextSharedQuotation, () => nextSharedQuotation(model, analyses));
}
