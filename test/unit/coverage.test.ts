import * as assert from 'assert';
import { summarizeSources } from '../../src/core/match/coverage';

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
});
