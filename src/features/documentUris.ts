// The addresses of Parallax's read-only documents (articles, the two sides of a comparison): the
// path ends with a name, so the tab shows it, and the query carries what to show as JSON. Also the
// base of their providers, which re-read the open ones of a bundle when it changes.
import * as vscode from 'vscode';
import { DisposableOwner } from './registration';

// The tab title is the path's last segment, so slashes in names are shown as a look-alike.
const SLASH_STAND_IN = '\u2215';

/** A URI of `scheme` whose path ends with `name` and whose query is `data` as JSON. */
export function jsonQueryUri(scheme: string, name: string, data: object): vscode.Uri {
  return vscode.Uri.from({ scheme, path: `/${name.split('/').join(SLASH_STAND_IN)}`, query: JSON.stringify(data) });
}

/** The JSON object in the query of a URI of `scheme`, or null when the URI is not one (or is malformed). */
export function readJsonQuery(uri: vscode.Uri, scheme: string): Record<string, unknown> | null {
  if (uri.scheme !== scheme) return null;
  try {
    const value = JSON.parse(uri.query) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The two sides of an aligned comparison are read-only documents of this scheme… */
export const ALIGNED_SCHEME = 'parallax-aligned';
/** …and of this language, whose only setting is word wrap, so long passages stay readable side by side. */
export const ALIGNED_LANGUAGE = 'parallax-aligned';

export interface AlignedRef {
  readonly bundle: string;
  readonly left: string;
  readonly right: string;
  readonly side: 'left' | 'right';
}

/** The URI of one side of a comparison; the path ends with the article name so the tab reads well. */
export function alignedUri(bundle: string, left: string, right: string, side: 'left' | 'right'): vscode.Uri {
  return jsonQueryUri(ALIGNED_SCHEME, side === 'left' ? left : right, { bundle, left, right, side });
}

export function parseAlignedUri(uri: vscode.Uri): AlignedRef | null {
  const q = readJsonQuery(uri, ALIGNED_SCHEME);
  if (!q || typeof q.bundle !== 'string' || typeof q.left !== 'string' || typeof q.right !== 'string' || (q.side !== 'left' && q.side !== 'right')) return null;
  return { bundle: q.bundle, left: q.left, right: q.right, side: q.side };
}

/** A bundle's file name, as tabs and titles show it ("seeds.bundle"); the whole URI when it has no path. */
export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString(true);
}

/**
 * Serves read-only documents made from a bundle (its articles, the sides of a comparison):
 * `bundleChanged` has VS Code read again every open one of that bundle, as `bundleOf` reads the
 * bundle's URI from a document's address. A subclass owns what calls it.
 */
export class BundleDocumentProvider extends DisposableOwner {
  private readonly changeEmitter = this.own(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly bundleOf: (uri: vscode.Uri) => string | undefined) {
    super();
  }

  /** An arrow function, so that it can be passed as a listener as it is. */
  protected readonly bundleChanged = (bundleUri: vscode.Uri): void => {
    const key = bundleUri.toString();
    for (const { uri } of vscode.workspace.textDocuments) if (this.bundleOf(uri) === key) this.changeEmitter.fire(uri);
  };
}
