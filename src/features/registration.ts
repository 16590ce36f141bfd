// How features own and register what they create. One module for both: each module that imports
// vscode costs activation time in the bundle (esbuild copies the API's names once per importer).
import * as vscode from 'vscode';

/**
 * Owns what a feature registers (subscriptions, emitters, decoration types) and disposes of it all,
 * in the order owned, when the feature is disposed: the base class VS Code's markdown extension uses.
 */
export class DisposableOwner implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];

  /** Takes ownership of the items; returns the first, so that a field can be declared and owned at once. */
  protected own<T extends vscode.Disposable>(first: T, ...rest: vscode.Disposable[]): T {
    this.owned.push(first, ...rest);
    return first;
  }

  dispose(): void {
    vscode.Disposable.from(...this.owned).dispose();
  }
}

/**
 * A provider that is redrawn whole (every CodeLens, the whole tree) when `refresh` runs: its change
 * event carries no detail. A subclass gives `onRefresh` the name VS Code reads and owns what calls `refresh`.
 */
export class RefreshingProvider extends DisposableOwner {
  private readonly refreshEmitter = this.own(new vscode.EventEmitter<undefined>());
  protected readonly onRefresh = this.refreshEmitter.event;
  /** An arrow function, so that it can be passed as a listener as it is. */
  protected readonly refresh = (): void => this.refreshEmitter.fire(undefined);
}

/** The tree view `id` over a provider it owns: disposing of the result disposes of both. */
export function registerTreeView<T>(id: string, provider: vscode.TreeDataProvider<T> & vscode.Disposable): vscode.Disposable {
  return vscode.Disposable.from(provider, vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true }));
}
