// Where the engine runs (the worker, or the in-host fallback), after it failed: which article makes
// it fail on its own, so the editor can say where. Pure: no vscode, no Node.
import { analyzeBundle } from '../core/analyze';
import type { AnalysisOptions, ArticleInput } from '../core/model';
import type { EngineFailure } from './engineFailure';

/**
 * The first article that makes the engine fail on its own, analysed alone, within `budgetMs`; undefined
 * when none does (the failure needs several articles together) or the budget ran out first. Runs
 * only after a failure, where the engine runs (the worker), so it costs nothing otherwise.
 */
export function locateFailure(articles: readonly ArticleInput[], options: Partial<AnalysisOptions>, budgetMs: number, now: () => number = () => Date.now()): string | undefined {
  const deadline = now() + budgetMs;
  for (const article of articles) {
    if (now() > deadline) return undefined;
    try {
      analyzeBundle([article], options);
    } catch {
      return typeof article.name === 'string' ? article.name : String(article.name);
    }
  }
  return undefined;
}

/** The failure behind an error the engine threw, with the article that fails on its own if one does within `budgetMs`. */
export function engineFailure(err: unknown, articles: readonly ArticleInput[], options: Partial<AnalysisOptions>, budgetMs: number): EngineFailure {
  const message = err instanceof Error ? err.message : String(err);
  const stack = err instanceof Error ? err.stack : undefined;
  const article = locateFailure(articles, options, budgetMs);
  return { message, ...(article !== undefined ? { article } : {}), ...(stack !== undefined ? { stack } : {}) };
}
