// The command line over the engine: `parallax <command> …`. Reads files, never writes them.
import { UsageError } from './cli/io';
import { parseCommand } from './cli/parseCommand';
import { analyzeCommand } from './cli/analyzeCommand';
import { scoreCommand } from './cli/scoreCommand';
import { compareCommand } from './cli/compareCommand';

type Command = (args: readonly string[], out: (s: string) => void) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  parse: { run: parseCommand, help: 'parse <bundle> [--json]            list the articles and the problems of a bundle' },
  analyze: { run: analyzeCommand, help: 'analyze <bundle|text file> [--json]  sentences, quotes, shared passages, quote groups, sources' },
  score: { run: scoreCommand, help: 'score <pairs.tsv>                  score and kind of each "sentence1<TAB>sentence2" line' },
  compare: { run: compareCommand, help: 'compare <bundle> <articleA> <articleB> [--color]  aligned sentences with word differences' },
};

function usage(): string {
  return ['Usage: parallax <command> [arguments]', '', 'Commands:', ...Object.values(COMMANDS).map((c) => `  ${c.help}`)].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`parallax: unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args, (s) => process.stdout.write(`${s}\n`));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`parallax ${name}: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack ?? err.message : String(err));
      process.exitCode = 3;
    },
  );
}
