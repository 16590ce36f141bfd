import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parseBundle, looksLikeBundle } from '../../src/core/bundle/parseBundle';
import type { ParsedBundle } from '../../src/core/bundle/parseBundle';
import { repoRoot, seedsPath } from './paths';

function names(parsed: ParsedBundle): string[] {
  return parsed.articles.map((a) => a.name);
}
function codes(parsed: ParsedBundle): string[] {
  return parsed.problems.map((p) => p.code);
}
function attrs(parsed: ParsedBundle, i: number): Record<string, string> {
  return Object.fromEntries(parsed.articles[i].attributes.map((a) => [a.key, a.value]));
}

/** Every offset the parser returns points at the text it claims. */
function assertOffsetsConsistent(text: string, parsed: ParsedBundle): void {
  let last = -1;
  for (const a of parsed.articles) {
    assert.strictEqual(text.slice(a.contentRange.start, a.contentRange.end), a.text);
    assert.ok(text.startsWith('<<<FILE', a.headerRange.start), `header at ${a.headerRange.start}`);
    assert.ok(a.headerRange.start >= last, 'articles in order');
    assert.ok(a.headerRange.end <= a.contentRange.start);
    assert.ok(!text.slice(a.headerRange.start, a.headerRange.end).includes('\n'));
    if (a.endMarkerRange) {
      assert.ok(text.startsWith('<<<', a.endMarkerRange.start));
      assert.ok(a.endMarkerRange.start >= a.contentRange.end);
    }
    last = a.contentRange.end;
  }
  for (const p of parsed.problems) {
    assert.ok(p.range.start >= 0 && p.range.start <= p.range.end && p.range.end <= text.length, `problem range ${JSON.stringify(p.range)}`);
    assert.ok(p.message.length > 20);
  }
  assert.strictEqual(new Set(names(parsed)).size, parsed.articles.length, 'names are unique');
}

