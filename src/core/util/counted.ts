// Counts in English words ("1 article", "3 articles") for the engine's notes, the CLI and the lenses.
// The editor's own words go through vscode.l10n instead, whose translations handle their own plurals.

/** `n` and its noun: the singular at 1, else the plural (the noun with an "s" unless given). */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
