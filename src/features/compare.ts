import * as vscode from 'vscode';
import { alignPair } from '../core/alignPair';
import type { AlignedPair } from '../core/model';
import type { BundleModel } from './bundleModel';
import { showArticle } from './articleDocuments';
import type { AnalysisService, AnalysisSnapshot } from '../analysis/analysisService';
import { alignedViewText, comparisonTitle, lineForOffset } from '../presentation/alignedView';
import type { AlignedViewText } from '../presentation/alignedView';
import { percent } from '../presentation/articleLabels';
import { COMMANDS } from '../commands/ids';
import { ALIGNED_LANGUAGE, ALIGNED_SCHEME, alignedUri, BundleDocumentProvider, parseAlignedUri } from './documentUris';
import type { AlignedRef } from './documentUris';
import { registerCommand } from '../commands/args';
import type { CompareOptions } from '../commands/args';
import { resolveTarget } from '../commands/target';


function articleIndex(snapshot: AnalysisSnapshot, which: number | string): number {
  if (typeof which === 'number') return which >= 0 && which < snapshot.parsed.articles.length ? which : -1;
  return snapshot.parsed.articles.findIndex((a) => a.name === which);
}

/** Aligned pairs with `a` on the left article and `b` on the right, whatever order the engine wants. */
export function alignedPairs(snapshot: AnalysisSnapshot, left: number, right: number): AlignedPair[] {
  return alignPair(snapshot.analysis, left, right);
}

/** Builds and caches the text of both sides of a comparison from the last analysis of its bundle. */
export class AlignedDocumentProvider extends BundleDocumentProvider implements vscode.TextDocumentContentProvider {
  /** Layout per aligned document, for the analysis it was computed from. */
  private readonly views = new Map<string, { snapshot: AnalysisSnapshot; text: AlignedViewText }>();

  constructor(private readonly analyses: AnalysisService) {
    super((uri) => parseAlignedUri(uri)?.bundle);
    this.own(
      analyses.onDidChangeAnalysis(this.bundleChanged),
      vscode.workspace.onDidCloseTextDocument((doc) => this.views.delete(doc.uri.toString())),
    );
  }

  /** The layout behind an aligned document, computing it when needed. */
  async view(uri: vscode.Uri): Promise<{ ref: AlignedRef; snapshot: AnalysisSnapshot; left: number; right: number; text: AlignedViewText } | string> {
    const ref = parseAlignedUri(uri);
    if (!ref) return vscode.l10n.t('Parallax: this is not the address of a comparison.');
    const snapshot = await this.analyses.ready(vscode.Uri.parse(ref.bundle));
    if (!snapshot) return this.analyses.whyNoAnalysis(vscode.Uri.parse(ref.bundle));
    const left = articleIndex(snapshot, ref.left);
    const right = articleIndex(snapshot, ref.right);
    if (left < 0 || right < 0) return vscode.l10n.t('Parallax: the article "{0}" is no longer in the bundle. Close this comparison.', left < 0 ? ref.left : ref.right);
    const key = uri.toString();
    const hit = this.views.get(key);
    if (hit && hit.snapshot === snapshot) return { ref, snapshot, left, right, text: hit.text };
    const a = snapshot.parsed.articles[left]?.text ?? '';
    const b = snapshot.parsed.articles[right]?.text ?? '';
    const text = alignedViewText(alignedPairs(snapshot, left, right), a, b);
    this.views.set(key, { snapshot, text });
    return { ref, snapshot, left, right, text };
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const v = await this.view(uri);
    if (typeof v === 'string') return v;
    return v.ref.side === 'left' ? v.text.left : v.text.right;
  }
}

interface ArticlePick extends vscode.QuickPickItem {
  readonly index: number;
}

