// An internal error is a bug in Parallax, not in the user's file: the CLI says so in one line
// (what failed, in which article when known, how to report it) and prints the stack only with
// --debug. Exit code 3.
import type { ArticleInput } from '../core/model';
import { locateFailure } from '../analysis/locateFailure';

export const INTERNAL_ERROR_EXIT = 3;

/** An engine failure, with what Parallax was doing and, when known, the article it was reading. */
export class InternalError extends Error {
  constructor(readonly stage: string, readonly article: string | null, readonly cause: unknown) {
    super(`${stage}${article !== null ? ` (article "${article}")` : ''}: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`);
    this.name = 'InternalError';
  }
}

/** Which article makes a step fail on its own; undefined when none does or there is no time to tell. */
export type FailureLocator = (articles: readonly ArticleInput[]) => string | undefined;

/** The engine's own answer (src/analysis/locateFailure.ts, as the editor uses it): each article analysed alone, for 5 s at most. */
const analyseEachAlone: FailureLocator = (articles) => locateFailure(articles, {}, 5000);

/**
 * Runs an engine step over articles; when it throws, rethrows an InternalError that names the step
 * and, when one fails on its own, the article.
 */
export function engineStep<T>(stage: string, articles: readonly ArticleInput[], run: (articles: readonly ArticleInput[]) => T, locate: FailureLocator = analyseEachAlone): T {
  try {
    return run(articles);
  } catch (err) {
    const article = articles.length > 1 ? locate(articles) : articles[0]?.name;
    throw new InternalError(stage, article ?? null, err);
  }
}

/** The one line a user sees; with `debug`, the stack follows. */
export function internalErrorMessage(command: string, err: unknown, debug: boolean): string {
  const what = err instanceof InternalError ? ` while ${err.message}` : `: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
  const line = `parallax ${command}: internal error${what.replace(/\.$/, '')}. This is a bug in Parallax, not in your file: please report it (an issue on the project's repository) with this line and the output of the same command with --debug.`;
  if (!debug) return line;
  const cause = err instanceof InternalError ? err.cause : err;
  return `${line}\n${cause instanceof Error ? cause.stack ?? cause.message : String(cause)}`;
}
