// Parallax: Open Sample Bundle: the bundle that ships in the .vsix (samples/newsroom.bundle), opened
// as a new untitled bundle so nothing is written unless the user saves. Read through
// vscode.workspace.fs from the extension's own folder, so it works in VS Code for the Web too.
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import { BUNDLE_LANGUAGE } from './bundleModel';


/** The sample's path inside the extension (package.json's .vscodeignore keeps it in the .vsix). */
export const SAMPLE_PATH: readonly string[] = ['samples', 'newsroom.bundle'];

/** The sample's text, or an error message the user can act on. */
export async function readSample(extensionUri: vscode.Uri): Promise<string | Error> {
  const uri = vscode.Uri.joinPath(extensionUri, ...SAMPLE_PATH);
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return new Error(vscode.l10n.t('Parallax: the sample bundle could not be read from {0} ({1}). Reinstall the Parallax extension.', uri.toString(true), reason));
  }
}

/** `untitled:newsroom.bundle`, or `untitled:newsroom-2.bundle`… when that one is already open: the tab and Save As read well. */
function freshUntitledUri(): vscode.Uri {
  const file = SAMPLE_PATH[SAMPLE_PATH.length - 1] ?? 'sample.bundle';
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.from({ scheme: 'untitled', path: n === 1 ? file : file.replace(/(\.[^.]*)$/, `-${n}$1`) });
    if (!open.has(uri.toString())) return uri;
  }
}

/** Opens the sample as a new untitled Parallax bundle in the active editor group. */
export async function openSample(extensionUri: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const text = await readSample(extensionUri);
  if (text instanceof Error) {
    void vscode.window.showErrorMessage(text.message);
    return undefined;
  }
  const uri = freshUntitledUri();
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.workspace.applyEdit(edit);
  // The name ends in .bundle, so VS Code picks the language already; set it in case the user mapped .bundle elsewhere.
  const bundle = document.languageId === BUNDLE_LANGUAGE ? document : await vscode.languages.setTextDocumentLanguage(document, BUNDLE_LANGUAGE);
  return vscode.window.showTextDocument(bundle, { preview: false });
}

export function registerOpenSample(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openSample, () => openSample(extensionUri));
}
