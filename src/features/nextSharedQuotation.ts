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

/** The document to work in: the active editor's, else a visible bundle or article (the walkthrough has focus), else one in a tab, else the only open bundle. */
function targetDocument(model: BundleModel): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor;
  if (isParallaxEditor(active)) return active.document;
  const visible = vscode.window.visibleTextEditors.find(isParallaxEditor);
  if (visible) return visible.document;
  const open = model.bundles();
  return tabbedParallaxDocument() ?? (open.length === 1 ? open[0] : undefined);
}

/**
 * The editor group that shows the document: one where it is the active tab, else one with a tab of
 * it. Read from the tab groups, which follow the UI, so the document is focused where the user sees
 * it rather than opened again in the active group (the walkthrough's, when Show Me runs).
 */
function columnShowing(document: vscode.TextDocument): vscode.ViewColumn | undefined {
  const uri = document.uri.toString();
  const holds = (tab: vscode.Tab | undefined): boolean => tab?.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri;
  const groups = vscode.window.tabGroups.all;
  return (groups.find((g) => holds(g.activeTab)) ?? groups.find((g) => g.tabs.some(holds)))?.viewColumn;
}

/** Focuses the document's editor (where it is shown, else in the active group) and returns it. */
function focusEditor(document: vscode.TextDocument): Thenable<vscode.TextEditor> {
  return vscode.window.showTextDocument(document, { viewColumn: columnShowing(document), preserveFocus: false });
}

export async function nextSharedQuotation(model: BundleModel, analyses: AnalysisService): Promise<boolean> {
  const document = targetDocument(model);
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Parallax: open a bundle first (Parallax: Open Sample Bundle opens one).'));
    return false;
  }
  // Wait for the analysis before taking focus: whatever ran the command (the walkthrough, whose
  // step gets checked meanwhile) may redraw and take focus back, and a hover closes when its editor
  // loses focus. Focusing last leaves the hover open.
  await analyses.ready(parseArticleUri(document.uri)?.bundleUri ?? document.uri);
  const editor = await focusEditor(document);
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
  void reopenIfFocusIsTaken(editor);
  return true;
}

/**
 * How long after the hover opens a caller that takes focus back (the walkthrough, redrawing its
 * checked step, and again once the command has returned) is undone, and how often. The web build
 * redraws later than the desktop: a CI run saw the walkthrough take focus after the first 2 s.
 */
const REFOCUS_WINDOW_MS = 6_000;
const MAX_REOPENS = 3;

/**
 * A hover closes when its editor loses focus, and the walkthrough's "Show Me" takes focus back once
 * it has drawn the step as done: while focus leaves the editor for a page that is no text editor
 * that soon, focus the editor again and reopen the hover (a few times at most, never after the
 * user opens another file).
 */
async function reopenIfFocusIsTaken(editor: vscode.TextEditor): Promise<void> {
  const deadline = Date.now() + REFOCUS_WINDOW_MS;
  for (let reopened = 0; reopened < MAX_REOPENS && (await focusTakenBefore(editor, deadline)); reopened++) {
    const again = await focusEditor(editor.document);
    again.selection = editor.selection;
    await vscode.commands.executeCommand('editor.action.showHover');
  }
}

/** Whether a page that is no text editor (the walkthrough) takes focus from `editor` before `deadline`. */
function focusTakenBefore(editor: vscode.TextEditor, deadline: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => done(false), Math.max(0, deadline - Date.now()));
    const listener = vscode.window.onDidChangeActiveTextEditor((active) => {
      // A file the user opens is left alone.
      if (active === undefined) done(true);
      else if (active.document !== editor.document) done(false);
    });
    function done(value: boolean): void {
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    }
  });
}

export function registerNextSharedQuotation(model: BundleModel, analyses: AnalysisService): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.nextSharedQuotation, () => nextSharedQuotation(model, analyses));
}
