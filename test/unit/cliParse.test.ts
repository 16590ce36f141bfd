import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseCommandLine } from '../../src/cli/args';
import { PARSE, parseCommand } from '../../src/cli/parseCommand';
import { UsageError } from '../../src/cli/io';
import { seedsPath } from './paths';

function run(args: string[]): { code: number; out: string } {
  const lines: string[] = [];
  const cl = parseCommandLine(PARSE, args);
  assert.ok(cl, 'not --help');
  const code = parseCommand(cl, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}

describe('parallax parse', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-cli-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the articles of the seed bundle', () => {
    const { code, out } = run([seedsPath]);
    assert.strictEqual(code, 0);
    assert.match(out, /^5 articles in /);
    assert.match(out, /000_df4d46bdd5765e7b\.txt {2}\(line 1, \d+ words\)/);
    assert.match(out, /No problems\./);
  });

  it('prints JSON with offsets and problems with line and column, and exits 1 on errors', () => {
    const file = path.join(dir, 'bad.bundle');
    fs.writeFileSync(file, '<<<FILE name="a.txt" source=AP>>>\nText.\n<<<FILE broken\nMore.\n');
    const before = fs.readFileSync(file, 'utf8');
    const { code, out } = run([file, '--json']);
    assert.strictEqual(code, 1);
    const json = JSON.parse(out) as { articles: Array<{ name: string; attributes: Record<string, string> }>; problems: Array<{ code: string; line: number; column: number }> };
    assert.deepStrictEqual(json.articles.map((a) => a.name), ['a.txt', 'broken']);
    assert.deepStrictEqual(json.articles[0].attributes, { name: 'a.txt', source: 'AP' });
    assert.deepStrictEqual(json.problems.map((p) => [p.code, p.line, p.column]), [['unterminatedHeader', 3, 1]]);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), before, 'the bundle is never written');
  });

  it('says what to do with a missing file, a folder or a binary file', () => {
    assert.throws(() => run([path.join(dir, 'nope.bundle')]), (e: unknown) => e instanceof UsageError && /No such file/.test(e.message));
    assert.throws(() => run([dir]), (e: unknown) => e instanceof UsageError && /is a folder/.test(e.message));
    const bin = path.join(dir, 'x.bin');
    fs.writeFileSync(bin, Buffer.from([0x3c, 0, 1, 2]));
    assert.throws(() => run([bin]), (e: unknown) => e instanceof UsageError && /binary/.test(e.message));
    assert.throws(() => run([]), (e: unknown) => e instanceof UsageError && /Usage/.test(e.message));
  });
});
