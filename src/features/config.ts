import * as vscode from 'vscode';
import { DEFAULT_OPTIONS } from '../core/options';

/** Every `parallax.*` setting Parallax reads, typed. */
export interface ParallaxConfig {
  /** Minimum number of words for a verbatim shared passage. */
  readonly minSharedWords: number;
  /** Minimum score in [0, 1] for two sentences to count as a paraphrase. */
  readonly paraphraseThreshold: number;
  readonly codeLensEnabled: boolean;
  readonly decorationsEnabled: boolean;
  /** Longest time one analysis may take, in seconds; 0 for no limit. */
  readonly timeBudgetSeconds: number;
  /** Show boilerplate (page headers, bylines, sign-offs): lenses marked, highlights dimmed. */
  readonly showBoilerplate: boolean;
}

export const CONFIG_SECTION = 'parallax';

// The engine's defaults; package.json's contributes.configuration states the same (a unit test checks).
export const CONFIG_DEFAULTS: ParallaxConfig = Object.freeze({
  minSharedWords: DEFAULT_OPTIONS.minSharedWords,
  paraphraseThreshold: DEFAULT_OPTIONS.paraphraseThreshold,
  codeLensEnabled: true,
  decorationsEnabled: true,
  timeBudgetSeconds: 10,
  showBoilerplate: false,
});

function clampNumber(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** Reads the settings (for a resource when given, so folder settings apply). Out-of-range values are clamped. */
export function readConfig(scope?: vscode.ConfigurationScope): ParallaxConfig {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  return {
    minSharedWords: Math.round(clampNumber(c.get('minSharedWords'), CONFIG_DEFAULTS.minSharedWords, 2, 100)),
    paraphraseThreshold: clampNumber(c.get('paraphraseThreshold'), CONFIG_DEFAULTS.paraphraseThreshold, 0, 1),
    codeLensEnabled: c.get<boolean>('codeLens.enabled', CONFIG_DEFAULTS.codeLensEnabled) !== false,
    decorationsEnabled: c.get<boolean>('decorations.enabled', CONFIG_DEFAULTS.decorationsEnabled) !== false,
    timeBudgetSeconds: clampNumber(c.get('analysis.timeBudgetSeconds'), CONFIG_DEFAULTS.timeBudgetSeconds, 0, 3600),
    showBoilerplate: c.get<boolean>('showBoilerplate', CONFIG_DEFAULTS.showBoilerplate) === true,
  };
}

/** Settings whose change means the analysis must run again. */
export const ANALYSIS_SETTINGS: readonly string[] = ['minSharedWords', 'paraphraseThreshold'];

/** Calls `listener` whenever one of these settings changes (names under `parallax.`): views that show them, the analysis that reads them. */
export function onSettingsChange(names: readonly string[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (names.some((name) => e.affectsConfiguration(`${CONFIG_SECTION}.${name}`))) listener();
  });
}
