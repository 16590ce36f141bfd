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