describe('parseBundle', () => {
  it('reads the seed bundle: five articles, bare names, no problems, exact text', () => {
    const text = fs.readFileSync(seedsPath, 'utf8');
    const parsed = parseBundle(text);
    assert.deepStrictEqual(names(parsed), [
      '000_df4d46bdd5765e7b.txt', '001_d522085931918025.txt', '002_ad8f66361adfcbe6.txt',
      '003_4ff723355b29c616.txt', '004_50d4edc278dcf8fa.txt',
    ]);
    assert.deepStrictEqual(parsed.problems, []);
    assert.ok(parsed.articles[0].text.startsWith('NATO Secretary-General Mark Rutte'));
    assert.ok(parsed.articles[0].text.endsWith('— Euronews'));
    assert.ok(!parsed.articles[0].text.includes('\n'), '000 is a single line');
    assert.ok(parsed.articles[4].text.endsWith('Editing by Lisa Shumaker)'));
    assertOffsetsConsistent(text, parsed);
  });

  it('keeps spaces and slashes in bare names', () => {
    const parsed = parseBundle('<<<FILE my notes/draft 2.txt>>>\nHello there.\n');
    assert.deepStrictEqual(names(parsed), ['my notes/draft 2.txt']);
    assert.strictEqual(parsed.articles[0].text, 'Hello there.');
  });

  it('reads quoted and unquoted attributes, and names articles by name, path, title, else Article N', () => {
    const text = [
      '<<<FILE name="Reuters.txt" source="Reuters" date="2024-12-18" url="https://example.org/a?b=c">>>', 'a',
      '<<<FILE path=src/a.txt source=AP>>>', 'b',
      "<<<FILE title='Evening wrap' source=BBC>>>", 'c',
      '<<<FILE source=Nobody>>>', 'd',
      '<<<FILE>>>', 'e',
    ].join('\n');
    const parsed = parseBundle(text);
    assert.deepStrictEqual(names(parsed), ['Reuters.txt', 'src/a.txt', 'Evening wrap', 'Article 4', 'Article 5']);
    assert.deepStrictEqual(attrs(parsed, 0), { name: 'Reuters.txt', source: 'Reuters', date: '2024-12-18', url: 'https://example.org/a?b=c' });
    assert.deepStrictEqual(attrs(parsed, 1), { path: 'src/a.txt', source: 'AP' });
    assert.deepStrictEqual(parsed.articles.map((a) => a.text), ['a', 'b', 'c', 'd', 'e']);
    assert.deepStrictEqual(parsed.problems, []);
  });

  it('reads BEGIN … <<<FILE END>>> blocks and every end marker form', () => {
    const text = [
      '<<<FILE name="x" BEGIN>>>', 'one', '<<<FILE END>>>',
      '<<<FILE y.txt>>>', 'two', '<<<END>>>',
      '<<<FILE z.txt>>>', 'three', '<<<END FILE>>>',
      '',
      '<<<FILE w.txt>>>', 'four',
    ].join('\n');
    const parsed = parseBundle(text);
    assert.deepStrictEqual(names(parsed), ['x', 'y.txt', 'z.txt', 'w.txt']);
    assert.deepStrictEqual(parsed.articles.map((a) => a.text), ['one', 'two', 'three', 'four']);
    assert.ok(parsed.articles.slice(0, 3).every((a) => a.endMarkerRange !== null));
    assert.strictEqual(parsed.articles[3].endMarkerRange, null);
    assert.deepStrictEqual(parsed.problems, [], 'a blank line between an end marker and a header is fine');
  });

  it('treats header-like lines inside a block as text until the matching <<<END FILE id>>>', () => {
    const text = '<<<FILE 3f9a2c path=notes.txt>>>\n<<<FILE inner.txt>>>\nquoted bundle\n<<<END>>>\n<<<END FILE 3f9a2c>>>\n<<<FILE next.txt>>>\nafter\n';
    const parsed = parseBundle(text);
    assert.deepStrictEqual(names(parsed), ['notes.txt', 'next.txt']);
    assert.strictEqual(parsed.articles[0].blockId, '3f9a2c');
    assert.strictEqual(parsed.articles[0].text, '<<<FILE inner.txt>>>\nquoted bundle\n<<<END>>>');
    assert.strictEqual(parsed.articles[1].text, 'after\n'.trimEnd() + '');
    assert.deepStrictEqual(parsed.problems, []);
  });

  it('reports a block that is never closed, and ends it at the next header', () => {
    const parsed = parseBundle('<<<FILE abc path=a.txt>>>\nx\n<<<FILE b.txt>>>\ny');
    assert.deepStrictEqual(names(parsed), ['a.txt', 'b.txt']);
    assert.deepStrictEqual(codes(parsed), ['unclosedBlock']);
    assert.match(parsed.problems[0].message, /<<<END FILE abc>>>/);
  });

  it('handles CRLF and a BOM', () => {
    const text = '\uFEFF<<<FILE a.txt>>>\r\nline one\r\nline two\r\n<<<FILE b.txt>>>\r\nthree\r\n';
    const parsed = parseBundle(text);
    assert.deepStrictEqual(names(parsed), ['a.txt', 'b.txt']);
    assert.strictEqual(parsed.articles[0].text, 'line one\r\nline two');
    assert.strictEqual(parsed.articles[1].text, 'three');
    assert.strictEqual(parsed.articles[0].headerRange.start, 1);
    assert.deepStrictEqual(parsed.problems, []);
    assert.ok(looksLikeBundle(text));
  });

  it('keeps Unicode names intact', () => {
    const parsed = parseBundle('<<<FILE name="Zürich – 東京 📰.txt">>>\nx\n<<<FILE Łódź/relacja.txt>>>\ny');
    assert.deepStrictEqual(names(parsed), ['Zürich – 東京 📰.txt', 'Łódź/relacja.txt']);
  });

  it('reports an unterminated header and still reads its article', () => {
    const parsed = parseBundle('<<<FILE foo\nbody text\n');
    assert.deepStrictEqual(names(parsed), ['foo']);
    assert.deepStrictEqual(codes(parsed), ['unterminatedHeader']);
    assert.strictEqual(parsed.problems[0].severity, 'error');
    assert.deepStrictEqual(parsed.problems[0].range, { start: 0, end: 11 });
  });

  it('reports stray and unmatched end markers', () => {
    const stray = parseBundle('<<<END>>>\n<<<FILE a.txt>>>\nx\n');
    assert.deepStrictEqual(codes(stray), ['strayEndMarker']);
    const unmatched = parseBundle('<<<FILE a.txt>>>\nx\n<<<END FILE zzz>>>\n');
    assert.deepStrictEqual(codes(unmatched), ['unmatchedEndMarker']);
    assert.strictEqual(unmatched.articles[0].text, 'x');
  });

  it('reports empty articles', () => {
    const parsed = parseBundle('<<<FILE a.txt>>>\n\n   \n<<<FILE b.txt>>>\ny');
    assert.deepStrictEqual(codes(parsed), ['emptyArticle']);
    assert.match(parsed.problems[0].message, /"a\.txt" is empty/);
  });

  it('disambiguates duplicate names instead of dropping them', () => {
    const parsed = parseBundle('<<<FILE a.txt>>>\n1\n<<<FILE a.txt>>>\n2\n<<<FILE name="a.txt">>>\n3');
    assert.deepStrictEqual(names(parsed), ['a.txt', 'a.txt (2)', 'a.txt (3)']);
    assert.deepStrictEqual(codes(parsed), ['duplicateName', 'duplicateName']);
  });

  it('keeps and reports text outside articles, but not blank text', () => {
    const text = 'Preamble by the archivist.\n<<<FILE a.txt>>>\nx\n<<<END>>>\nStray note.\n<<<FILE b.txt>>>\ny\n<<<END>>>\n\n';
    const parsed = parseBundle(text);
    assert.deepStrictEqual(codes(parsed), ['strayText', 'strayText']);
    assert.strictEqual(text.slice(parsed.problems[0].range.start, parsed.problems[0].range.end), 'Preamble by the archivist.');
    assert.strictEqual(text.slice(parsed.problems[1].range.start, parsed.problems[1].range.end), 'Stray note.');
    assert.strictEqual(parsed.outside.length, 3);
  });

  it('finds no article in plain text, and says how to make one', () => {
    const parsed = parseBundle('Just an article, no header.');
    assert.strictEqual(parsed.articles.length, 0);
    assert.deepStrictEqual(codes(parsed), ['strayText']);
    assert.match(parsed.problems[0].message, /<<<FILE/);
    assert.ok(!looksLikeBundle('Just text\n<<<END>>>'));
  });

  it('only sees headers at column 0', () => {
    const parsed = parseBundle('<<<FILE a.txt>>>\n  <<<FILE not-a-header>>>\nsee <<<FILE x>>> here');
    assert.deepStrictEqual(names(parsed), ['a.txt']);
  });

  describe('fixture bundles (test/fixtures/variants, expectations from its README)', () => {
    const dir = path.join(repoRoot, 'test', 'fixtures', 'variants');
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    // "- `file` — … Expect: N articles [`a`, `b`]; problems: none." or "problems: kind ×n, kind ×n."
    const LINE = /^- `([^`]+)` — .*Expect: (\d+) articles? \[(.*)\]; problems: (.*)\.$/gm;
    const cases = [...readme.matchAll(LINE)];
    it('has an expectation for every fixture file', () => {
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.bundle')).sort();
      assert.deepStrictEqual(cases.map((c) => c[1]).sort(), files);
      assert.ok(files.length >= 14);
    });
    for (const [, file, count, nameList, problemList] of cases) {
      it(file, () => {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        const parsed = parseBundle(text);
        const expectedNames = [...nameList.matchAll(/`([^`]*)`/g)].map((m) => m[1]);
        assert.strictEqual(parsed.articles.length, Number(count));
        assert.deepStrictEqual(names(parsed), expectedNames);
        const expectedProblems = problemList === 'none' ? [] : problemList.split(', ').flatMap((p) => {
          const [code, times] = p.split(' ×');
          return Array<string>(Number(times)).fill(code);
        });
        assert.deepStrictEqual([...codes(parsed)].sort(), expectedProblems.sort());
        assertOffsetsConsistent(text, parsed);
      });
    }
  });

  it('keeps CRLF inside article text but not at its end, and skips the BOM', () => {
    const crlf = parseBundle(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'variants', 'crlf.bundle'), 'utf8'));
    for (const a of crlf.articles) {
      assert.ok(!a.text.endsWith('\r') && !a.name.endsWith('\r'));
    }
    assert.ok(crlf.articles.some((a) => a.text.includes('\r\n')));
    const bomText = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'variants', 'bom.bundle'), 'utf8');
    assert.strictEqual(bomText.charCodeAt(0), 0xfeff);
    assert.strictEqual(parseBundle(bomText).articles[0].headerRange.start, 1);
  });

  it('never throws on arbitrary input, and every offset points back to its text (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('<<<FILE ', '<<<FILE a.txt>>>', '<<<END>>>', '<<<END FILE ', '<<<FILE END>>>', '>>>', '\n', '\r\n', '\uFEFF',
        'name="x"', ' BEGIN', 'id7 path=p.txt', '<<<END FILE id7>>>', '"', ' ', 'text'),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
      const text = pieces.join('');
      assertOffsetsConsistent(text, parseBundle(text));
    }), { numRuns: 2000 });
  });
});
