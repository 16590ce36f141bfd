// The CLI's habits (issue 11 §3, issue 8 §1): strict options with a message that lists the valid
// flags, --help per command, --version, usage that lists every flag, NO_COLOR, and internal errors
// as one line (the stack only with --debug) and exit code 3.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { commandFlags, main, runCommand, usage } from '../../src/cli';
import { ANALYZE } from '../../src/cli/analyzeCommand';
import { parseCommandLine } from '../../src/cli/args';
import { COMPARE, compareCommand } from '../../src/cli/compareCommand';
import { engineStep, InternalError } from '../../src/cli/internalError';
import { seedsPath } from './paths';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const COMMAND_NAMES = ['parse', 'analyze', 'score', 'compare', 'export', 'import'];

describe('parallax CLI habits', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-habits-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('refuses a mistyped option, suggests the right one and lists the valid flags', async () => {
    const parse = await cli(['parse', seedsPath, '--jsno']);
    assert.strictEqual(parse.code, 2);
    assert.strictEqual(parse.out, '');
    assert.match(parse.err, /^parallax parse: Unknown option --jsno\. Did you mean --json\? The options of "parallax parse" are: --json, --help, --debug\.$/);
    const compare = await cli(['compare', seedsPath, '001', '002', '--colour']);
    assert.strictEqual(compare.code, 2);
    assert.match(compare.err, /Did you mean --color\?.*--no-color/);
    const value = await cli(['analyze', seedsPath, '--json=yes']);
    assert.strictEqual(value.code, 2);
    assert.match(value.err, /--json.*does not take an argument/);
  });

  it('has --help for every command, listing every flag it takes', async () => {
    for (const name of COMMAND_NAMES) {
      const { code, out } = await cli([name, '--help']);
      assert.strictEqual(code, 0, name);
      assert.match(out, new RegExp(`^Usage: parallax ${name} `), name);
      for (const flag of commandFlags(name)) assert.ok(out.includes(flag), `${name} --help shows ${flag}`);
      assert.match(out, /3 an internal error/);
    }
    assert.strictEqual((await cli(['help', 'compare'])).out, (await cli(['compare', '-h'])).out);
  });

  it('prints its version, and a usage that lists every command with every flag', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    assert.deepStrictEqual(await cli(['--version']), { code: 0, out: pkg.version, err: '' });
    const text = usage();
    for (const name of COMMAND_NAMES) {
      for (const flag of commandFlags(name).filter((f) => f !== '--help' && f !== '--debug')) assert.ok(text.includes(flag), `usage shows ${name} ${flag}`);
    }
    assert.ok(text.includes('--no-color') && text.includes('--debug') && text.includes('--version') && text.includes('NO_COLOR'));
    const none = await cli([]);
    assert.strictEqual(none.code, 2);
    assert.strictEqual(none.err, text);
  });

  it('treats the command name as text: "constructor" is an unknown command, not a crash', async () => {
    const { code, err } = await cli(['constructor']);
    assert.strictEqual(code, 2);
    assert.match(err, /unknown command "constructor"\. The commands are: parse, analyze, score, compare, export, import\./);
  });

  it('takes --debug before the command too', async () => {
    const { code, out } = await cli(['--debug', 'parse', seedsPath]);
    assert.strictEqual(code, 0);
    assert.match(out, /^5 articles in /);
  });

  it('respects NO_COLOR unless --color is given; --no-color always wins', () => {
    const run = (args: string[], env: { noColor: boolean; isTTY: boolean }): string => {
      const lines: string[] = [];
      const cl = parseCommandLine(COMPARE, [seedsPath, '001', '002', ...args]);
      assert.ok(cl, 'not --help');
      compareCommand(cl, (s) => lines.push(s), env);
      return lines.join('\n');
    };
    const escapes = (s: string): boolean => s.includes('\x1b[');
    assert.ok(escapes(run([], { noColor: false, isTTY: true })), 'a terminal gets colour');
    assert.ok(!escapes(run([], { noColor: true, isTTY: true })), 'NO_COLOR turns it off');
    assert.ok(!escapes(run([], { noColor: false, isTTY: false })), 'a pipe gets none');
    assert.ok(escapes(run(['--color'], { noColor: true, isTTY: false })), '--color asks for it');
    assert.ok(!escapes(run(['--no-color'], { noColor: false, isTTY: true })));
  });

  it('reports an internal error in one line with exit code 3, the stack only with --debug', async () => {
    const lookup = (table: { x: number } | null): number => (table as { x: number }).x;
    const failing = (): number => lookup(null); // a real TypeError: Cannot read properties of null
    const command = { spec: ANALYZE, run: failing };
    const lines: string[] = [];
    assert.strictEqual(await runCommand(command, ['x.bundle'], () => undefined, (s) => lines.push(s)), 3);
    assert.strictEqual(lines.length, 1);
    assert.strictEqual(lines[0].split('\n').length, 1, lines[0]);
    assert.match(lines[0], /^parallax analyze: internal error: TypeError: .+ This is a bug in Parallax, not in your file: please report it .*--debug\.$/);
    const debug: string[] = [];
    assert.strictEqual(await runCommand(command, ['x.bundle', '--debug'], () => undefined, (s) => debug.push(s)), 3);
    assert.match(debug[0], /\n\s+at lookup /, 'the stack follows the line');
  });

  it('names the step and the article that makes it fail on its own', () => {
    const articles = [{ name: 'fine.txt', text: 'ok' }, { name: 'bad.txt', text: 'boom' }, { name: 'also.txt', text: 'ok' }];
    const step = (list: readonly { text: string }[]): number => list.map((a) => (a.text === 'boom' ? JSON.parse(a.text) as number : 1)).length;
    // The same step on each article alone finds the one that fails.
    const alone = (list: readonly { name: string; text: string }[]): string | undefined => list.find((a) => {
      try { step([a]); return false; } catch { return true; }
    })?.name;
    assert.throws(() => engineStep('analysing the bundle', articles, step, alone), (e: unknown) =>
      e instanceof InternalError && e.article === 'bad.txt' && /^analysing the bundle \(article "bad\.txt"\): SyntaxError/.test(e.message));
    // By default the engine analyses each article alone: here every article analyses, so no article is named.
    assert.throws(() => engineStep('analysing the bundle', articles, step), (e: unknown) => e instanceof InternalError && e.article === null && /^analysing the bundle: SyntaxError/.test(e.message));
  });

  it('keeps the clear exit-2 message for a file that is not text', async () => {
    const bin = path.join(tmp, 'image.bundle');
    fs.writeFileSync(bin, Buffer.from([0x3c, 0x3c, 0x3c, 0, 1, 2, 0xff]));
    for (const name of ['parse', 'analyze']) {
      const { code, err } = await cli([name, bin]);
      assert.strictEqual(code, 2);
      assert.match(err, /looks binary \(it contains NUL bytes\)/);
    }
  });

  it('analyses a bundle whose text holds every Object.prototype name (exit 0)', async () => {
    const file = path.join(tmp, 'proto.bundle');
    const words = Object.getOwnPropertyNames(Object.prototype).join(' ');
    fs.writeFileSync(file, `<<<FILE name="a" constructor="x">>>\nThe constructor said "${words} __proto__ prototype".\n<<<FILE b>>>\nThe constructor said "${words} __proto__ prototype".\n`);
    const { code, out } = await cli(['analyze', file, '--json']);
    assert.strictEqual(code, 0);
    assert.ok((JSON.parse(out) as { matches: unknown[] }).matches.length > 0);
  });
});
