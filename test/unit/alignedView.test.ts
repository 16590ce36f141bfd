import * as assert from 'assert';
import { alignedViewText, comparisonTitle, lineForOffset, passageLine } from '../../src/presentation/alignedView';
import type { AlignedPair } from '../../src/core/model';

describe('alignedView', () => {
  const left = 'One sentence here. Two\nsentence  there. Left only.';
  const right = 'First sentence here. Right only. Second sentence there.';
  const span = (text: string, part: string): { start: number; end: number } => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
  const pairs: AlignedPair[] = [
    { a: span(left, 'One sentence here.'), b: span(right, 'First sentence here.'), kind: 'paraphrase', score: 0.8 },
    { a: null, b: span(right, 'Right only.'), kind: null, score: 0 },
    { a: span(left, 'Two\nsentence  there.'), b: span(right, 'Second sentence there.'), kind: 'near-verbatim', score: 0.9 },
    { a: span(left, 'Left only.'), b: null, kind: null, score: 0 },
  ];

  it('puts the two sides of each pair on the same line, blanks against unmatched passages', () => {
    const v = alignedViewText(pairs, left, right);
    const l = v.left.split('\n');
    const r = v.right.split('\n');
    assert.strictEqual(l.length, pairs.length);
    assert.strictEqual(r.length, pairs.length);
    assert.deepStrictEqual(l, ['One sentence here.', '', 'Two sentence there.', 'Left only.']);
    assert.deepStrictEqual(r, ['First sentence here.', 'Right only.', 'Second sentence there.', '']);
    assert.strictEqual(v.aligned, 2);
  });

  it('finds the line of a passage from an offset on either side', () => {
    assert.strictEqual(lineForOffset(pairs, 'b', right.indexOf('only')), 1);
    assert.strictEqual(lineForOffset(pairs, 'a', left.indexOf('Left')), 3);
    assert.strictEqual(lineForOffset(pairs, 'a', left.indexOf(' Two')), 2, 'between passages: the next one');
  });

  it('flattens a passage to one line and titles the comparison', () => {
    assert.strictEqual(passageLine('a\n b\t c', { start: 0, end: 7 }), 'a b c');
    assert.strictEqual(passageLine('abc', null), '');
    assert.strictEqual(comparisonTitle('002', '001', 16), '002 ↔ 001 · 16 aligned');
  });
});
