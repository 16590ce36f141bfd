import * as assert from 'assert';
import { monotoneChain } from '../../src/core/match/alignment';

describe('document alignment', () => {
  it('monotoneChain keeps the heaviest in-order chain, with 1–2 nodes', () => {
    const chain = monotoneChain([
      { i0: 0, i1: 0, j0: 0, j1: 0, weight: 1 },
      { i0: 1, i1: 1, j0: 0, j1: 0, weight: 0.5 },
      { i0: 1, i1: 1, j0: 1, j1: 2, weight: 2 },
      { i0: 2, i1: 2, j0: 1, j1: 1, weight: 0.5 },
      { i0: 3, i1: 3, j0: 3, j1: 3, weight: -1 },
    ]);
    assert.deepStrictEqual(chain, [0, 2]);
  });
});
