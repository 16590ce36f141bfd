import * as vscode from 'vscode';
import { isBundleDocument } from './bundleModel';
import type { BundleModel } from './bundleModel';
import type { BundleProblem } from '../core/bundle/parseBundle';
import { offsetRange } from './rangeMapping';

const SEVERITY: Record<BundleProblem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toDiagnostic(document: vscode.TextDocument, problem: BundleProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(offsetRange(document, problem.range), problem.message, SEVERITY[problem.severity]);
  diagnostic.source = 'Parallax';
  diagnostic.code = problem.code;
  return diagnostic;
}

/** Problems of the bundle format in the Problems panel, kept in step with edits. */
export function registerDiagnostics(model: BundleModel): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('parallax');
  const update = (document: vscode.TextDocument): void => {
    if (!isBundleDocument(document)) return;
    collection.set(document.uri, model.parse(document).problems.map((p) => toDiagnostic(document, p)));
  };
  vscode.workspace.textDocuments.forEach(update);
  return vscode.Disposable.from(
    collection,
    model.onDidChangeBundle(update),
    model.onDidCloseBundle((uri) => collection.delete(uri)),
  );
}
