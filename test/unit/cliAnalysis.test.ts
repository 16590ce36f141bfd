import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ANALYZE, analyzeCommand, loadArticles } from '../../src/cli/analyzeCommand';
import { parseCommandLine } from '../../src/cli/args';
import type { CommandSpec, ParsedCommandLine, Print } from '../../src/cli/args';
import { COMPARE, compareCommand, findArticle, wordDiffLine } from '../../src/cli/compareCommand';
import { SCORE, scoreCommand } from '../../src/cli/scoreCommand';
import { UsageError } from '../../src/cli/io';
import { seedsPath } from './paths';

function run(spec: CommandSpec, command: (cl: ParsedCommandLine, out: Print) => number, args: string[]): { code: number; out: string } {
  const lines: string[] = [];
  const cl = parseCommandLine(spec, args);
  assert.ok(cl, 'not --help');
  const code = command(cl, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}

describe('parallax analyze / score / compare', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-cli-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('analyze --json follows the documented schema, with article names', () => {
    const { code, out } = run(ANALYZE, analyzeCommand, [seedsPath, '--json']);
    assert.strictEqual(code, 0);
    const json = JSON.parse(out) as Record<string, unknown[]>;
    assert.deepStrictEqual(Object.keys(json), ['articles', 'matches', 'quoteGroups', 'sources', 'copies', 'limits']);
    const article = json.articles[0] as Record<string, unknown[]>;
    assert.deepStrictEqual(Object.keys(article), ['name', 'sentences', 'quotes']);
    assert.deepStrictEqual(Object.keys(article.sentences[0] as object), ['start', 'end']);
    assert.deepStrictEqual(Object.keys(article.quotes[0] as object), ['start', 'end', 'text', 'speaker', 'cue']);
    const match = json.matches[0] as Record<string, Record<string, unknown>>;
    assert.deepStrictEqual(Object.keys(match), ['kind', 'score', 'boilerplate', 'a', 'b']);
    assert.deepStrictEqual(Object.keys(match.a), ['article', 'start', 'end', 'text']);
    assert.strictEqual(typeof match.a.article, 'string');
    const occurrence = (json.quoteGroups[0] as { occurrences: object[] }).occurrences[0];
    assert.deepStrictEqual(Object.keys(occurrence), ['article', 'start', 'end', 'text', 'speaker', 'relation', 'original']);
    assert.deepStrictEqual(Object.keys(json.quoteGroups[0] as object), ['originalReason', 'occurrences']);
    const source = json.sources[1] as { name: string; uniqueShare: number; covers: object[] };
    assert.deepStrictEqual(Object.keys(source), ['name', 'uniqueShare', 'origin', 'evidence', 'covers']);
    assert.deepStrictEqual(Object.keys(source.covers[0]), ['article', 'share', 'inOrder', 'relation', 'evidence']);
    const limits = (json as unknown as { limits: { capped: boolean; notes: string[]; work: Record<string, number> } }).limits;
    assert.strictEqual(typeof limits.capped, 'boolean');
    assert.ok(Array.isArray(limits.notes));
    assert.strictEqual(limits.work.articles, 5);
  });

  it('analyze prints a report that reads a rewrite as one', () => {
    const { out } = run(ANALYZE, analyzeCommand, [seedsPath]);
    assert.match(out, /001_\S+: 16 sentences/);
    // One direction per pair: 001 derives from 002, 002 is its source, never both ways.
    assert.match(out, /derives from 002_\S+: 16 of 16 sentences, in order/);
    assert.match(out, /source of 001_\S+: 14 of 14 sentences, in order/);
    assert.doesNotMatch(out, /derives from 001_/);
    assert.doesNotMatch(out, /follows/);
    // Each quote group names its original wording; 001's rewordings of AP are the misquotes.
    assert.match(out, /original 002_\S+: “If we now start/);
    assert.match(out, /reworded 001_\S+: “If we start speculating/);
    // Every direction the engine found is a line of the report, as the JSON has it.
    const json = JSON.parse(run(ANALYZE, analyzeCommand, [seedsPath, '--json']).out) as { sources: { name: string; origin: string | null }[] };
    for (const s of json.sources) {
      if (s.origin !== null) assert.ok(out.includes(`  ${s.name} derives from ${s.origin}`), `${s.name} derives from ${s.origin}`);
    }
  });

  it('treats a plain text file as one article named after the file', () => {
    const file = path.join(tmp, 'notes.txt');
    fs.writeFileSync(file, 'Just one article. With two sentences.');
    assert.deepStrictEqual(loadArticles(file).map((a) => a.name), ['notes.txt']);
    const json = JSON.parse(run(ANALYZE, analyzeCommand, [file, '--json']).out) as { articles: { sentences: unknown[] }[] };
    assert.strictEqual(json.articles[0].sentences.length, 2);
  });

  it('reports a missing file and an unknown article as usage errors that list the names', () => {
    assert.throws(() => run(ANALYZE, analyzeCommand, [path.join(tmp, 'missing.bundle')]), UsageError);
    assert.throws(() => run(COMPARE, compareCommand, [seedsPath, '001', 'nope']), (err: Error) => err instanceof UsageError && /003_4ff723355b29c616\.txt/.test(err.message));
  });

  it('finds articles by name, unique prefix or #number; a bare number is a name prefix', () => {
    const names = ['alpha.txt', 'beta.txt', 'alphabet.txt'];
    assert.strictEqual(findArticle(names, 'beta'), 1);
    assert.strictEqual(findArticle(names, 'alpha.txt'), 0);
    assert.strictEqual(findArticle(names, '#3'), 2);
    assert.throws(() => findArticle(names, 'alpha'), (e: Error) => e instanceof UsageError && /ambiguous/.test(e.message) && /#1 {2}alpha\.txt\n {2}#3 {2}alphabet\.txt$/.test(e.message));
    assert.throws(() => findArticle(names, '3'), (e: Error) => e instanceof UsageError && /write #3/.test(e.message) && /#2 {2}beta\.txt/.test(e.message));
    assert.throws(() => findArticle(names, '#4'), /no article #4: the bundle has 3 articles/);
    const numbered = ['000_a.txt', '001_b.txt', '002_c.txt', '003_d.txt'];
    assert.strictEqual(findArticle(numbered, '002'), 2, '"002" is the file 002_…, not the 2nd article');
    assert.strictEqual(findArticle(numbered, '#2'), 1);
  });

  it('compare prints aligned pairs with word differences, coloured only when asked', () => {
    const plain = run(COMPARE, compareCommand, [seedsPath, '001', '#3', '--no-color']).out;
    assert.match(plain, /^001_\S+ ↔ 002_\S+ · 14 aligned, 0 only in A, 0 only in B/);
    assert.match(plain, /\[-explained to journalists-\]\{\+told reporters\+\}/);
    assert.ok(!plain.includes('\x1b['));
    assert.ok(run(COMPARE, compareCommand, [seedsPath, '001', '002', '--color']).out.includes('\x1b[32m'));
    assert.strictEqual(wordDiffLine('a b c', 'a x c', false), 'a [-b-]{+x+} c');
  });

  it('score prints score and kind per line and rejects lines without a tab', () => {
    const file = path.join(tmp, 'pairs.tsv');
    fs.writeFileSync(file, 'The cat sat on the mat today.\tThe cat sat on the mat today.\nRain fell.\tMarkets rose.\n');
    assert.deepStrictEqual(run(SCORE, scoreCommand, [file]).out.split('\n'), ['1.000\tverbatim', '0.000\tnone']);
    fs.writeFileSync(file, 'no tab here\n');
    assert.throws(() => run(SCORE, scoreCommand, [file]), /pairs\.tsv:1: no tab/);
  });
});
