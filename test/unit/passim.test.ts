// passim in, passim out: offsets (code points vs UTF-16), the export records, the reading of
// passim's output folders (fixtures in test/fixtures/passim, made by make-fixtures.mjs in
// passim's documented formats) and the bundles a cluster becomes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { codePointLength, codePointsToUtf16, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from '../../src/core/passim/codePoints';
import { parseJsonLines, quoteLongIntegers } from '../../src/core/passim/jsonLines';
import { passimJsonLines, toPassimRecords } from '../../src/core/passim/toPassim';
import { readPassimOutput, PassimLayoutError } from '../../src/core/passim/readOutput';
import { clustersFromPassim } from '../../src/core/passim/clusters';
import { clusterBundleText, clustersBundleText, clusterSummary, headerValue } from '../../src/core/passim/clusterBundle';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { analyzeBundle } from '../../src/core/analyze';
import { nodeFolderAccess } from '../../src/cli/passimFolder';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'passim');

describe('passim offsets: code points and UTF-16', () => {
  const text = 'a🌊b𝔐c\r\nd'; // 🌊 and 𝔐 are two UTF-16 units each, one code point each

  it('counts code points as Python does', () => {
    assert.strictEqual(codePointLength(text), 8);
    assert.strictEqual(text.length, 10);
    assert.strictEqual(codePointLength('\ud800x'), 2, 'a lone surrogate is one code point');
  });

  it('maps code-point offsets to UTF-16 offsets past astral characters, in any order', () => {
    assert.deepStrictEqual(codePointsToUtf16(text, [0, 1, 2, 3, 4, 5, 8, 99, -3]), [0, 1, 3, 4, 6, 7, 10, 10, 0]);
    assert.deepStrictEqual(codePointsToUtf16(text, [5, 2, 4]), [7, 3, 6]);
    assert.strictEqual(codePointToUtf16(text, 3), 4);
  });

  it('maps back, a UTF-16 offset inside a pair counting as the pair', () => {
    for (let cp = 0; cp <= 8; cp++) assert.strictEqual(utf16ToCodePoint(text, codePointToUtf16(text, cp)), cp);
    assert.strictEqual(utf16ToCodePoint(text, 2), 1);
  });

  it("slices as Python's text[begin:end]", () => {
    assert.strictEqual(sliceCodePoints(text, 1, 4), '🌊b𝔐');
    assert.strictEqual(sliceCodePoints(text, 4, 6), 'c\r');
  });
});

describe('passim JSON Lines', () => {
  it('reads 64-bit integers as exact strings and leaves other numbers alone', () => {
    const line = '{"uid":7292826185381936131,"size":2,"pboiler":0.1234567890123456789,"x":-4120338911702915577,"s":"12345678901234567890","e":1e-20}';
    const value = JSON.parse(quoteLongIntegers(line)) as Record<string, unknown>;
    assert.strictEqual(value.uid, '7292826185381936131');
    assert.strictEqual(value.x, '-4120338911702915577');
    assert.strictEqual(value.size, 2);
    assert.strictEqual(value.pboiler, 0.12345678901234568);
    assert.strictEqual(value.s, '12345678901234567890');
    assert.strictEqual(value.e, 1e-20);
  });

  it('reports lines that are not records, with their numbers, and reads CRLF files', () => {
    const read = parseJsonLines('{"id":"a"}\r\n\r\nnot json\n[1]\n{"id":"b"}');
    assert.deepStrictEqual(read.values.map((v) => v.id), ['a', 'b']);
    assert.deepStrictEqual(read.problems.map((p) => p.line), [3, 4]);
  });
});

