import * as assert from 'assert';
import * as path from 'path';
import * as fs from 'fs';
import { analyzeBundle } from '../../src/core/analyze';
import type { ArticleInput } from '../../src/core/model';
import { charScores, countChars, emptyCounts, readPan } from './pan13';
import type { DetectedPair, PanPair } from './pan13';
import { repoRoot } from './paths';

/**
 * PAN-13 text alignment, no obfuscation (../shared/eval/pan13_dev.jsonl: 200 document pairs, 251
 * copied passages in web text), scored at the character level. Each suspicious document is analysed
 * in one bundle with its paired source documents, each document once: PAN's setting, where a
 * suspicious document is compared with its candidate sources. Matches between two of those sources
 * (which PAN does not pair) count against precision. Target (issue 9 §5): precision ≥ 0.92, recall ≥ 0.95.
 *
 * Not asserted: the 257 documents in ONE bundle (PAN_WHOLE=1 prints it; ~1 min). There, documents the
 * 200-pair sample does not pair really share copied passages (PAN reuses sources across suspicious
 * documents and the sample leaves pairs out): about 250k characters of verbatim text, which caps
 * precision near 0.5 for any correct detector.
 */
const PAN = path.resolve(repoRoot, '..', 'shared', 'eval', 'pan13_dev.jsonl');

/** Before issue 9 (per-suspicious-document bundles): precision 0.904, recall 0.961. */
const FLOORS = { precision: 0.92, recall: 0.95 };

/** The matches of an analysis as detected pairs between named documents. */
function detect(articles: readonly ArticleInput[]): DetectedPair[] {
  return analyzeBundle(articles).matches.map((m) => ({
    a: { doc: articles[m.a.article].name, start: m.a.start, end: m.a.end },
    b: { doc: articles[m.b.article].name, start: m.b.start, end: m.b.end },
  }));
}

function lengthsOf(pairs: readonly PanPair[]): Map<string, number> {
  const lengths = new Map<string, number>();
  for (const r of pairs) {
    lengths.set(r.susp_doc, r.susp_text.length);
    lengths.set(r.src_doc, r.src_text.length);
  }
  return lengths;
}

describe('PAN-13 evaluator', () => {
  const pair: PanPair = {
    susp_doc: 's', src_doc: 'r', susp_text: 'x'.repeat(100), src_text: 'y'.repeat(80),
    alignments: [{ susp_start: 10, susp_end: 50, src_start: 20, src_end: 60 }],
  };
  const lengths = new Map([['s', 100], ['r', 80], ['o', 50]]);
  const gold: DetectedPair = { a: { doc: 's', start: 10, end: 50 }, b: { doc: 'r', start: 20, end: 60 } };

  it('gives F1 = 1 for the gold fed back and 0 for no detection', () => {
    assert.deepStrictEqual(charScores(countChars(lengths, [pair], [gold])), { precision: 1, recall: 1, f1: 1 });
    assert.strictEqual(charScores(countChars(lengths, [pair], [])).f1, 0);
  });

  it('counts covered characters, on both sides, and matches between unpaired documents against precision', () => {
    const half = charScores(countChars(lengths, [pair], [{ a: { doc: 's', start: 10, end: 30 }, b: { doc: 'r', start: 20, end: 40 } }]));
    assert.strictEqual(half.recall, 0.5);
    assert.strictEqual(half.precision, 1);
    const extra = charScores(countChars(lengths, [pair], [gold, { a: { doc: 's', start: 60, end: 100 }, b: { doc: 'o', start: 0, end: 40 } }]));
    assert.strictEqual(extra.recall, 1);
    assert.strictEqual(extra.precision, 80 / 160);
    // Overlapping detections count each character once.
    assert.deepStrictEqual(charScores(countChars(lengths, [pair], [gold, gold])).f1, 1);
  });
});

describe('PAN-13 dev: passage reuse on web text (issue 9 §5)', function () {
  this.timeout(600000);
  const pairs = fs.existsSync(PAN) ? readPan(PAN) : [];

  before(function () {
    if (pairs.length === 0) this.skip();
  });

  it('scores the gold fed back as F1 = 1 and nothing as 0 on the dev pairs', () => {
    const gold: DetectedPair[] = pairs.flatMap((r) => r.alignments.map((al) => ({
      a: { doc: r.susp_doc, start: al.susp_start, end: al.susp_end }, b: { doc: r.src_doc, start: al.src_start, end: al.src_end },
    })));
    assert.strictEqual(charScores(countChars(lengthsOf(pairs), pairs, gold)).f1, 1);
    assert.strictEqual(charScores(countChars(lengthsOf(pairs), pairs, [])).f1, 0);
  });

  it('finds the copied passages: character precision and recall, each suspicious document with its sources', () => {
    const bySusp = new Map<string, PanPair[]>();
    for (const r of pairs) bySusp.set(r.susp_doc, [...(bySusp.get(r.susp_doc) ?? []), r]);
    const counts = emptyCounts();
    for (const [susp, recs] of bySusp) {
      const docs = new Map<string, string>([[susp, recs[0].susp_text]]);
      for (const r of recs) if (!docs.has(r.src_doc)) docs.set(r.src_doc, r.src_text);
      countChars(lengthsOf(recs), recs, detect([...docs].map(([name, text]) => ({ name, text }))), counts);
    }
    const s = charScores(counts);
    console.log(`      PAN-13 dev (${pairs.length} pairs, ${bySusp.size} bundles): char precision ${s.precision.toFixed(4)}, recall ${s.recall.toFixed(4)}, F1 ${s.f1.toFixed(4)}`);
    assert.ok(s.precision >= FLOORS.precision, `precision ${s.precision}`);
    assert.ok(s.recall >= FLOORS.recall, `recall ${s.recall}`);
  });

  it('all 257 documents in one bundle (printed, not asserted; PAN_WHOLE=1)', function () {
    if (process.env.PAN_WHOLE !== '1') this.skip();
    const docs = new Map<string, string>();
    for (const r of pairs) {
      if (!docs.has(r.susp_doc)) docs.set(r.susp_doc, r.susp_text);
      if (!docs.has(r.src_doc)) docs.set(r.src_doc, r.src_text);
    }
    const s = charScores(countChars(lengthsOf(pairs), pairs, detect([...docs].map(([name, text]) => ({ name, text })))));
    console.log(`      PAN-13 dev, one bundle of ${docs.size} documents: char precision ${s.precision.toFixed(4)}, recall ${s.recall.toFixed(4)}, F1 ${s.f1.toFixed(4)}`);
  });
});
