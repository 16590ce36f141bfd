// The command line over the engine: `parallax <command> …`. Exit codes: 0 done, 1 the input has
// errors (parse), 2 a usage error or an unreadable file, 3 an internal error (a bug in Parallax).
import { version as packageVersion } from '../package.json';
import { ANALYZE, analyzeCommand } from './cli/analyzeCommand';
import { allOptions, commandHelp, runOnArguments, synopsis } from './cli/args';
import type { Command, Print } from './cli/args';
import { COMPARE, compareCommand } from './cli/compareCommand';
import { INTERNAL_ERROR_EXIT, internalErrorMessage } from './cli/internalError';
import { UsageError } from './cli/io';
import { EXPORT, exportCommand, IMPORT, importCommand } from './cli/passimCommands';
import { PARSE, parseCommand } from './cli/parseCommand';
import { SCORE, scoreCommand } from './cli/scoreCommand';

/** The subcommands, by name (a Map: the name is whatever the user typed). */
const COMMANDS = new Map<string, Command>([
  ['parse', { spec: PARSE, run: parseCommand }],
  ['analyze', { spec: ANALYZE, run: analyzeCommand }],
  ['score', { spec: SCORE, run: scoreCommand }],
  ['compare', { spec: COMPARE, run: (cl, out) => compareCommand(cl, out) }],
  ['export', { spec: EXPORT, run: exportCommand }],
  ['import', { spec: IMPORT, run: importCommand }],
]);

/** The version in package.json (esbuild bundles only this field of it into dist/cli.js). */
export function version(): string {
  return packageVersion;
}

/** The top-level usage: every command with every flag. */
export function usage(): string {
  const specs = [...COMMANDS.values()].map((c) => c.spec);
  return [
    'Usage: parallax <command> [arguments] [options]',
    '',
    'Commands:',
    ...specs.map((s) => `  ${synopsis(s).slice('parallax '.length)}`),
    '',
    'Every command takes -h/--help (its arguments and options) and --debug (the stack trace of an internal error).',
    'parallax --version prints the version. NO_COLOR=1 turns colour off (compare).',
    'Exit codes: 0 done, 1 the input has errors (parse), 2 a usage error or an unreadable file, 3 an internal error (a bug in Parallax; please report it).',
  ].join('\n');
}

/** Runs one command line; returns the exit code. Never throws. */
export async function main(argv: readonly string[], out: Print = (s) => process.stdout.write(`${s}\n`), err: Print = (s) => process.stderr.write(`${s}\n`)): Promise<number> {
  // `parallax --debug analyze x` is read as `parallax analyze x --debug`.
  const [name, ...args] = argv[0] === '--debug' && argv.length > 1 ? [...argv.slice(1), '--debug'] : argv;
  if (name === '--version' || name === '-V') {
    out(version());
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const about = name === 'help' && args[0] !== undefined ? COMMANDS.get(args[0]) : undefined;
    (name === undefined ? err : out)(about ? commandHelp(about.spec) : usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    err(`parallax: unknown command "${name}". The commands are: ${[...COMMANDS.keys()].join(', ')}.\n\n${usage()}`);
    return 2;
  }
  return runCommand(command, args, out, err);
}

/**
 * Runs a command on its arguments and turns what it throws into an exit code: a UsageError is one
 * line and 2; anything else is an internal error: one line (the stack too with --debug) and 3.
 */
export async function runCommand(command: Command, args: readonly string[], out: Print, err: Print): Promise<number> {
  const name = command.spec.name;
  try {
    return await runOnArguments(command, args, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`parallax ${name}: ${e.message}`);
      return 2;
    }
    err(internalErrorMessage(name, e, args.includes('--debug')));
    return INTERNAL_ERROR_EXIT;
  }
}

/** Every flag a command accepts (for tests and completions). */
export function commandFlags(name: string): string[] {
  const c = COMMANDS.get(name);
  return c ? allOptions(c.spec).map(([n]) => `--${n}`) : [];
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