describe('passim export', () => {
  it('makes the corpus bundle into exactly the fixture input (id, series, date, other attributes, text)', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'corpus.bundle'), 'utf8');
    const articles = parseBundle(text).articles;
    const records = toPassimRecords([{ name: 'corpus.bundle', articles }]);
    assert.strictEqual(passimJsonLines(records), fs.readFileSync(path.join(FIXTURES, 'input.json'), 'utf8'));
    assert.ok(records[1].text.includes('\r\n'), 'CRLF inside an article is kept');
    assert.strictEqual(records[3].series, 'corpus.bundle', 'no source attribute: the bundle name');
  });

  it('keeps ids unique across bundles, renames passim field names and keeps "__proto__"', () => {
    const a = { name: 'x.txt', text: 'One.', attributes: [{ key: 'name', value: 'x.txt' }, { key: 'id', value: '7' }, { key: '__proto__', value: 'p' }] };
    const records = toPassimRecords([{ name: 'a.bundle', articles: [a, a] }, { name: 'b.bundle', articles: [{ ...a, name: 'y.txt' }] }]);
    assert.deepStrictEqual(records.map((r) => r.id), ['a.bundle/x.txt', 'a.bundle/x.txt (2)', 'y.txt']);
    assert.strictEqual(records[0].attr_id, '7');
    const line = JSON.parse(passimJsonLines(records).split('\n')[0]) as Record<string, string>;
    assert.strictEqual(Object.getOwnPropertyDescriptor(line, '__proto__')?.value, 'p');
    assert.strictEqual(line.series, 'a.bundle');
  });
});

describe('passim output folders', () => {
  const input = new Map(fs.readFileSync(path.join(FIXTURES, 'input.json'), 'utf8').trim().split('\n')
    .map((l) => JSON.parse(l) as { id: string; text: string }).map((d) => [d.id, d.text]));

  it('reads every part file of out.json, gzip’d or not, and keeps 64-bit uids apart', async () => {
    const read = await readPassimOutput(nodeFolderAccess(path.join(FIXTURES, 'out-basic')));
    assert.deepStrictEqual(read.problems, []);
    assert.strictEqual(read.files.length, 3);
    assert.ok(read.files.some((f) => f.endsWith('.json.gz')));
    assert.strictEqual(read.passages.length, 6);
    const uids = new Set(read.passages.map((p) => p.uid));
    assert.ok(uids.has('7292826185381936130') && uids.has('7292826185381936131'), [...uids].join());
    assert.strictEqual(read.passages[0].extra.get('url'), 'https://example.org/courier/0211', 'extra fields pass through');
  });

  it("gives offsets that cut the document's passage once converted to UTF-16 (astral characters, CRLF)", async () => {
    const read = await readPassimOutput(nodeFolderAccess(path.join(FIXTURES, 'out-basic')));
    for (const p of read.passages) {
      const doc = input.get(p.id) ?? '';
      const [start, end] = codePointsToUtf16(doc, [p.begin, p.end]);
      assert.strictEqual(doc.slice(start, end), p.text, p.id);
    }
    const courier = read.passages.find((p) => p.id === 'courier-0211.txt');
    assert.ok(courier && codePointToUtf16(input.get(courier.id) ?? '', courier.begin) === courier.begin + 1, 'one astral character before the passage');
  });

  it('builds clusters with src resolved to article names, largest and then lowest id first', async () => {
    const read = await readPassimOutput(nodeFolderAccess(path.join(FIXTURES, 'out-basic')));
    const clusters = clustersFromPassim(read.passages, read.alignments);
    assert.deepStrictEqual(clusters.map((c) => c.id), ['8589934593', '17179869187', '25769803790']);
    const [first] = clusters;
    assert.deepStrictEqual(first.articles.map((a) => [a.name, a.src, a.srcFrom]), [['courier-0211.txt', null, null], ['bulletin-0212.txt', 'courier-0211.txt', 'src']]);
    assert.deepStrictEqual(clustersFromPassim(read.passages, [], { minSize: 3 }), []);
  });

  it('reads --pairwise output: align.json pairs placed in the articles, UTF-16 ranges', async () => {
    const read = await readPassimOutput(nodeFolderAccess(path.join(FIXTURES, 'out-pairwise')));
    assert.deepStrictEqual(read.problems, []);
    assert.strictEqual(read.alignments.length, 3);
    // Without out.json's src, the source comes from the pair's source side.
    const noSrc = read.passages.map((p) => ({ ...p, src: [] }));
    const clusters = clustersFromPassim(noSrc, read.alignments);
    assert.deepStrictEqual(clusters.map((c) => c.articles.map((a) => a.src)), [[null, 'courier-0211.txt'], [null, 'bulletin-0212.txt'], [null, 'gazette-0213.txt']]);
    for (const c of clusters) {
      for (const a of c.alignments) {
        const s = c.articles[a.source].passage.text;
        assert.deepStrictEqual(a.sourceRange, { start: 0, end: s.length }, 'the whole passage, in UTF-16 units');
      }
    }
  });

  it('says what to choose when the folder is not passim output', async () => {
    await assert.rejects(readPassimOutput(nodeFolderAccess(FIXTURES)), (e: unknown) => e instanceof PassimLayoutError && /out\.json/.test(e.message));
    await assert.rejects(readPassimOutput(nodeFolderAccess(path.join(FIXTURES, 'nope'))), PassimLayoutError);
  });

  it('accepts the out.json folder itself', async () => {
    const read = await readPassimOutput(nodeFolderAccess(path.join(FIXTURES, 'out-basic', 'out.json')));
    assert.strictEqual(read.passages.length, 6);
  });
});

