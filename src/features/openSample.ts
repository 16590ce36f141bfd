// Parallax: Open Sample Bundle: the bundle that ships in the .vsix (samples/newsroom.bundle), opened
// as a new untitled bundle so nothing is written unless the user saves. Read through
// vscode.workspace.fs from the extension's own folder, so it works in VS Code for the Web too.
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import { openUntitledBundle } from './untitledBundle';

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

/** Opens the sample as a new untitled Parallax bundle in the active editor group. */
export async function openSample(extensionUri: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const text = await readSample(extensionUri);
  if (text instanceof Error) {
    void vscode.window.showErrorMessage(text.message);
    return undefined;
  }
  return openUntitledBundle(SAMPLE_PATH[SAMPLE_PATH.length - 1] ?? 'sample.bundle', text);
}

export function registerOpenSample(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openSample, () => openSample(extensionUri));
}
