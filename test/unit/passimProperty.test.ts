// passim's output as it may come: any record shape, any text (astral characters, lone surrogates,
// CRLF, lines that look like bundle headers, Object.prototype names as fields). Reading,
// clustering and writing bundles never throw, and every passage with text is one article.
import * as assert from 'assert';
import fc from 'fast-check';
import { parseJsonLines } from '../../src/core/passim/jsonLines';
import { readPassages, readAlignments } from '../../src/core/passim/passimOutput';
import { clustersFromPassim } from '../../src/core/passim/clusters';
import { clustersBundleText } from '../../src/core/passim/clusterBundle';
import { codePointsToUtf16, codePointLength } from '../../src/core/passim/codePoints';
import { parseBundle } from '../../src/core/bundle/parseBundle';

const PIECES = ['a', ' ', '\n', '\r\n', '🌊', '𝔐', '\ud800', '\udc00', '"', "'", '>>>', '<<<FILE x>>>', '<<<END>>>', 'é', '\u0301', 'constructor', '__proto__', '\t'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));
const key = fc.constantFrom('id', 'uid', 'cluster', 'size', 'begin', 'end', 'text', 'series', 'date', 'src', 'pboiler', 'constructor', '__proto__', 'toString', 'url', 'a b');
const value: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.integer({ min: -5, max: 60 }),
  fc.constantFrom(null, true, 7292826185381936131n, 0.5),
  fc.array(fc.record({ uid: fc.constantFrom('1', '2', 3), begin: fc.nat(40), end: fc.nat(40) }), { maxLength: 2 }),
);
/** A record line as Spark would write it, big integers as bare numbers. */
const line = fc.dictionary(key, value, { maxKeys: 12 }).map((o) =>
  JSON.stringify(o, (_, v: unknown) => (typeof v === 'bigint' ? `@@${v}@@` : v)).replace(/"@@(-?\d+)@@"/g, '$1'));
const passageLine = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'constructor'), uid: fc.constantFrom(1, 2, 3), cluster: fc.constantFrom(1, 2), begin: fc.nat(20), end: fc.nat(40), text, series: fc.option(text), src: fc.array(fc.record({ uid: fc.constantFrom(1, 2, 3), begin: fc.nat(20), end: fc.nat(40) }), { maxLength: 2 }) })
  .map((r) => JSON.stringify(r));

describe('passim reading on any record', () => {
  it('never throws, and writes one article per passage with text', () => {
    fc.assert(fc.property(fc.array(fc.oneof(line, passageLine, text), { maxLength: 12 }), (lines) => {
      const records = parseJsonLines(lines.join('\n')).values;
      const { passages } = readPassages(records);
      const { alignments } = readAlignments(records);
      const clusters = clustersFromPassim(passages, alignments, { minSize: 0 });
      const bundle = parseBundle(clustersBundleText(clusters));
      const withText = clusters.flatMap((c) => c.articles).filter((a) => a.passage.text.trim() !== '').length;
      assert.strictEqual(bundle.articles.length, withText);
    }), { numRuns: 300, seed: 11 });
  });

  it('maps every code-point offset into the text, monotonically', () => {
    fc.assert(fc.property(text, fc.array(fc.integer({ min: -3, max: 40 }), { maxLength: 8 }), (t, offsets) => {
      const mapped = codePointsToUtf16(t, offsets);
      offsets.forEach((o, k) => {
        assert.ok(mapped[k] >= 0 && mapped[k] <= t.length);
        if (o >= codePointLength(t)) assert.strictEqual(mapped[k], t.length);
        offsets.forEach((p, j) => { if (o <= p) assert.ok(mapped[k] <= mapped[j]); });
      });
    }), { numRuns: 300, seed: 11 });
  });
});
