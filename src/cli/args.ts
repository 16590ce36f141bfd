// Each subcommand declares its options once; this parses them with Node's util.parseArgs in strict
// mode (a typo such as --jsno is an error, never ignored) and prints the help from the same table.
import { parseArgs } from 'util';
import { UsageError } from './io';
import { printJsonPieces } from './jsonPieces';

/** One option of a subcommand. */
export interface OptionSpec {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  /** The value's placeholder in help ("file", "N"). */
  readonly value?: string;
  readonly description: string;
  /** The only values a string option takes (shown in usage instead of the placeholder). */
  readonly choices?: readonly string[];
  /** Shown without brackets in usage: the command cannot run without it. */
  readonly required?: boolean;
}

/** A subcommand: what it takes and what it says about itself. */
export interface CommandSpec {
  readonly name: string;
  /** The positional arguments, as usage shows them: "<bundle>", "<bundle>…". */
  readonly args: string;
  readonly summary: string;
  readonly positionals: { readonly min: number; readonly max: number };
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** More lines for --help (what the arguments are, exit codes). */
  readonly details?: readonly string[];
}

/** Options every subcommand takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  debug: { type: 'boolean', description: 'on an internal error, print the stack trace too' },
};

export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

export interface ParsedCommandLine {
  readonly values: OptionValues;
  readonly positionals: readonly string[];
}

/** Every option of a command, common ones last. */
export function allOptions(spec: CommandSpec): [string, OptionSpec][] {
  return [...Object.entries(spec.options), ...Object.entries(COMMON_OPTIONS)];
}

const flagOf = (name: string, o: OptionSpec): string => `--${name}${o.type === 'string' ? ` ${o.choices ? o.choices.join('|') : `<${o.value ?? 'value'}>`}` : ''}`;

/** Every flag of a command (common ones aside), as usage shows them: "[-o <file>] --format <format>". */
export function flagSummary(spec: CommandSpec): string {
  return Object.entries(spec.options).map(([name, o]) => {
    const flag = o.short && o.type === 'string' ? `-${o.short}|${flagOf(name, o)}` : flagOf(name, o);
    return o.required ? flag : `[${flag}]`;
  }).join(' ');
}

/** "parallax compare <bundle> <articleA> <articleB> [--color] [--no-color]". */
export function synopsis(spec: CommandSpec): string {
  return `parallax ${spec.name} ${spec.args} ${flagSummary(spec)}`.trimEnd();
}

/** The edit distance of two short strings (for "did you mean"). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}

/** The closest option name to a mistyped one, when it is close enough to be a typo. */
export function closestOption(spec: CommandSpec, typed: string): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const [name] of allOptions(spec)) {
    const d = distance(typed, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** The message for an option parseArgs refused, listing the command's valid flags. */
function optionError(spec: CommandSpec, err: Error & { code?: string }): UsageError {
  const valid = allOptions(spec).map(([name, o]) => flagOf(name, o)).join(', ');
  const typed = /'(-{1,2}[^'\s=]+)/.exec(err.message)?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const guess = typed.startsWith('--') ? closestOption(spec, typed.slice(2)) : null;
    return new UsageError(`Unknown option ${typed}.${guess ? ` Did you mean --${guess}?` : ''} The options of "parallax ${spec.name}" are: ${valid}.`);
  }
  return new UsageError(`${err.message.split('.')[0]}. The options of "parallax ${spec.name}" are: ${valid}.`);
}

/**
 * Parses a subcommand's arguments (strict: unknown options and wrong values are UsageErrors whose
 * message lists the valid flags). Returns null when --help was asked for.
 */
export function parseCommandLine(spec: CommandSpec, args: readonly string[]): ParsedCommandLine | null {
  const options = Object.fromEntries(allOptions(spec).map(([name, o]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }]));
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (err) {
    if (err instanceof Error) throw optionError(spec, err as Error & { code?: string });
    throw err;
  }
  if (parsed.values.help === true) return null;
  const n = parsed.positionals.length;
  if (n < spec.positionals.min || n > spec.positionals.max) {
    throw new UsageError(`${n < spec.positionals.min ? 'Missing arguments' : 'Too many arguments'}. Usage: ${synopsis(spec)}  (parallax ${spec.name} --help for more)`);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

export type Print = (s: string) => void;

/** A command's report both ways; only the one `--json` asks for is built. */
export interface Report {
  readonly json: () => unknown;
  readonly text: () => string;
}

/** Prints a command's report: indented JSON with `--json` (printed piece by piece), else the text a person reads. */
export function printReport(cl: ParsedCommandLine, out: Print, report: Report): void {
  if (cl.values.json === true) printJsonPieces(report.json(), out);
  else out(report.text());
}

/** A subcommand: its spec, and what it does with its parsed command line (returns the exit code). */
export interface Command {
  readonly spec: CommandSpec;
  readonly run: (cl: ParsedCommandLine, out: Print, err: Print) => number | Promise<number>;
}

/**
 * Runs a subcommand on its arguments: --help prints its help (exit 0); otherwise it runs on the
 * parsed command line. Arguments that do not fit its spec throw a UsageError.
 */
export function runOnArguments(command: Command, args: readonly string[], out: Print, err: Print): number | Promise<number> {
  const cl = parseCommandLine(command.spec, args);
  if (cl === null) {
    out(commandHelp(command.spec));
    return 0;
  }
  return command.run(cl, out, err);
}

/** `parallax <command> --help`. */
export function commandHelp(spec: CommandSpec): string {
  const rows = allOptions(spec).map(([name, o]) => [`${o.short ? `-${o.short}, ` : '    '}${flagOf(name, o)}`, o.description]);
  const width = Math.max(...rows.map(([f]) => f.length));
  return [
    `Usage: ${synopsis(spec)}`,
    '',
    spec.summary,
    ...(spec.details && spec.details.length > 0 ? ['', ...spec.details] : []),
    '',
    'Options:',
    ...rows.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`),
    '',
    'Exit codes: 0 done, 1 the input has errors (parse), 2 a usage error or an unreadable file, 3 an internal error (a bug in Parallax).',
  ].join('\n');
}
