import * as vscode from 'vscode';
import type { BundleModel } from './bundleModel';
import { parseArticleUri } from './articleDocuments';
import type { AnalysisService } from '../analysis/analysisService';
import { activeBundleUri, alignmentModelOf } from './alignmentPanel';
import { reportHtml, reportMarkdown } from '../presentation/reportBuilder';
import { COMMANDS } from '../commands/ids';

type Format = 'markdown' | 'html';

/**
 * `parallax.exportReport [bundle] [format] [target]`: writes the alignment panel's content as Markdown
 * or HTML to a file the user picks (never to the bundle). Returns the file written.
 */
export async function exportReport(model: BundleModel, analyses: AnalysisService, bundleArg?: vscode.Uri | string | { readonly bundle: string }, formatArg?: Format, targetArg?: vscode.Uri): Promise<vscode.Uri | undefined> {
  // A URI or its string (palette, panel), or a Sources view node ({ bundle }).
  const node = bundleArg && typeof bundleArg === 'object' && !(bundleArg instanceof vscode.Uri) ? (bundleArg as { bundle?: unknown }).bundle : undefined;
  const given = typeof bundleArg === 'string' ? vscode.Uri.parse(bundleArg)
    : bundleArg instanceof vscode.Uri ? bundleArg
    : typeof node === 'string' ? vscode.Uri.parse(node) : undefined;
  const bundle = (given ? parseArticleUri(given)?.bundleUri ?? given : undefined) ?? activeBundleUri() ?? model.bundles()[0]?.uri;
  if (!bundle) {
    void vscode.window.showInformationMessage('Parallax: open a bundle first, then export its report.');
    return undefined;
  }
  const snapshot = await analyses.ready(bundle);
  if (!snapshot) {
    void vscode.window.showWarningMessage(`Parallax: ${bundle.toString(true)} could not be analysed, so there is no report to export.`);
    return undefined;
  }
  let format = formatArg;
  if (!format) {
    const pick = await vscode.window.showQuickPick(
      [{ label: 'Markdown', format: 'markdown' as const }, { label: 'HTML', format: 'html' as const }],
      { placeHolder: 'Export the report as…' },
    );
    if (!pick) return undefined;
    format = pick.format;
  }
  const extension = format === 'html' ? 'html' : 'md';
  const base = (snapshot.bundleUri.path.split('/').pop() ?? 'bundle').replace(/\.[^.]*$/, '');
  let target = targetArg;
  if (!target) {
    const folder = vscode.workspace.getWorkspaceFolder(snapshot.bundleUri)?.uri ?? (snapshot.bundleUri.scheme === 'file' ? vscode.Uri.joinPath(snapshot.bundleUri, '..') : undefined);
    target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.parallax.${extension}`) : undefined,
      filters: format === 'html' ? { HTML: ['html', 'htm'] } : { Markdown: ['md', 'markdown'] },
      saveLabel: 'Export report',
    });
    if (!target) return undefined;
  }
  if (target.toString() === snapshot.bundleUri.toString()) {
    void vscode.window.showErrorMessage('Parallax: the report cannot overwrite the bundle it describes. Pick another file.');
    return undefined;
  }
  const content = format === 'html' ? reportHtml(alignmentModelOf(snapshot)) : reportMarkdown(alignmentModelOf(snapshot));
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  } catch (err) {
    void vscode.window.showErrorMessage(`Parallax could not write ${target.toString(true)}: ${err instanceof Error ? err.message : String(err)}. Pick a folder you can write to.`);
    return undefined;
  }
  if (!targetArg) {
    void vscode.window.showInformationMessage(`Parallax: report written to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then((choice) => {
      if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', target);
    });
  }
  return target;
}

export function registerExportReport(model: BundleModel, analyses: AnalysisService): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.exportReport, (bundle?: vscode.Uri | string | { readonly bundle: string }, format?: Format, target?: vscode.Uri) => exportReport(model, analyses, bundle, format, target));
}
