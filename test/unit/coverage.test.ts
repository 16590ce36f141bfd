import * as assert from 'assert';
import { linkSide, summarizeSources } from '../../src/core/match/coverage';

describe('coverage', () => {
  it('reports unique share, covered sentences and order', () => {
    const sources = summarizeSources(['a', 'b', 'c'], [4, 2, 3], [
      { a: 0, b: 1, links: [{ i: 0, j: 0 }, { i: 2, j: 1 }] },
      { a: 0, b: 2, links: [{ i: 1, j: 2 }, { i: 3, j: 0 }] },
    ]);
    assert.strictEqual(sources[0].uniqueShare, 0);
    assert.deepStrictEqual(sources[0].covers.map((c) => [c.article, c.covered, c.inOrder]), [[1, 2, true], [2, 2, false]]);
    assert.strictEqual(sources[1].uniqueShare, 0);
    assert.ok(Math.abs(sources[2].uniqueShare - 1 / 3) < 1e-9);
  });

  it('reads one side of a pair’s links: the sentences taken, how many, and whether the other side keeps their order', () => {
    const links = [{ i: 2, j: 0 }, { i: 0, j: 1 }, { i: 2, j: 3 }, { i: 3, j: 2 }];
    const a = linkSide(links, 'a', 5, 4);
    assert.deepStrictEqual([[...a.linked], a.covered, a.inOrder], [[1, 0, 1, 1, 0], 3, false], 'by i: (0,1) (2,0) goes back on j');
    const b = linkSide(links, 'b', 4, 5);
    assert.deepStrictEqual([[...b.linked], b.covered, b.inOrder], [[1, 1, 1, 1], 4, false], 'by j: (0,2) (1,0) goes back on i');
    // Two links of one sentence count it once and are taken in the other side's order.
    const kept = linkSide([{ i: 1, j: 2 }, { i: 0, j: 0 }, { i: 1, j: 1 }], 'a', 2, 3);
    assert.deepStrictEqual([[...kept.linked], kept.covered, kept.inOrder], [[1, 1], 2, true]);
    assert.deepStrictEqual(linkSide([], 'b', 2, 2), { linked: new Uint8Array(2), covered: 0, inOrder: true });
  });
});
