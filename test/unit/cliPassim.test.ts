// parallax export --format passim and parallax import --format passim on the fixtures of
// test/fixtures/passim (passim's formats: several part files, gzip'd and not, --pairwise output).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { codePointsToUtf16 } from '../../src/core/passim/codePoints';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'passim');
const CORPUS = path.join(FIXTURES, 'corpus.bundle');

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('parallax export / import --format passim', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-passim-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('exports a bundle as passim input, to a file or stdout', async () => {
    const file = path.join(tmp, 'in.jsonl');
    const written = await cli(['export', '--format', 'passim', CORPUS, '-o', file]);
    assert.strictEqual(written.code, 0, written.err);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), fs.readFileSync(path.join(FIXTURES, 'input.json'), 'utf8'));
    const piped = await cli(['export', '--format=passim', CORPUS]);
    assert.strictEqual(`${piped.out}\n`, fs.readFileSync(file, 'utf8'));
    assert.match(piped.err, /^4 records from 1 bundle$/);
  });

  it('keeps ids unique across bundles and refuses to overwrite an input', async () => {
    const copy = path.join(tmp, 'again.bundle');
    fs.copyFileSync(CORPUS, copy);
    const { out } = await cli(['export', '--format', 'passim', CORPUS, copy]);
    const ids = out.split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    assert.strictEqual(new Set(ids).size, 8);
    assert.ok(ids.includes('again.bundle/courier-0211.txt'));
    const clash = await cli(['export', '--format', 'passim', copy, '-o', copy]);
    assert.strictEqual(clash.code, 2);
    assert.match(clash.err, /is also an input/);
  });

  it('round trip: the imported passages are the exported documents cut at passim’s offsets', async () => {
    const docs = new Map((await cli(['export', '--format', 'passim', CORPUS])).out.split('\n')
      .map((l) => JSON.parse(l) as { id: string; text: string }).map((d) => [d.id, d.text]));
    const imported = await cli(['import', '--format', 'passim', path.join(FIXTURES, 'out-pairwise')]);
    assert.strictEqual(imported.code, 0, imported.err);
    assert.match(imported.err, /^3 clusters, 6 passages from 3 part files, 3 alignments → stdout$/);
    const bundle = parseBundle(`${imported.out}\n`);
    assert.deepStrictEqual(bundle.problems, []);
    for (const a of bundle.articles) {
      const attr = new Map(a.attributes.map((x) => [x.key, x.value]));
      const doc = docs.get((attr.get('name') ?? '').replace(/ \(cluster \d+\)$/, '')) ?? '';
      const [start, end] = codePointsToUtf16(doc, [Number(attr.get('begin')), Number(attr.get('end'))]);
      assert.strictEqual(a.text, doc.slice(start, end), a.name);
    }
  });

  it('writes one bundle per cluster into a folder, or every cluster into one file', async () => {
    const folder = path.join(tmp, 'clusters') + path.sep;
    const r = await cli(['import', '--format', 'passim', path.join(FIXTURES, 'out-basic'), '-o', folder]);
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(fs.readdirSync(folder).sort(), ['cluster-17179869187.bundle', 'cluster-25769803790.bundle', 'cluster-8589934593.bundle']);
    const one = parseBundle(fs.readFileSync(path.join(folder, 'cluster-8589934593.bundle'), 'utf8'));
    assert.deepStrictEqual(one.articles.map((a) => a.attributes.find((x) => x.key === 'src')?.value ?? null), [null, 'courier-0211.txt']);
    const file = path.join(tmp, 'all.bundle');
    assert.strictEqual((await cli(['import', '--format', 'passim', path.join(FIXTURES, 'out-basic'), '-o', file, '--cluster', '25769803790'])).code, 0);
    assert.deepStrictEqual(parseBundle(fs.readFileSync(file, 'utf8')).articles.map((a) => a.name), ['gazette-0213.txt', 'ledger-0214.txt']);
  });

  it("passim's src in an imported header is the analysis's direction evidence (\"passim: source\")", async () => {
    // The warden's notice: two sentences, shared whole (a one-sentence passage is too little to give a direction).
    const imported = await cli(['import', '--format', 'passim', path.join(FIXTURES, 'out-pairwise'), '--cluster', '8589934593']);
    // Without the dates, passim's src is the only evidence of direction.
    const file = path.join(tmp, 'undated.bundle');
    fs.writeFileSync(file, `${imported.out.replace(/ date="[^"]*"/g, '')}\n`);
    const json = JSON.parse((await cli(['analyze', file, '--json'])).out) as { sources: { name: string; origin: string | null; evidence: string[] }[] };
    const bulletin = json.sources.find((x) => x.name === 'bulletin-0212.txt');
    assert.deepStrictEqual(bulletin && { origin: bulletin.origin, evidence: bulletin.evidence }, { origin: 'courier-0211.txt', evidence: ['passim: source'] });
  });

  it('filters by --min-size and explains bad arguments with exit 2', async () => {
    const dir = path.join(FIXTURES, 'out-basic');
    const small = await cli(['import', '--format', 'passim', dir, '--min-size', '3']);
    assert.strictEqual(small.code, 2);
    assert.match(small.err, /No cluster .* has at least 3 documents/);
    assert.match((await cli(['import', '--format', 'passim', dir, '--min-size', 'two'])).err, /--min-size takes a whole number/);
    assert.match((await cli(['import', '--format', 'csv', dir])).err, /Unknown format "csv"/);
    assert.match((await cli(['import', dir])).err, /Missing --format passim/);
    assert.match((await cli(['import', '--format', 'passim', FIXTURES])).err, /No out\.json folder here/);
    assert.match((await cli(['import', '--format', 'passim', CORPUS])).err, /is not a folder/);
  });
});
