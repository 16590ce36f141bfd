// A new untitled Parallax bundle holding a given text: what Open Sample Bundle and Open passim
// Output… open, so nothing is written unless the user saves.
import * as vscode from 'vscode';
import { BUNDLE_LANGUAGE } from './bundleModel';

/** `untitled:<file>`, or `untitled:<name>-2.<ext>`… when that one is already open: the tab and Save As read well. */
function freshUntitledUri(file: string): vscode.Uri {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.from({ scheme: 'untitled', path: n === 1 ? file : file.replace(/(\.[^.]*)?$/, `-${n}$1`) });
    if (!open.has(uri.toString())) return uri;
  }
}

/**
 * Opens `text` as a new untitled bundle named `file` in the active editor group. The text replaces
 * whatever the new document holds: VS Code fills an untitled document from the backup left at its
 * address, and a name reverted a moment ago may still have one (seen under load).
 */
export async function openUntitledBundle(file: string, text: string): Promise<vscode.TextEditor> {
  const uri = freshUntitledUri(file);
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(new vscode.Position(0, 0), document.positionAt(document.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
  // The name ends in .bundle, so VS Code picks the language already; set it in case the user mapped .bundle elsewhere.
  const bundle = document.languageId === BUNDLE_LANGUAGE ? document : await vscode.languages.setTextDocumentLanguage(document, BUNDLE_LANGUAGE);
  return vscode.window.showTextDocument(bundle, { preview: false });
}
