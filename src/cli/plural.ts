// The command line's counts in words ("1 article", "3 articles"). The editor's words go through
// vscode.l10n instead, whose translations handle their own plurals.

/** `n` and the noun, with an "s" unless n is 1: every noun the CLI counts takes a plain "s". */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
