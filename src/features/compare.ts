import * as vscode from 'vscode';
import { alignPair } from '../core/alignPair';
import type { AlignedPair } from '../core/model';
import { isBundleDocument } from './bundleModel';
import type { BundleModel } from './bundleModel';
import { parseArticleUri, showArticle } from './articleDocuments';
import type { AnalysisService, AnalysisSnapshot } from '../analysis/analysisService';
import { alignedViewText, comparisonTitle, lineForOffset } from '../presentation/alignedView';
import type { AlignedViewText } from '../presentation/alignedView';
import { percent } from '../presentation/articleLabels';
import { COMMANDS } from '../commands/ids';

/** The two sides of an aligned comparison are read-only documents of this scheme… */
export const ALIGNED_SCHEME = 'parallax-aligned';
/** …and of this language, whose only setting is word wrap, so long passages stay readable side by side. */
export const ALIGNED_LANGUAGE = 'parallax-aligned';

/** Arguments of `parallax.compareSources`; articles by index or by name. */
export interface CompareOptions {
  readonly bundle: string;
  readonly left: number | string;
  readonly right: number | string;
  /** Offsets in the left/right article to show first. */
  readonly leftOffset?: number;
  readonly rightOffset?: number;
}

interface AlignedRef {
  readonly bundle: string;
  readonly left: string;
  readonly right: string;
  readonly side: 'left' | 'right';
}

/** The URI of one side of a comparison; the path ends with the article name so the tab reads well. */
export function alignedUri(bundle: string, left: string, right: string, side: 'left' | 'right'): vscode.Uri {
  const name = side === 'left' ? left : right;
  return vscode.Uri.from({ scheme: ALIGNED_SCHEME, path: `/${name.replace(/\//g, '\u2215')}`, query: JSON.stringify({ bundle, left, right, side }) });
}

export function parseAlignedUri(uri: vscode.Uri): AlignedRef | null {
  if (uri.scheme !== ALIGNED_SCHEME) return null;
  try {
    const q = JSON.parse(uri.query) as Partial<Record<keyof AlignedRef, unknown>>;
    if (typeof q.bundle !== 'string' || typeof q.left !== 'string' || typeof q.right !== 'string' || (q.side !== 'left' && q.side !== 'right')) return null;
    return { bundle: q.bundle, left: q.left, right: q.right, side: q.side };
  } catch {
    return null;
  }
}

function articleIndex(snapshot: AnalysisSnapshot, which: number | string): number {
  if (typeof which === 'number') return which >= 0 && which < snapshot.parsed.articles.length ? which : -1;
  return snapshot.parsed.articles.findIndex((a) => a.name === which);
}

/** Aligned pairs with `a` on the left article and `b` on the right, whatever order the engine wants. */
export function alignedPairs(snapshot: AnalysisSnapshot, left: number, right: number): AlignedPair[] {
  return alignPair(snapshot.analysis, left, right);
}

