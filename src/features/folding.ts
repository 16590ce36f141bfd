import * as vscode from 'vscode';
import { BUNDLE_LANGUAGE } from './bundleModel';
import type { BundleModel } from './bundleModel';
import { articleExtent } from './documentSymbols';
import { offsetRange } from './rangeMapping';

/** Each article folds from its header line to its last line. */
export function registerFolding(model: BundleModel): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider({ language: BUNDLE_LANGUAGE }, {
    provideFoldingRanges(document) {
      return model.parse(document).articles.flatMap((article) => {
        const { start, end } = offsetRange(document, articleExtent(article));
        return end.line > start.line ? [new vscode.FoldingRange(start.line, end.line, vscode.FoldingRangeKind.Region)] : [];
      });
    },
  });
}
