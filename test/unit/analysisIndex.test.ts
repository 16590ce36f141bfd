import * as assert from 'assert';
import fc from 'fast-check';
import { createIndexBuilder, indexOf, lineOf, lineStarts, mergeSpans, overlaps, spansByKind } from '../../src/analysis/analysisIndex';
import { councilAnalysis, TEXTS } from './editorFixture';

describe('analysisIndex', () => {
  it('lists each article’s matches from its own side, sorted by offset', () => {
    const index = indexOf(councilAnalysis());
    const lists = [0, 1, 2].map((a) => index.matchesOf(a));
    assert.deepStrictEqual(lists.map((l) => l.length), [3, 2, 1]);
    assert.deepStrictEqual(index.matchesOf(7), [], 'an article the analysis does not know has no matches');
    for (const [a, list] of lists.entries()) {
      for (const m of list) assert.strictEqual(m.self.article, a);
      assert.deepStrictEqual(list.map((m) => m.self.start), [...list.map((m) => m.self.start)].sort((x, y) => x - y));
    }
    assert.strictEqual(index.groupOfQuote(1, 0)?.occurrence.relation, 'reworded');
    assert.strictEqual(index.groupOfQuote(1, 99), undefined);
  });

  it('builds the index once per analysis', () => {
    const a = councilAnalysis();
    assert.strictEqual(indexOf(a), indexOf(a));
  });

  it('builds the same index from matches and quote groups fed in pieces, and indexOf returns it after finish', () => {
    const a = councilAnalysis();
    const whole = indexOf(structuredClone(a));
    const builder = createIndexBuilder();
    // One match and one group at a time, as the worker runner feeds each decoded part.
    for (const m of a.matches) builder.addMatches([m]);
    for (const g of a.quoteGroups) builder.addQuoteGroups([g]);
    const built = builder.finish(a);
    assert.strictEqual(indexOf(a), built);
    for (let k = -1; k <= a.articles.length + 1; k++) assert.deepStrictEqual(built.matchesOf(k), whole.matchesOf(k), `article ${k}`);
    for (const [k, art] of a.articles.entries()) {
      for (let q = 0; q <= art.quotes.length; q++) assert.deepStrictEqual(built.groupOfQuote(k, q), whole.groupOfQuote(k, q));
    }
    assert.ok(a.matches.length > 0 && a.quoteGroups.length > 0);
  });

  it('keeps a match on its known side only when the other names an article the analysis does not have', () => {
    const a = councilAnalysis();
    const first = a.matches[0]!;
    const stray = { ...first, a: { ...first.a, article: a.articles.length + 3 } };
    const withStray = { ...a, matches: [...a.matches, stray] };
    const builder = createIndexBuilder();
    builder.addMatches(withStray.matches);
    const built = builder.finish(withStray);
    assert.deepStrictEqual(built.matchesOf(a.articles.length + 3), []);
    assert.ok(built.matchesOf(first.b.article).some((m) => m.match === stray));
    const whole = indexOf({ ...withStray });
    for (let k = 0; k < a.articles.length; k++) assert.deepStrictEqual(built.matchesOf(k), whole.matchesOf(k));
  });

  it('merges overlapping spans into their union', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(100), fc.nat(20)), { maxLength: 30 }), (raw) => {
      const spans = raw.map(([s, l]) => ({ start: s, end: s + l + 1 }));
      const merged = mergeSpans(spans);
      for (let i = 1; i < merged.length; i++) assert.ok((merged[i - 1]?.end ?? 0) < (merged[i]?.start ?? 0), 'disjoint and sorted');
      for (let x = 0; x < 125; x++) {
        const inAny = spans.some((s) => x >= s.start && x < s.end);
        const inMerged = merged.some((s) => x >= s.start && x < s.end);
        assert.strictEqual(inMerged, inAny, `offset ${x}`);
      }
    }));
    assert.ok(overlaps({ start: 0, end: 2 }, { start: 1, end: 3 }));
    assert.ok(!overlaps({ start: 0, end: 2 }, { start: 2, end: 3 }));
  });

  it('finds the line of any offset', () => {
    const text = 'ab\ncd\n\nef';
    const starts = lineStarts(text);
    assert.deepStrictEqual(starts, [0, 3, 6, 7]);
    const expected = [...text].map((_, i) => text.slice(0, i).split('\n').length - 1);
    assert.deepStrictEqual([...text].map((_, i) => lineOf(starts, i)), expected);
  });
});

describe('spansByKind', () => {
  it('paints each character with its strongest kind only', () => {
    const byKind = spansByKind(councilAnalysis(), 0);
    const t = TEXTS[0] as string;
    const first = { start: 0, end: t.indexOf(' Officials') };
    // The first sentence is near-verbatim to 001 and a paraphrase of 002: painted near-verbatim only.
    assert.deepStrictEqual(byKind.get('near-verbatim'), [first]);
    assert.deepStrictEqual(byKind.get('paraphrase'), []);
    assert.deepStrictEqual(byKind.get('verbatim'), [{ start: t.indexOf('Officials'), end: t.length }]);
  });
});
