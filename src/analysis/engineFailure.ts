// An internal error of the engine, as the editor reports it (issue 8 §1): what failed, in which
// article if known, how to report it, and the stack for the "Parallax" output channel. Never a
// hint that the user's <<<FILE …>>> headers are wrong: a bundle whatever its text is not a reason
// for the engine to throw. Pure: no vscode, no Node, and no engine: the host imports it.

/** What the editor knows of a failed analysis. */
export interface EngineFailure {
  /** The engine's own message ("word.endsWith is not a function"). */
  readonly message: string;
  /** The name of the article that fails on its own, when one does. */
  readonly article?: string;
  /** The engine's stack, for the output channel. */
  readonly stack?: string;
}

/** Thrown by a runner when the engine failed (not when a run was cancelled). */
export class EngineError extends Error {
  constructor(readonly failure: EngineFailure) {
    super(failure.message);
    this.name = 'EngineError';
  }
}

/** The failure behind any error a runner rejected with. */
export function failureOf(err: unknown): EngineFailure {
  if (err instanceof EngineError) return err.failure;
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

/** Where users report a bug: the issue reporter, with Parallax chosen. */
export const REPORT_HINT = 'Please report it (Help: Report Issue…, choose Parallax) with the details from the "Parallax" output channel.';

/** The notification's text: an internal error, said as one; `bundle` is the bundle's name as the user sees it. */
export function failureNotice(failure: EngineFailure, bundle: string): string {
  const where = failure.article !== undefined ? ` (in the article "${failure.article}")` : '';
  return `Parallax hit an internal error while analysing ${bundle}${where}: ${failure.message}. This is a bug in Parallax, not a problem with your bundle. Hovers, lenses and views keep the last good analysis. ${REPORT_HINT}`;
}

/** Where no analysis can be shown (a panel, a comparison): the same, shorter. */
export function failureSummary(failure: EngineFailure, bundle: string): string {
  const where = failure.article !== undefined ? ` in the article "${failure.article}"` : '';
  return `Parallax could not analyse ${bundle}: an internal error${where} (${failure.message}). This is a bug in Parallax, not in your bundle. ${REPORT_HINT}`;
}

/** The lines for the output channel: what, where, when, and the stack. */
export function failureDetails(failure: EngineFailure, bundle: string, when: Date): string {
  return [
    `[${when.toISOString()}] Internal error while analysing ${bundle}`,
    `  article: ${failure.article ?? 'not known (no article fails on its own)'}`,
    `  message: ${failure.message}`,
    ...(failure.stack ? [failure.stack.split('\n').map((l) => `  ${l}`).join('\n')] : []),
  ].join('\n');
}
