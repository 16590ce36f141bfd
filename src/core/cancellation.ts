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
