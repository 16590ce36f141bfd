import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseBundle } from '../../src/core/bundle/parseBundle';
import { analyzeBundle } from '../../src/core/analyze';
import type { BundleAnalysis } from '../../src/core/model';
import { nextQuotationStop, sharedQuotationStarts } from '../../src/presentation/sharedQuotations';
import { repoRoot } from './paths';

describe('shared quotations (Parallax: Next Shared Quotation)', () => {
  const parsed = parseBundle(fs.readFileSync(path.join(repoRoot, 'samples', 'newsroom.bundle'), 'utf8'));
  let analysis: BundleAnalysis;
  before(() => {
    analysis = analyzeBundle(parsed.articles.map((a) => ({ name: a.name, text: a.text })));
  });
  const text = (article: number): string => parsed.articles[article]?.text ?? '';

  it('stops at a quotation that another source carries, at its opening mark', () => {
    const starts = sharedQuotationStarts(analysis, 1);
    const varnholt = text(1).indexOf('“Our job now is to make sure');
    assert.ok(varnholt >= 0);
    assert.ok(starts.includes(varnholt), `Harbor Times' Varnholt quotation (at ${varnholt}) is a stop: ${JSON.stringify(starts)}`);
    assert.deepStrictEqual([...starts].sort((a, b) => a - b), starts, 'in reading order');
  });

  it('skips quotations that no other source carries', () => {
    // The Delta Ledger quotes people nobody else quotes.
    assert.ok(text(3).includes('“My father built that shed in 1987.”'));
    assert.deepStrictEqual(sharedQuotationStarts(analysis, 3), []);
  });

  it('goes to the next stop after the cursor, across articles, and wraps round', () => {
    const views = parsed.articles.map((a) => ({ article: a.index, base: a.contentRange.start }));
    const all = views.flatMap((v) => sharedQuotationStarts(analysis, v.article).map((s) => v.base + s + 1));
    assert.ok(all.length >= 4, `the sample has several shared quotations: ${all.length}`);
    const first = nextQuotationStop(analysis, views, 0);
    assert.strictEqual(first?.offset, all[0]);
    const second = nextQuotationStop(analysis, views, all[0] as number);
    assert.strictEqual(second?.offset, all[1], 'from a stop, the next one');
    const wrapped = nextQuotationStop(analysis, views, all[all.length - 1] as number);
    assert.strictEqual(wrapped?.offset, all[0], 'after the last, the first');
    assert.strictEqual(nextQuotationStop(analysis, [views[3] as { article: number; base: number }], 0), undefined, 'none in an article without shared quotations');
  });
});