/** Builds and caches the text of both sides of a comparison from the last analysis of its bundle. */
export class AlignedDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  /** Layout per aligned document, for the analysis it was computed from. */
  private readonly views = new Map<string, { snapshot: AnalysisSnapshot; text: AlignedViewText }>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly analyses: AnalysisService) {
    this.subscriptions.push(
      this.changeEmitter,
      analyses.onDidChangeAnalysis((bundleUri) => {
        const key = bundleUri.toString();
        for (const doc of vscode.workspace.textDocuments) {
          if (parseAlignedUri(doc.uri)?.bundle === key) this.changeEmitter.fire(doc.uri);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.views.delete(doc.uri.toString())),
    );
  }

  /** The layout behind an aligned document, computing it when needed. */
  async view(uri: vscode.Uri): Promise<{ ref: AlignedRef; snapshot: AnalysisSnapshot; left: number; right: number; text: AlignedViewText } | string> {
    const ref = parseAlignedUri(uri);
    if (!ref) return 'Parallax: this is not the address of a comparison.';
    const snapshot = await this.analyses.ready(vscode.Uri.parse(ref.bundle));
    if (!snapshot) return `Parallax: the bundle ${ref.bundle} could not be analysed; open it and check its <<<FILE …>>> headers.`;
    const left = articleIndex(snapshot, ref.left);
    const right = articleIndex(snapshot, ref.right);
    if (left < 0 || right < 0) return `Parallax: the article "${left < 0 ? ref.left : ref.right}" is no longer in the bundle. Close this comparison.`;
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

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

interface ArticlePick extends vscode.QuickPickItem {
  readonly index: number;
}

/** The bundle and article the user is looking at, from an argument or the active editor. */
async function currentContext(model: BundleModel, arg: unknown): Promise<{ bundle: vscode.TextDocument; article: number | undefined } | undefined> {
  if (arg && typeof arg === 'object' && 'bundle' in arg && typeof (arg as { bundle: unknown }).bundle === 'string') {
    const node = arg as { bundle: string; article?: unknown };
    const bundle = await model.document(vscode.Uri.parse(node.bundle));
    return { bundle, article: typeof node.article === 'number' ? node.article : undefined };
  }
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (uri) {
    const ref = parseArticleUri(uri);
    if (ref) {
      const bundle = await model.document(ref.bundleUri);
      const index = model.parse(bundle).articles.findIndex((a) => a.name === ref.name);
      return { bundle, article: index >= 0 ? index : undefined };
    }
    const aligned = parseAlignedUri(uri);
    if (aligned) {
      const bundle = await model.document(vscode.Uri.parse(aligned.bundle));
      const index = model.parse(bundle).articles.findIndex((a) => a.name === (aligned.side === 'left' ? aligned.left : aligned.right));
      return { bundle, article: index >= 0 ? index : undefined };
    }
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc && isBundleDocument(doc)) {
      const editor = vscode.window.activeTextEditor;
      const offset = editor && editor.document === doc ? doc.offsetAt(editor.selection.active) : -1;
      return { bundle: doc, article: offset >= 0 ? model.articleAt(doc, offset)?.index : undefined };
    }
  }
  const open = model.bundles();
  if (open.length === 1 && open[0]) return { bundle: open[0], article: undefined };
  if (open.length === 0) return undefined;
  const pick = await vscode.window.showQuickPick(open.map((doc) => ({ label: vscode.workspace.asRelativePath(doc.uri), doc })), { placeHolder: 'Compare sources of which bundle?' });
  return pick ? { bundle: pick.doc, article: undefined } : undefined;
}

/** Asks for two articles: the current one first, then the others by how much they share with the first. */
async function pickPair(snapshot: AnalysisSnapshot, current: number | undefined): Promise<[number, number] | undefined> {
  const articles = snapshot.parsed.articles;
  const order = articles.map((a) => a.index);
  if (current !== undefined) order.sort((x, y) => (x === current ? -1 : y === current ? 1 : x - y));
  const first = await vscode.window.showQuickPick(
    order.map((i): ArticlePick => ({ label: articles[i]?.name ?? String(i), description: i === current ? 'current article' : undefined, index: i })),
    { placeHolder: 'Compare which article?', matchOnDescription: true },
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
        description: c ? `covers ${percent(c.share)} (${c.covered}/${c.total}${c.inOrder ? ', in order' : ''})` : 'shares nothing found',
        index: i,
      };
    }),
    { placeHolder: `Compare ${articles[first.index]?.name ?? ''} with which article?`, matchOnDescription: true },
  );
  return second ? [second.index, first.index] : undefined;
}

/**
 * `parallax.compareSources [options | uri | tree node] [left] [right]`: the diff editor on the aligned
 * view of two articles. Returns the title shown, for tests and callers.
 */
