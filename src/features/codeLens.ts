import * as vscode from 'vscode';
import { BUNDLE_LANGUAGE } from './bundleModel';
import { ARTICLE_SCHEME } from './articleDocuments';
import type { AnalysisService } from '../analysis/analysisService';
import { onSettingsChange, readConfig } from './config';
import { headerLens, passageLenses } from '../presentation/lensModel';
import { headerRange } from './rangeMapping';
import { COMMANDS } from '../commands/ids';
import { commandOf } from '../commands/args';
import { RefreshingProvider } from './registration';

/**
 * Lenses on article headers (what the article shares, and the closest source) and above each line
 * holding shared passages, in bundles and article documents. Computed from the last completed
 * analysis, so a request never waits for the engine.
 */
export class ParallaxCodeLensProvider extends RefreshingProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses = this.onRefresh;

  constructor(private readonly analyses: AnalysisService) {
    super();
    this.own(analyses.onDidChangeAnalysis(this.refresh), onSettingsChange(['codeLens.enabled', 'showBoilerplate'], this.refresh));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const config = readConfig(document.uri);
    if (!config.codeLensEnabled) return [];
    const found = this.analyses.forDocument(document);
    if (!found) return [];
    const { snapshot, views } = found;
    const bundle = snapshot.bundleUri.toString();
    const lenses: vscode.CodeLens[] = [];
    for (const view of views) {
      const i = view.article.index;
      const header = headerLens(snapshot.analysis, snapshot.labels, i);
      const at = headerRange(document, view);
      lenses.push(new vscode.CodeLens(at, { title: header.summary, command: '', tooltip: vscode.l10n.t('What this article shares with the other sources') }));
      if (header.compare) {
        const args = { bundle, left: header.compare.article, right: i };
        lenses.push(new vscode.CodeLens(at, commandOf(COMMANDS.compareSources, header.compare.title, [args], vscode.l10n.t('Open the aligned comparison of the two articles'))));
      }
      for (const lens of passageLenses(snapshot.analysis, snapshot.labels, i, view.article.text, { showBoilerplate: config.showBoilerplate })) {
        const pos = document.positionAt(view.base + lens.offset);
        const line = new vscode.Range(pos.line, 0, pos.line, 0);
        const args = { bundle, left: lens.target.article, right: i, leftOffset: lens.target.otherOffset, rightOffset: lens.target.offset };
        lenses.push(new vscode.CodeLens(line, commandOf(COMMANDS.compareSources, lens.title, [args], lens.tooltip)));
      }
    }
    return lenses;
  }
}

export function registerCodeLens(analyses: AnalysisService): vscode.Disposable {
  const provider = new ParallaxCodeLensProvider(analyses);
  return vscode.Disposable.from(
    provider,
    vscode.languages.registerCodeLensProvider([{ language: BUNDLE_LANGUAGE }, { scheme: ARTICLE_SCHEME }], provider),
  );
}
