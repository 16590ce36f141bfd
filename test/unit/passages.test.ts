import * as assert from 'assert';
import fc from 'fast-check';
import { widenOverSharedPunctuation } from '../../src/core/match/passages';

describe('passages: verbatim runs and their punctuation', () => {
  it('takes in the punctuation both texts carry around a run, and nothing else', () => {
    const ta = 'He said: "for today and for tomorrow." Then he left.';
    const tb = 'were "for today and for tomorrow." And more';
    const a = { start: ta.indexOf('for today'), end: ta.indexOf('tomorrow') + 'tomorrow'.length };
    const b = { start: tb.indexOf('for today'), end: tb.indexOf('tomorrow') + 'tomorrow'.length };
    const [wa, wb] = widenOverSharedPunctuation(ta, a, tb, b);
    assert.strictEqual(ta.slice(wa.start, wa.end), '"for today and for tomorrow."');
    assert.strictEqual(tb.slice(wb.start, wb.end), '"for today and for tomorrow."');
    // Different punctuation on one side: the run stays as it is there.
    const [xa] = widenOverSharedPunctuation('(x y z), more', { start: 1, end: 6 }, 'x y z; more', { start: 0, end: 5 });
    assert.deepStrictEqual(xa, { start: 1, end: 6 });
  });

  it('stays inside both texts and never shrinks a span (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (ta, tb, p, q, r, s) => {
      const a = { start: Math.min(p, q) % (ta.length + 1), end: Math.max(p, q) % (ta.length + 1) };
      const b = { start: Math.min(r, s) % (tb.length + 1), end: Math.max(r, s) % (tb.length + 1) };
      if (a.start > a.end || b.start > b.end) return;
      const [wa, wb] = widenOverSharedPunctuation(ta, a, tb, b);
      assert.ok(wa.start <= a.start && wa.end >= a.end && wa.start >= 0 && wa.end <= ta.length);
      assert.ok(wb.start <= b.start && wb.end >= b.end && wb.start >= 0 && wb.end <= tb.length);
      assert.strictEqual(ta.slice(wa.start, a.start), tb.slice(wb.start, b.start));
      assert.strictEqual(ta.slice(a.end, wa.end), tb.slice(b.end, wb.end));
    }));
  });
});
