// Messages between the alignment panel (extension side) and its webview, shared by both sides.
// No vscode and no DOM import: src/webview compiles this file with the DOM tsconfig.
import type { AlignmentModel } from '../presentation/alignmentModel';
import type { MatchKind } from '../core/model';

/** What the webview keeps across reloads (vscode.getState / setState). */
export interface AlignmentViewState {
  readonly bundle: string;
  readonly kinds: readonly MatchKind[];
  readonly selectedRow: number;
  readonly scrollTop: number;
}

export type ToWebview =
  | { readonly type: 'model'; readonly bundle: string; readonly model: AlignmentModel }
  | { readonly type: 'empty'; readonly message: string };

export type FromWebview =
  | { readonly type: 'ready'; readonly state: AlignmentViewState | null }
  | { readonly type: 'reveal'; readonly bundle: string; readonly article: number; readonly start: number; readonly end: number }
  | { readonly type: 'compare'; readonly bundle: string; readonly left: number; readonly right: number }
  | { readonly type: 'export' }
  /**
   * Sent after each render: what the panel's content holds, so tests can check that bundle text
   * added no element: scripts, images, frames, objects and event-handler attributes in it.
   */
  | { readonly type: 'rendered'; readonly rows: number; readonly passages: number; readonly activeElements: number; readonly handlers: number; readonly text: string };

/** Checks a message from the webview, which is less trusted than the extension. */
export function isFromWebview(value: unknown): value is FromWebview {
  if (!value || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'export':
      return true;
    case 'reveal':
      return typeof m.bundle === 'string' && [m.article, m.start, m.end].every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0);
    case 'rendered':
      return [m.rows, m.passages, m.activeElements, m.handlers].every((v) => typeof v === 'number') && typeof m.text === 'string';
    case 'compare':
      return typeof m.bundle === 'string' && [m.left, m.right].every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0);
    default:
      return false;
  }
}
