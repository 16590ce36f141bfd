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
