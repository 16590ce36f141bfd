// Whether to colour output: --color and --no-color win; otherwise NO_COLOR (https://no-color.org:
// set and not empty) turns colour off, and colour is on only when stdout is a terminal.
import type { OptionValues } from './args';

/** What the process says about colour. */
export interface ColorEnvironment {
  readonly noColor: boolean;
  readonly isTTY: boolean;
}

export function processColorEnvironment(): ColorEnvironment {
  const v = process.env.NO_COLOR;
  return { noColor: v !== undefined && v !== '', isTTY: process.stdout.isTTY === true };
}

export function useColor(values: OptionValues, env: ColorEnvironment): boolean {
  if (values['no-color'] === true) return false;
  if (values.color === true) return true;
  return !env.noColor && env.isTTY;
}
