// Messages between the alignment panel (extension side) and its webview, shared by both sides.
// No vscode and no DOM import: src/webview compiles this file with the DOM tsconfig.
import type { AlignmentModel } from '../presentation/alignmentModel';
import type { MatchKind } from '../core/model';
import { MATCH_KINDS } from '../presentation/kinds';

/** What the webview keeps across reloads (vscode.getState / setState). */
export interface AlignmentViewState {
  readonly bundle: string;
  readonly kinds: readonly MatchKind[];
  readonly selectedRow: number;
  readonly scrollTop: number;
}

/**
 * The panel's words, translated on the extension side (vscode.l10n is not available in a webview).
 * `{0}`, `{1}`… stand for the numbers the webview fills in.
 */
export interface PanelStrings {
  readonly reveal: string;
  readonly exportReport: string;
  /** {0} groups shown of {1}. */
  readonly summary: string;
  /** {0} rows drawn so far. */
  readonly firstShown: string;
  /** {0} sources of {1} shown as columns. */
  readonly someColumns: string;
  readonly keys: string;
  /** {0}: a whole percentage. */
  readonly unique: string;
  /** {0}: how many more rows a click draws. */
  readonly showMore: string;
  readonly quotationsHeading: string;
  readonly originalWording: string;
}

export type ToWebview =
  | { readonly type: 'model'; readonly bundle: string; readonly model: AlignmentModel; readonly strings: PanelStrings }
  | { readonly type: 'empty'; readonly message: string };

/**
 * What the webview asks for. Articles are indices into the model the panel last sent: the panel
 * acts on its own bundle, never on one the webview names.
 */
export type FromWebview =
  | { readonly type: 'ready'; readonly state: AlignmentViewState | null }
  | { readonly type: 'reveal'; readonly article: number; readonly start: number; readonly end: number }
  | { readonly type: 'compare'; readonly left: number; readonly right: number }
  | { readonly type: 'export' };

function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** Checks a saved panel state (from the webview, or from VS Code when it revives the panel). */
export function isAlignmentViewState(value: unknown): value is AlignmentViewState {
  if (!value || typeof value !== 'object') return false;
  const s = value as Record<string, unknown>;
  return typeof s.bundle === 'string'
    && Array.isArray(s.kinds) && s.kinds.every((k) => (MATCH_KINDS as readonly unknown[]).includes(k))
    && isIndex(s.selectedRow)
    && typeof s.scrollTop === 'number' && Number.isFinite(s.scrollTop) && s.scrollTop >= 0;
}

/** Checks a message from the webview, which is less trusted than the extension. */
export function isFromWebview(value: unknown): value is FromWebview {
  if (!value || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return m.state === null || isAlignmentViewState(m.state);
    case 'export':
      return true;
    case 'reveal':
      return [m.article, m.start, m.end].every(isIndex);
    case 'compare':
      return [m.left, m.right].every(isIndex);
    default:
      return false;
  }
}
