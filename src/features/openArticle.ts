import * as vscode from 'vscode';
import { BUNDLE_LANGUAGE, isBundleDocument } from './bundleModel';
import type { BundleModel } from './bundleModel';
import { parseArticleUri, showArticle } from './articleDocuments';
import { attributeDetail } from './documentSymbols';
import type { BundleArticle } from '../core/bundle/parseBundle';
import { COMMANDS } from '../commands/ids';


/** The first words of an article, for the quick pick. */
export function firstWords(text: string, max = 12): string {
  const words = text.trim().split(/\s+/).slice(0, max).join(' ');
  return words.length > 90 ? `${words.slice(0, 89)}…` : words;
}

interface ArticlePick extends vscode.QuickPickItem {
  readonly article: BundleArticle;
}

/** The bundle the user is looking at: the active bundle, the bundle of the active article, or the only open one. */
async function currentBundle(model: BundleModel): Promise<vscode.TextDocument | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active && isBundleDocument(active)) return active;
  const ref = active ? parseArticleUri(active.uri) : null;
  if (ref) return model.document(ref.bundleUri);
  const open = model.bundles();
  if (open.length <= 1) return open[0];
  const pick = await vscode.window.showQuickPick(
    open.map((doc) => ({ label: vscode.workspace.asRelativePath(doc.uri), doc })),
    { placeHolder: 'Which bundle?' },
  );
  return pick?.doc;
}

/**
 * `parallax.openArticle [bundleUri] [index|name]`: opens one article as its own read-only document.
 * Without arguments it asks, with a quick pick of name, source and first words.
 */
async function openArticle(model: BundleModel, bundleArg?: vscode.Uri | string, which?: number | string): Promise<vscode.TextEditor | undefined> {
  const document = bundleArg
    ? await model.document(typeof bundleArg === 'string' ? vscode.Uri.parse(bundleArg) : bundleArg)
    : await currentBundle(model);
  if (!document) {
    void vscode.window.showInformationMessage('Parallax: open a bundle first (a text file whose articles start with <<<FILE name>>> lines).');
    return undefined;
  }
  const articles = model.parse(document).articles;
  if (articles.length === 0) {
    void vscode.window.showWarningMessage(`Parallax: ${vscode.workspace.asRelativePath(document.uri)} has no articles. Each article starts with a line like <<<FILE report.txt>>>.`);
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
    article = (await vscode.window.showQuickPick(picks, { placeHolder: 'Open which article?', matchOnDescription: true, matchOnDetail: true }))?.article;
    if (!article) return undefined;
  }
  if (!article) {
    void vscode.window.showWarningMessage(`Parallax: no article ${JSON.stringify(which)} in this bundle. It has: ${articles.map((a) => a.name).join(', ')}.`);
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
    vscode.commands.registerCommand(COMMANDS.openArticle, (bundle?: vscode.Uri | string, which?: number | string) => openArticle(model, bundle, which)),
    vscode.languages.registerCodeLensProvider({ language: BUNDLE_LANGUAGE }, {
      onDidChangeCodeLenses: lensesChanged.event,
      provideCodeLenses(document) {
        return model.parse(document).articles.map((a) => new vscode.CodeLens(
          new vscode.Range(document.positionAt(a.headerRange.start), document.positionAt(a.headerRange.start)),
          { title: 'Open article', command: COMMANDS.openArticle, arguments: [document.uri, a.index], tooltip: `Open "${a.name}" as its own read-only document` },
        ));
      },
    }),
  );
}
