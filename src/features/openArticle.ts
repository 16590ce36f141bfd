import * as vscode from 'vscode';
import { BUNDLE_LANGUAGE } from './bundleModel';
import type { BundleModel } from './bundleModel';
import { showArticle } from './articleDocuments';
import { attributeDetail } from './documentSymbols';
import type { BundleArticle } from '../core/bundle/parseBundle';
import { COMMANDS } from '../commands/ids';
import { commandOf, registerCommand } from '../commands/args';
import type { TargetArg } from '../commands/args';
import { resolveTarget } from '../commands/target';

/** The first words of an article, for the quick pick. */
export function firstWords(text: string, max = 12): string {
  const words = text.trim().split(/\s+/).slice(0, max).join(' ');
  return words.length > 90 ? `${words.slice(0, 89)}…` : words;
}

interface ArticlePick extends vscode.QuickPickItem {
  readonly article: BundleArticle;
}

/**
 * `parallax.openArticle [bundleUri] [index|name]`: opens one article as its own read-only document.
 * Without arguments it asks, with a quick pick of name, source and first words.
 */
async function openArticle(model: BundleModel, bundleArg?: TargetArg, which?: number | string): Promise<vscode.TextEditor | undefined> {
  const document = (await resolveTarget(model, bundleArg, vscode.l10n.t('Open an article of which bundle?')))?.bundle;
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Parallax: open a bundle first (a text file whose articles start with <<<FILE name>>> lines).'));
    return undefined;
  }
  const articles = model.parse(document).articles;
  if (articles.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Parallax: {0} has no articles. Each article starts with a line like <<<FILE report.txt>>>.', vscode.workspace.asRelativePath(document.uri)));
    return undefined;
  }
  let article: BundleArticle | undefined;
  if (typeof which === 'number') {
    article = articles[which];
  } else if (typeof which === 'string') {
    article = articles.find((a) => a.name === which);
  } else {
    const picks: ArticlePick[] = articles.map((a) => ({
      label: a.name,
      description: attributeDetail(a),
      detail: firstWords(a.text),
      article: a,
    }));
    article = (await vscode.window.showQuickPick(picks, { placeHolder: vscode.l10n.t('Open which article?'), matchOnDescription: true, matchOnDetail: true }))?.article;
    if (!article) return undefined;
  }
  if (!article) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Parallax: no article {0} in this bundle. It has: {1}.', JSON.stringify(which), articles.map((a) => a.name).join(', ')));
    return undefined;
  }
  return showArticle(document.uri, article);
}

/** The command, and an `Open article` lens on each header. */
export function registerOpenArticle(model: BundleModel): vscode.Disposable {
  const lensesChanged = new vscode.EventEmitter<void>();
  return vscode.Disposable.from(
    lensesChanged,
    model.onDidChangeBundle(() => lensesChanged.fire()),
    registerCommand(COMMANDS.openArticle, (bundle, which) => openArticle(model, bundle, which)),
    vscode.languages.registerCodeLensProvider({ language: BUNDLE_LANGUAGE }, {
      onDidChangeCodeLenses: lensesChanged.event,
      provideCodeLenses(document) {
        return model.parse(document).articles.map((a) => new vscode.CodeLens(
          new vscode.Range(document.positionAt(a.headerRange.start), document.positionAt(a.headerRange.start)),
          commandOf(COMMANDS.openArticle, vscode.l10n.t('Open article'), [document.uri, a.index], vscode.l10n.t('Open "{0}" as its own read-only document', a.name)),
        ));
      },
    }),
  );
}
