import type { AnalysisOptions } from './model';

/**
 * The engine's options and their defaults, apart from the engine, so the editor reads the defaults
 * without loading it (issue 10).
 */

export const DEFAULT_OPTIONS: AnalysisOptions = Object.freeze({ minSharedWords: 6, paraphraseThreshold: 0.5 });

/** Checks the options a caller passes (settings can hold anything) and fills in the defaults. */
export function resolveOptions(options?: Partial<AnalysisOptions>): AnalysisOptions {
  const minSharedWords = Number.isFinite(options?.minSharedWords) ? Math.max(2, Math.round(options?.minSharedWords as number)) : DEFAULT_OPTIONS.minSharedWords;
  const t = options?.paraphraseThreshold;
  const paraphraseThreshold = typeof t === 'number' && Number.isFinite(t) ? Math.min(1, Math.max(0.05, t)) : DEFAULT_OPTIONS.paraphraseThreshold;
  return { minSharedWords, paraphraseThreshold };
}