describe('passim clusters as bundles', () => {
  it('writes one article per passage whose header carries cluster, series, date and src, and that analyses', async () => {
    const read = await readPassimOutput(nodeFolderAccess(path.join(FIXTURES, 'out-pairwise')));
    const [cluster] = clustersFromPassim(read.passages, read.alignments);
    const text = clusterBundleText(cluster);
    const parsed = parseBundle(text);
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(parsed.articles.map((a) => a.text), cluster.articles.map((a) => a.passage.text), 'texts exactly, CRLF and astral characters included');
    const attrs = Object.fromEntries(parsed.articles[1].attributes.map((x) => [x.key, x.value]));
    assert.deepStrictEqual(
      { name: attrs.name, cluster: attrs.cluster, series: attrs.series, date: attrs.date, src: attrs.src, begin: attrs.begin },
      { name: 'bulletin-0212.txt', cluster: '8589934593', series: 'Harbor Bulletin', date: '2026-02-12', src: 'courier-0211.txt', begin: '98' },
    );
    const analysis = analyzeBundle(parsed.articles.map((a) => ({ name: a.name, text: a.text })));
    assert.ok(analysis.matches.some((m) => m.kind === 'verbatim'), 'the two copies of the notice match verbatim');
  });

  it('names every cluster in a bundle of several, and keeps header values readable', async () => {
    const read = await readPassimOutput(nodeFolderAccess(path.join(FIXTURES, 'out-basic')));
    const parsed = parseBundle(clustersBundleText(clustersFromPassim(read.passages)));
    assert.strictEqual(parsed.articles.length, 6);
    assert.deepStrictEqual(parsed.problems.filter((p) => p.severity === 'error'), []);
    assert.strictEqual(headerValue('a "b" c'), `'a "b" c'`);
    assert.strictEqual(headerValue('x>>>y\nz'), '"x>> >y z"');
  });

  it('sums a cluster up for the quick pick: size, series, first words', async () => {
    const read = await readPassimOutput(nodeFolderAccess(path.join(FIXTURES, 'out-basic')));
    const [first, second] = clustersFromPassim(read.passages);
    assert.deepStrictEqual(clusterSummary(first, 6), {
      label: '2 documents: Coastal Courier, Harbor Bulletin',
      description: 'cluster 8589934593',
      detail: '"Stay off the dunes tonight, the',
    });
    assert.strictEqual(clusterSummary(second).label, '2 documents: Harbor Bulletin, Valley Gazette');
  });

  it('keeps a passage that quotes a bundle header inside its own article', () => {
    const passage = { id: 'q', uid: '1', cluster: '1', size: 1, begin: 0, end: 20, text: 'Before\n<<<FILE x>>>\nafter', series: null, date: null, src: [], pboiler: null, extra: new Map<string, string>() };
    const parsed = parseBundle(clustersBundleText(clustersFromPassim([passage])));
    assert.strictEqual(parsed.articles.length, 1);
  });
});