/** Asks for two articles: the current one first, then the others by how much they share with the first. */
async function pickPair(snapshot: AnalysisSnapshot, current: number | undefined): Promise<[number, number] | undefined> {
  const articles = snapshot.parsed.articles;
  const order = articles.map((a) => a.index);
  if (current !== undefined) order.sort((x, y) => (x === current ? -1 : y === current ? 1 : x - y));
  const first = await vscode.window.showQuickPick(
    order.map((i): ArticlePick => ({ label: articles[i]?.name ?? String(i), description: i === current ? 'current article' : undefined, index: i })),
    { placeHolder: vscode.l10n.t('Compare which article?'), matchOnDescription: true },
  );
  if (!first) return undefined;
  const covers = snapshot.analysis.sources[first.index]?.covers ?? [];
  const share = new Map(covers.map((c) => [c.article, c]));
  const rest = order.filter((i) => i !== first.index).sort((x, y) => (share.get(y)?.share ?? 0) - (share.get(x)?.share ?? 0) || x - y);
  const second = await vscode.window.showQuickPick(
    rest.map((i): ArticlePick => {
      const c = share.get(i);
      return {
        label: articles[i]?.name ?? String(i),
        description: !c
          ? vscode.l10n.t('shares nothing found')
          : c.inOrder
            ? vscode.l10n.t('covers {0} ({1}/{2}, in order)', percent(c.share), c.covered, c.total)
            : vscode.l10n.t('covers {0} ({1}/{2})', percent(c.share), c.covered, c.total),
        index: i,
      };
    }),
    { placeHolder: vscode.l10n.t('Compare {0} with which article?', articles[first.index]?.name ?? ''), matchOnDescription: true },
  );
  return second ? [second.index, first.index] : undefined;
}

/** The two articles a comparison shows, in the analysis it reads. */
interface Pair {
  readonly snapshot: AnalysisSnapshot;
  readonly left: number;
  readonly right: number;
  readonly options?: CompareOptions;
}

/** The explicit pair in the arguments: options ({ bundle, left, right }) or a bundle and two articles. */
function explicitPair(arg: unknown, leftArg?: number | string, rightArg?: number | string): CompareOptions | undefined {
  if (arg && typeof arg === 'object' && 'left' in arg && 'right' in arg && 'bundle' in arg) return arg as CompareOptions;
  if ((typeof arg === 'string' || arg instanceof vscode.Uri) && leftArg !== undefined && rightArg !== undefined) return { bundle: arg.toString(), left: leftArg, right: rightArg };
  return undefined;
}

/** The pair the options name, or undefined (having told the user why). */
async function namedPair(analyses: AnalysisService, options: CompareOptions): Promise<Pair | undefined> {
  const snapshot = await analyses.ready(vscode.Uri.parse(options.bundle));
  if (!snapshot) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Parallax: {0} could not be analysed; open it as a bundle first.', options.bundle));
    return undefined;
  }
  const left = articleIndex(snapshot, options.left);
  const right = articleIndex(snapshot, options.right);
  if (left < 0 || right < 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Parallax: no article {0} in this bundle. It has: {1}.', JSON.stringify(left < 0 ? options.left : options.right), snapshot.parsed.articles.map((a) => a.name).join(', ')));
    return undefined;
  }
  return { snapshot, left, right, options };
}

/** The pair the user picks in the bundle the argument or the editor names (its article first). */
async function pickedPair(model: BundleModel, analyses: AnalysisService, arg: unknown): Promise<Pair | undefined> {
  const target = await resolveTarget(model, arg, vscode.l10n.t('Compare sources of which bundle?'));
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Parallax: open a bundle first (a text file whose articles start with <<<FILE name>>> lines).'));
    return undefined;
  }
  const snapshot = await analyses.ready(target.bundle.uri);
  if (!snapshot) return undefined;
  if (snapshot.parsed.articles.length < 2) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Parallax: this bundle has fewer than two articles; there is nothing to compare.'));
    return undefined;
  }
  const pair = await pickPair(snapshot, target.article?.index);
  return pair ? { snapshot, left: pair[0], right: pair[1] } : undefined;
}

/** Where the diff editor opens: the line of the offset the options ask for, if any. */
function showOptionsFor(text: AlignedViewText, options: CompareOptions | undefined): vscode.TextDocumentShowOptions {
  const show: vscode.TextDocumentShowOptions = { preview: false };
  const line = options?.rightOffset !== undefined ? lineForOffset(text.lines, 'b', options.rightOffset)
    : options?.leftOffset !== undefined ? lineForOffset(text.lines, 'a', options.leftOffset) : undefined;
  if (line !== undefined) show.selection = new vscode.Range(line, 0, line, 0);
  return show;
}

