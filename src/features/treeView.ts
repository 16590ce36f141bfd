import * as vscode from 'vscode';

/** The tree view `id` over a provider it owns: disposing of the result disposes of both. */
export function registerTreeView<T>(id: string, provider: vscode.TreeDataProvider<T> & vscode.Disposable): vscode.Disposable {
  return vscode.Disposable.from(provider, vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true }));
}
