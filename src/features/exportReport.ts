import * as vscode from 'vscode';
import type { BundleModel } from './bundleModel';
import type { AnalysisService, AnalysisSnapshot } from '../analysis/analysisService';
import { alignmentModelOf } from './alignmentPanel';
import { reportHtml, reportMarkdown } from '../presentation/reportBuilder';
import { COMMANDS } from '../commands/ids';
import { registerCommand } from '../commands/args';
import type { ReportFormat } from '../commands/args';
import { resolveTarget } from '../commands/target';
import { fileNameOf } from './documentUris';

/** Asks Markdown or HTML, unless the caller said. */
async function chooseFormat(given: ReportFormat | undefined): Promise<ReportFormat | undefined> {
  if (given === 'markdown' || given === 'html') return given;
  const pick = await vscode.window.showQuickPick(
    [{ label: 'Markdown', format: 'markdown' as const }, { label: 'HTML', format: 'html' as const }],
    { placeHolder: vscode.l10n.t('Export the report as…') },
  );
  return pick?.format;
}

/** Asks where to write, offering "<bundle>.parallax.md" beside the bundle (or in its workspace folder). */
function chooseFile(bundleUri: vscode.Uri, format: ReportFormat): Thenable<vscode.Uri | undefined> {
  const extension = format === 'html' ? 'html' : 'md';
  const base = fileNameOf(bundleUri).replace(/\.[^.]*$/, '');
  const folder = vscode.workspace.getWorkspaceFolder(bundleUri)?.uri ?? (bundleUri.scheme === 'file' ? vscode.Uri.joinPath(bundleUri, '..') : undefined);
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.parallax.${extension}`) : undefined,
    filters: format === 'html' ? { HTML: ['html', 'htm'] } : { Markdown: ['md', 'markdown'] },
    saveLabel: vscode.l10n.t('Export report'),
  });
}

/** A URI's identity for comparing resources: normalised path ("a/../b" is "b"), canonical encoding. */
export function resourceKey(uri: vscode.Uri): string {
  const normal = uri.path ? vscode.Uri.joinPath(uri.with({ query: '', fragment: '' }), '.') : uri;
  return normal.toString();
}

/** True when writing to `target` would overwrite the analysed bundle or any other open bundle. */
function overwritesBundle(model: BundleModel, snapshot: AnalysisSnapshot, target: vscode.Uri): boolean {
  const key = resourceKey(target);
  return [snapshot.bundleUri, ...model.bundles().map((d) => d.uri)].some((u) => resourceKey(u) === key);
}

async function write(target: vscode.Uri, content: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
    return true;
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Parallax could not write {0}: {1}. Pick a folder you can write to.', target.toString(true), err instanceof Error ? err.message : String(err)));
    return false;
  }
}

/**
 * `parallax.exportReport [bundle] [format]`: writes the alignment panel's content as Markdown or HTML
 * to a file the user picks, never over a bundle. Returns the file written.
 */
export async function exportReport(model: BundleModel, analyses: AnalysisService, bundleArg?: unknown, formatArg?: ReportFormat): Promise<vscode.Uri | undefined> {
  const bundle = (await resolveTarget(model, bundleArg, vscode.l10n.t('Export the report of which bundle?')))?.bundle.uri;
  if (!bundle) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Parallax: open a bundle first, then export its report.'));
    return undefined;
  }
  const snapshot = await analyses.ready(bundle);
  if (!snapshot) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Parallax: {0} could not be analysed, so there is no report to export.', bundle.toString(true)));
    return undefined;
  }
  const format = await chooseFormat(formatArg);
  const target = format ? await chooseFile(snapshot.bundleUri, format) : undefined;
  if (!format || !target) return undefined;
  if (overwritesBundle(model, snapshot, target)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Parallax: the report cannot overwrite an open bundle. Pick another file.'));
    return undefined;
  }
  const content = format === 'html' ? reportHtml(alignmentModelOf(snapshot)) : reportMarkdown(alignmentModelOf(snapshot));
  if (!(await write(target, content))) return undefined;
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Parallax: report written to {0}.', vscode.workspace.asRelativePath(target)), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('vscode.open', target);
  });
  return target;
}

export function registerExportReport(model: BundleModel, analyses: AnalysisService): vscode.Disposable {
  return registerCommand(COMMANDS.exportReport, (bundle, format) => exportReport(model, analyses, bundle, format));
}
