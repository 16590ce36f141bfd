// The one way a command finds the bundle (and the article) it acts on, whatever it was given: a URI
// of a bundle, an article document or a comparison side, its string, a tree node or lens argument
// ({ bundle, article }), or nothing (then the active editor, else the open bundles).
import * as vscode from 'vscode';
import type { BundleArticle } from '../core/bundle/parseBundle';
import { isBundleDocument } from '../features/bundleModel';
import type { BundleModel } from '../features/bundleModel';
import { findArticle, parseArticleUri } from '../features/articleDocuments';
import { parseAlignedUri } from '../features/documentUris';

/** A bundle and, when the argument or the editor says which, one of its articles. */
export interface CommandTarget {
  readonly bundle: vscode.TextDocument;
  readonly article: BundleArticle | undefined;
}

/** Where an argument points before the bundle is read: the bundle's URI and how to find the article. */
interface TargetRef {
  readonly bundleUri: vscode.Uri;
  readonly index?: number;
  readonly name?: string;
  /** An offset in the bundle's own text (the cursor in a bundle editor). */
  readonly offset?: number;
}

/** What a URI names: an article document, one side of a comparison, or else the bundle itself. */
function refOfUri(uri: vscode.Uri): TargetRef {
  const article = parseArticleUri(uri);
  if (article) return { bundleUri: article.bundleUri, index: article.index, name: article.name };
  const aligned = parseAlignedUri(uri);
  if (aligned) return { bundleUri: vscode.Uri.parse(aligned.bundle), name: aligned.side === 'left' ? aligned.left : aligned.right };
  return { bundleUri: uri };
}

/** The reference an explicit argument carries, or undefined when it names nothing. */
function refOfArg(arg: unknown): TargetRef | undefined {
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' && arg ? vscode.Uri.parse(arg) : undefined;
  if (uri) {
    // The bundle in the active editor (its toolbar button): the article under the cursor.
    const active = refOfActiveEditor();
    return active?.offset !== undefined && active.bundleUri.toString() === uri.toString() ? active : refOfUri(uri);
  }
  if (arg && typeof arg === 'object' && typeof (arg as { bundle?: unknown }).bundle === 'string') {
    const { bundle, article } = arg as { bundle: string; article?: unknown };
    return { bundleUri: vscode.Uri.parse(bundle), index: typeof article === 'number' ? article : undefined };
  }
  return undefined;
}

/** The reference of the active editor: its article, or the article under the cursor in a bundle. */
function refOfActiveEditor(): TargetRef | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const ref = refOfUri(editor.document.uri);
  if (ref.bundleUri !== editor.document.uri) return ref;
  return isBundleDocument(editor.document) ? { bundleUri: editor.document.uri, offset: editor.document.offsetAt(editor.selection.active) } : undefined;
}

/** The bundle URI an argument (or, without one, the active editor) names, without opening anything. */
export function targetBundleUri(arg?: unknown): vscode.Uri | undefined {
  return (refOfArg(arg) ?? refOfActiveEditor())?.bundleUri;
}

/** The bundle URI a document is or belongs to (an article or comparison document), if any. */
export function bundleUriOf(document: vscode.TextDocument): vscode.Uri | undefined {
  const ref = refOfUri(document.uri);
  return ref.bundleUri !== document.uri || isBundleDocument(document) ? ref.bundleUri : undefined;
}

function articleOf(model: BundleModel, bundle: vscode.TextDocument, ref: TargetRef): BundleArticle | undefined {
  const articles = model.parse(bundle).articles;
  if (ref.name !== undefined) return findArticle(articles, { bundleUri: ref.bundleUri, index: ref.index ?? -1, name: ref.name });
  if (ref.index !== undefined) return articles[ref.index];
  return ref.offset !== undefined ? model.articleAt(bundle, ref.offset) : undefined;
}

/** One of the open bundles: the only one, or the one the user picks (asking `question`). */
async function pickOpenBundle(model: BundleModel, question: string): Promise<vscode.TextDocument | undefined> {
  const open = model.bundles();
  if (open.length <= 1) return open[0];
  const pick = await vscode.window.showQuickPick(open.map((doc) => ({ label: vscode.workspace.asRelativePath(doc.uri), doc })), { placeHolder: question });
  return pick?.doc;
}

/**
 * The bundle and article a command acts on: from its argument, else the active editor, else the
 * open bundle (asking `question` when several are open). Undefined when there is none or the user
 * cancels; a bundle that cannot be opened rejects with the editor's error.
 */
export async function resolveTarget(model: BundleModel, arg: unknown, question = 'Which bundle?'): Promise<CommandTarget | undefined> {
  const ref = refOfArg(arg) ?? refOfActiveEditor();
  if (!ref) {
    const bundle = await pickOpenBundle(model, question);
    return bundle ? { bundle, article: undefined } : undefined;
  }
  const bundle = await model.document(ref.bundleUri);
  return { bundle, article: articleOf(model, bundle, ref) };
}
