// Shared by the suites that run inside VS Code.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

// out/test/integration → repo root → its parent holds shared/.
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** The reference bundle: read from ../shared at run time, never copied, never written. */
export const SEEDS = path.resolve(REPO_ROOT, '..', 'shared', 'samples', 'seeds.bundle');

/** Polls until `check` passes or the time is up; returns its last value. */
export async function eventually<T>(what: string, read: () => T | PromiseLike<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) assert.fail(`Timed out after ${timeoutMs}ms waiting for ${what}; last value: ${JSON.stringify(value)?.slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

let untitledSerial = 0;

/**
 * A new untitled bundle holding `content`, at an address no document had before in this run.
 * Not `openTextDocument({ content })`: VS Code names those Untitled-1, Untitled-2… and gives a
 * number again as soon as its document is reverted, and a new untitled document is filled from the
 * backup of that address when there is one: if the reverted document's backup is not discarded yet
 * (slow under load), the new document comes back holding the old one's text (seen: the
 * format-problems test got the seed bundle, the folding test the format-problems text). A fresh
 * address has no backup to restore.
 */
export async function untitledBundle(content: string): Promise<vscode.TextDocument> {
  untitledSerial += 1;
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/parallax-it/${process.pid}-${Date.now().toString(36)}-${untitledSerial}.bundle` });
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  assert.ok(await vscode.workspace.applyEdit(edit), `the text goes into ${uri.toString(true)}`);
  // The name ends in .bundle, so VS Code picks the language; set it in case it did not.
  const bundle = doc.languageId === 'parallax-bundle' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'parallax-bundle');
  assert.strictEqual(bundle.getText(), content, 'the new untitled bundle holds exactly the text asked for');
  return bundle;
}

/** The CodeLenses on a document (every provider's, as the editor asks for them). */
export async function lensesOn(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
}

/** A header lens Parallax shows once an article is analysed: "12 passages shared · 4 quotes · 31% unique". */
export const SUMMARY_LENS = /^\d+ passages? shared · /;

/**
 * Waits until Parallax shows an analysis of the document (the header lenses that summarise what
 * each article shares), and until `check` accepts the lenses; returns them.
 */
export async function analysedLenses(uri: vscode.Uri, check: (lenses: vscode.CodeLens[]) => boolean = () => true, timeoutMs = 30_000): Promise<vscode.CodeLens[]> {
  return eventually(`the analysis of ${uri.toString(true)}`, () => lensesOn(uri),
    (l) => l.some((x) => SUMMARY_LENS.test(x.command?.title ?? '')) && check(l), timeoutMs);
}

/** The names of a bundle's articles, as its outline lists them. */
export async function articleNames(uri: vscode.Uri): Promise<string[]> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
  return (symbols ?? []).map((s) => s.name);
}

/** The active tab once it is a diff editor (what Compare Sources opens). */
export async function activeDiffTab(): Promise<vscode.Tab> {
  const tab = await eventually('a diff tab', () => vscode.window.tabGroups.activeTabGroup.activeTab, (t) => t?.input instanceof vscode.TabInputTextDiff);
  if (!tab) throw new Error('no diff tab');
  return tab;
}

/** Closes every editor, reverting edited (untitled) copies first: closing a dirty one would ask to save and block the run. */
export async function closeAllEditorsReverting(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