export async function compareSources(model: BundleModel, analyses: AnalysisService, provider: AlignedDocumentProvider, arg?: unknown, leftArg?: number | string, rightArg?: number | string): Promise<string | undefined> {
  let options: CompareOptions | undefined;
  if (arg && typeof arg === 'object' && 'left' in arg && 'right' in arg && 'bundle' in arg) {
    options = arg as CompareOptions;
  } else if ((typeof arg === 'string' || arg instanceof vscode.Uri) && leftArg !== undefined && rightArg !== undefined) {
    options = { bundle: arg.toString(), left: leftArg, right: rightArg };
  }
  let snapshot: AnalysisSnapshot | undefined;
  let left: number;
  let right: number;
  if (options) {
    snapshot = await analyses.ready(vscode.Uri.parse(options.bundle));
    if (!snapshot) {
      void vscode.window.showWarningMessage(`Parallax: ${options.bundle} could not be analysed; open it as a bundle first.`);
      return undefined;
    }
    left = articleIndex(snapshot, options.left);
    right = articleIndex(snapshot, options.right);
    if (left < 0 || right < 0) {
      void vscode.window.showWarningMessage(`Parallax: no article ${JSON.stringify(left < 0 ? options.left : options.right)} in this bundle. It has: ${snapshot.parsed.articles.map((a) => a.name).join(', ')}.`);
      return undefined;
    }
  } else {
    const context = await currentContext(model, arg);
    if (!context) {
      void vscode.window.showInformationMessage('Parallax: open a bundle first (a text file whose articles start with <<<FILE name>>> lines).');
      return undefined;
    }
    snapshot = await analyses.ready(context.bundle.uri);
    if (!snapshot) return undefined;
    if (snapshot.parsed.articles.length < 2) {
      void vscode.window.showInformationMessage('Parallax: this bundle has fewer than two articles; there is nothing to compare.');
      return undefined;
    }
    const pair = await pickPair(snapshot, context.article);
    if (!pair) return undefined;
    [left, right] = pair;
  }
  if (left === right) {
    void vscode.window.showInformationMessage('Parallax: pick two different articles to compare.');
    return undefined;
  }
  const bundle = snapshot.bundleUri.toString();
  const leftName = snapshot.parsed.articles[left]?.name ?? '';
  const rightName = snapshot.parsed.articles[right]?.name ?? '';
  const leftUri = alignedUri(bundle, leftName, rightName, 'left');
  const rightUri = alignedUri(bundle, leftName, rightName, 'right');
  const view = await provider.view(rightUri);
  if (typeof view === 'string') {
    void vscode.window.showWarningMessage(view);
    return undefined;
  }
  const title = comparisonTitle(snapshot.labels[left] ?? leftName, snapshot.labels[right] ?? rightName, view.text.aligned);
  const showOptions: vscode.TextDocumentShowOptions = { preview: false };
  if (options?.rightOffset !== undefined) {
    const line = lineForOffset(view.text.lines, 'b', options.rightOffset);
    showOptions.selection = new vscode.Range(line, 0, line, 0);
  } else if (options?.leftOffset !== undefined) {
    const line = lineForOffset(view.text.lines, 'a', options.leftOffset);
    showOptions.selection = new vscode.Range(line, 0, line, 0);
  }
  for (const uri of [leftUri, rightUri]) {
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== ALIGNED_LANGUAGE) await vscode.languages.setTextDocumentLanguage(doc, ALIGNED_LANGUAGE);
  }
  await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, title, showOptions);
  return title;
}

/** `parallax.revealInArticle`: from a line of an aligned view, the passage in its original article. */
export async function revealInArticle(model: BundleModel, provider: AlignedDocumentProvider, uriArg?: vscode.Uri, lineArg?: number): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  const uri = uriArg instanceof vscode.Uri ? uriArg : editor?.document.uri;
  const ref = uri ? parseAlignedUri(uri) : null;
  if (!uri || !ref) {
    void vscode.window.showInformationMessage('Parallax: put the cursor on a line of a comparison (Parallax: Compare Sources) first.');
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
    void vscode.window.showInformationMessage('Parallax: this line is blank on this side: the other article has a passage here that this one lacks.');
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
    vscode.commands.registerCommand(COMMANDS.compareSources, (arg?: unknown, left?: number | string, right?: number | string) => compareSources(model, analyses, provider, arg, left, right)),
    vscode.commands.registerCommand(COMMANDS.revealInArticle, (uri?: vscode.Uri, line?: number) => revealInArticle(model, provider, uri, line)),
  );
}

