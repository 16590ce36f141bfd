import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeBundle } from '../../src/core/analyze';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { prng } from '../../bench/prng';
import { repoRoot, seedsPath } from './paths';

/**
 * Seeded fuzz: 200 mutations of the samples (byte flips, cut and duplicated headers and end
 * markers, NUL, invalid UTF-8, CRLF and BOM mid-file, runs of 1,000–200,000 quotes, letters or
 * newlines, copied chunks) go through parse and analyze. None may throw, and each must finish
 * within a wall-clock bound far above what a linear engine needs (a quadratic one blows it).
 */

const CASES = 200;
/** Per case: generous for a shared 2-core machine; a quadratic step on 200,000 characters takes minutes. */
const BOUND_MS = 15000;


function samples(): Buffer[] {
  const variants = path.join(repoRoot, 'test', 'fixtures', 'variants');
  const files = [seedsPath, path.join(repoRoot, 'samples', 'newsroom.bundle')];
  for (const f of fs.readdirSync(variants)) if (f.endsWith('.bundle')) files.push(path.join(variants, f));
  return files.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
}

type Mutation = (bytes: Buffer, rand: () => number) => Buffer;

const at = (bytes: Buffer, rand: () => number): number => Math.floor(rand() * (bytes.length + 1));
const insert = (bytes: Buffer, k: number, extra: Buffer | string): Buffer =>
  Buffer.concat([bytes.subarray(0, k), typeof extra === 'string' ? Buffer.from(extra, 'utf8') : extra, bytes.subarray(k)]);

/** Offsets of the header and end-marker lines. */
function markerLines(bytes: Buffer): { start: number; end: number }[] {
  const text = bytes.toString('latin1');
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/^<<<[^\n]*$/gm)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

const MUTATIONS: Record<string, Mutation> = {
  flipBytes: (b, r) => {
    const out = Buffer.from(b);
    for (let k = 0; k < 1 + Math.floor(r() * 40); k++) if (out.length > 0) out[Math.floor(r() * out.length)] ^= 1 << Math.floor(r() * 8);
    return out;
  },
  cutHeader: (b, r) => {
    const lines = markerLines(b);
    if (lines.length === 0) return b;
    const l = lines[Math.floor(r() * lines.length)];
    const cut = l.start + Math.floor(r() * (l.end - l.start));
    return Buffer.concat([b.subarray(0, cut), b.subarray(Math.min(l.end + 1, b.length))]);
  },
  duplicateHeader: (b, r) => {
    const lines = markerLines(b);
    if (lines.length === 0) return b;
    const l = lines[Math.floor(r() * lines.length)];
    const copy = b.subarray(l.start, l.end + 1);
    return insert(b, lines[Math.floor(r() * lines.length)].start, Buffer.concat(Array.from({ length: 1 + Math.floor(r() * 5) }, () => copy)));
  },
  endMarkers: (b, r) => insert(b, at(b, r), `\n<<<END FILE>>>\n<<<FILE END>>>\n<<<END FILE ${Math.floor(r() * 9)}>>>\n`),
  nul: (b, r) => insert(b, at(b, r), Buffer.alloc(1 + Math.floor(r() * 64))),
  invalidUtf8: (b, r) => insert(b, at(b, r), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98])),
  crlfBom: (b, r) => insert(b, at(b, r), r() < 0.5 ? '\r\n\uFEFF<<<FILE bom.txt>>>\r\n' : '\uFEFF\r\r\n\u2028\u0085'),
  run: (b, r) => {
    const length = 1000 + Math.floor(r() * r() * 199000);
    const units = ['"', '“', '”', "'", 'a', 'ab ', 'Quote ', '\n', '\n\n', '" "', '«»'];
    const unit = units[Math.floor(r() * units.length)];
    return insert(b, at(b, r), unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
  },
  copyChunk: (b, r) => {
    const from = Math.floor(r() * b.length);
    const chunk = b.subarray(from, from + Math.floor(r() * 4000));
    return insert(b, at(b, r), Buffer.concat(Array.from({ length: 1 + Math.floor(r() * 8) }, () => chunk)));
  },
};

describe('fuzz: 200 seeded mutations of the samples through parse and analyze', function () {
  this.timeout(CASES * BOUND_MS);
  const sources = samples();
  const names = Object.keys(MUTATIONS);

  it('reads the samples it mutates', () => assert.ok(sources.length >= 3, `only ${sources.length} sample files`));

  it('never throws, and each case stays within its wall-clock bound', () => {
    const rand = prng(20251201);
    const failures: string[] = [];
    for (let c = 0; c < CASES; c++) {
      let bytes = sources[Math.floor(rand() * sources.length)];
      const applied: string[] = [];
      for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) {
        const name = names[Math.floor(rand() * names.length)];
        bytes = MUTATIONS[name](bytes, rand);
        applied.push(name);
      }
      const text = rand() < 0.85 ? bytes.toString('utf8') : bytes.toString('latin1');
      const t0 = performance.now();
      try {
        const parsed = parseBundle(text);
        const articles = parsed.articles.length > 0 ? parsed.articles.map((a) => ({ name: a.name, text: a.text })) : [{ name: 'plain', text }];
        const analysis = analyzeBundle(articles);
        assert.strictEqual(analysis.articles.length, articles.length);
      } catch (err) {
        failures.push(`case ${c} (${applied.join(', ')}): ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      }
      const ms = performance.now() - t0;
      if (ms > BOUND_MS) failures.push(`case ${c} (${applied.join(', ')}, ${text.length} chars): ${ms.toFixed(0)} ms > ${BOUND_MS} ms`);
    }
    assert.deepStrictEqual(failures, []);
  });
});
