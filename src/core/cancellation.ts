/** The part of a cancellation token the engine needs; vscode.CancellationToken fits it structurally. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

/** Thrown by the engine when its token asks it to stop. */
export class CancelledError extends Error {
  constructor() {
    super('Parallax analysis was cancelled.');
    this.name = 'CancelledError';
  }
}

/** Call between units of work. */
export function throwIfCancelled(token: CancellationLike | undefined): void {
  if (token?.isCancellationRequested) {
    throw new CancelledError();
  }
}

/**
 * A token that fires once `now()` is past `deadline`: a time budget, as the `finish` token of
 * analyzeBundle. The caller brings the clock (the engine reads none, so it stays deterministic).
 */
export function deadlineToken(deadline: number, now: () => number): CancellationLike {
  return {
    get isCancellationRequested() {
      return now() > deadline;
    },
  };
}

/** Work cut into units: `units` counts those finished, so a caller that sees it rise knows the work moved on. */
export interface Progress {
  units: number;
}

/** Where a loop cut into units stands: the next item to do. */
export interface Cursor {
  next: number;
}

/**
 * Calls body(k) for each k from `cursor.next` to `count` - 1, `perUnit` at a time, checking `token`
 * after each unit and keeping the position in `cursor`: a call stopped by the token (CancelledError)
 * is resumed by the next one where it stopped, and the items are done in the same order either way.
 */
export function inUnits(progress: Progress, cursor: Cursor, count: number, perUnit: number, token: CancellationLike | undefined, body: (k: number) => void): void {
  while (cursor.next < count) {
    const end = Math.min(count, cursor.next + perUnit);
    for (let k = cursor.next; k < end; k++) body(k);
    cursor.next = end;
    progress.units++;
    throwIfCancelled(token);
  }
}