/** Opens the diff editor on the aligned view of a pair. */
async function showPair(provider: AlignedDocumentProvider, { snapshot, left, right, options }: Pair): Promise<void> {
  const bundle = snapshot.bundleUri.toString();
  const leftName = snapshot.parsed.articles[left]?.name ?? '';
  const rightName = snapshot.parsed.articles[right]?.name ?? '';
  const leftUri = alignedUri(bundle, leftName, rightName, 'left');
  const rightUri = alignedUri(bundle, leftName, rightName, 'right');
  const view = await provider.view(rightUri);
  if (typeof view === 'string') {
    void vscode.window.showWarningMessage(view);
    return;
  }
  const title = comparisonTitle(snapshot.labels[left] ?? leftName, snapshot.labels[right] ?? rightName, view.text.aligned);
  for (const uri of [leftUri, rightUri]) {
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== ALIGNED_LANGUAGE) await vscode.languages.setTextDocumentLanguage(doc, ALIGNED_LANGUAGE);
  }
  await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, title, showOptionsFor(view.text, options));
}

/**
 * `parallax.compareSources [options | uri | tree node] [left] [right]`: the diff editor on the aligned
 * view of two articles; without a pair it asks for one.
 */
export async function compareSources(model: BundleModel, analyses: AnalysisService, provider: AlignedDocumentProvider, arg?: unknown, leftArg?: number | string, rightArg?: number | string): Promise<void> {
  const options = explicitPair(arg, leftArg, rightArg);
  const pair = options ? await namedPair(analyses, options) : await pickedPair(model, analyses, arg);
  if (!pair) return;
  if (pair.left === pair.right) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Parallax: pick two different articles to compare.'));
    return;
  }
  await showPair(provider, pair);
}

/** `parallax.revealInArticle`: from a line of an aligned view, the passage in its original article. */
export async function revealInArticle(model: BundleModel, provider: AlignedDocumentProvider, uriArg?: vscode.Uri, lineArg?: number): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  const uri = uriArg instanceof vscode.Uri ? uriArg : editor?.document.uri;
  const ref = uri ? parseAlignedUri(uri) : null;
  if (!uri || !ref) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Parallax: put the cursor on a line of a comparison (Parallax: Compare Sources) first.'));
    return undefined;
  }
  const line = typeof lineArg === 'number' ? lineArg : editor && editor.document.uri.toString() === uri.toString() ? editor.selection.active.line : 0;
  const view = await provider.view(uri);
  if (typeof view === 'string') {
    void vscode.window.showWarningMessage(view);
    return undefined;
  }
  const pair = view.text.lines[line];
  const span = ref.side === 'left' ? pair?.a : pair?.b;
  if (!span) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Parallax: this line is blank on this side: the other article has a passage here that this one lacks.'));
    return undefined;
  }
  const article = view.snapshot.parsed.articles[ref.side === 'left' ? view.left : view.right];
  if (!article) return undefined;
  const bundle = await model.document(view.snapshot.bundleUri);
  const current = model.parse(bundle).articles.find((a) => a.name === article.name) ?? article;
  const shown = await showArticle(bundle.uri, current, { viewColumn: vscode.ViewColumn.Beside });
  const start = shown.document.positionAt(span.start);
  const end = shown.document.positionAt(span.end);
  shown.selection = new vscode.Selection(start, end);
  shown.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenter);
  return shown;
}

export function registerCompare(model: BundleModel, analyses: AnalysisService): vscode.Disposable {
  const provider = new AlignedDocumentProvider(analyses);
  return vscode.Disposable.from(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(ALIGNED_SCHEME, provider),
    registerCommand(COMMANDS.compareSources, (arg, left, right) => compareSources(model, analyses, provider, arg, left, right)),
    registerCommand(COMMANDS.revealInArticle, (uri, line) => revealInArticle(model, provider, uri, line)),
  );
}

