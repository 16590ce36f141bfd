import * as assert from 'assert';
import { ANALYZE, analyzeCommand } from '../../src/cli/analyzeCommand';
import { parseCommandLine } from '../../src/cli/args';
import { printJsonPieces } from '../../src/cli/jsonPieces';
import { seedsPath } from './paths';

/** What printJsonPieces prints through an `out` that ends each piece with a line break (as the CLI's does). */
function printed(value: unknown): { text: string; pieces: number } {
  const pieces: string[] = [];
  printJsonPieces(value, (s) => pieces.push(s));
  return { text: pieces.join('\n'), pieces: pieces.length };
}

describe('printJsonPieces (the CLI\'s --json output)', () => {
  const values: [string, unknown][] = [
    ['a report-shaped object', {
      articles: [{ name: 'a.txt', sentences: [{ start: 0, end: 5 }], quotes: [] }, { name: 'b "quoted"\n', sentences: [], quotes: [{ text: '“È”\u2028\u0000', speaker: null }] }],
      matches: [],
      nested: { deep: [[1, [2, []]], {}], empty: {} },
      limits: null,
      copies: [undefined, () => 1, Symbol('s'), NaN, -0, 1e21],
      left: undefined,
      fn: () => 0,
      when: new Date(0),
    }],
    ['an empty object', {}],
    ['an object of omitted fields only', { a: undefined }],
    ['a top-level array', [{ a: [1, 2] }, [], 'x']],
    ['an empty array', []],
    ['a string', 'line\nbreak'],
    ['null', null],
    ['a number', 3.5],
    ['an object with toJSON', { toJSON: () => ({ x: [1] }) }],
  ];
  for (const [what, value] of values) {
    it(`prints the same bytes as JSON.stringify(v, null, 2): ${what}`, () => {
      assert.strictEqual(printed(value).text, JSON.stringify(value, null, 2));
    });
  }

  it('prints a long array element by element, not as one string', () => {
    const matches = Array.from({ length: 1000 }, (_, k) => ({ kind: 'verbatim', a: { start: k, end: k + 1, text: `text ${k}` } }));
    const { text, pieces } = printed({ articles: [], matches, limits: null });
    assert.strictEqual(text, JSON.stringify({ articles: [], matches, limits: null }, null, 2));
    assert.strictEqual(pieces, 1000 + 6, 'one piece per match, plus {, "articles": [], "matches": [, ], "limits": null and }');
  });

  it('is how `analyze --json` prints: one piece per match, the same JSON', () => {
    const cl = parseCommandLine(ANALYZE, [seedsPath, '--json']);
    assert.ok(cl);
    const pieces: string[] = [];
    assert.strictEqual(analyzeCommand(cl, (s) => pieces.push(s)), 0);
    const json = JSON.parse(pieces.join('\n')) as { matches: unknown[] };
    assert.ok(json.matches.length > 0);
    assert.ok(pieces.length > json.matches.length, `${pieces.length} pieces for ${json.matches.length} matches`);
    assert.strictEqual(pieces.join('\n'), JSON.stringify(json, null, 2));
  });
});
