import * as vscode from 'vscode';
import { BUNDLE_LANGUAGE } from './bundleModel';
import type { BundleModel } from './bundleModel';
import { articleExtent } from './documentSymbols';

/** Each article folds from its header line to its last line. */
export function registerFolding(model: BundleModel): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider({ language: BUNDLE_LANGUAGE }, {
    provideFoldingRanges(document) {
      return model.parse(document).articles.flatMap((article) => {
        const extent = articleExtent(article);
        const first = document.positionAt(extent.start).line;
        const last = document.positionAt(extent.end).line;
        return last > first ? [new vscode.FoldingRange(first, last, vscode.FoldingRangeKind.Region)] : [];
      });
    },
  });
}
