/**
 * Monotone alignment of two documents: of candidate links between sentence ranges, the chain with
 * the largest total weight in which both sides advance. A node may span two sentences on one side
 * (a sentence split in two, or two merged), so 1–1, 1–2 and 2–1 steps all fit.
 */

/** A candidate link between sentences i0..i1 of one document and j0..j1 of the other (inclusive). */
export interface AlignNode {
  readonly i0: number;
  readonly i1: number;
  readonly j0: number;
  readonly j1: number;
  /** Gain of putting the node in the chain; nodes with weight ≤ 0 are never chosen. */
  readonly weight: number;
}

/** Most nodes the quadratic chain search looks at; beyond it the weakest are dropped. */
const MAX_NODES = 4000;

/** Each node's best chain weight and the node before it there, reused from call to call (small typed arrays are slow to allocate). */
let scratch = { best: new Float64Array(64), back: new Int32Array(64) };

/** The scratch for `n` nodes: best chain weights (overwritten before use) and back links at −1. */
function chainScratch(n: number): { best: Float64Array; back: Int32Array } {
  if (scratch.best.length < n) scratch = { best: new Float64Array(Math.max(n, 2 * scratch.best.length)), back: new Int32Array(Math.max(n, 2 * scratch.best.length)) };
  scratch.back.fill(-1, 0, n);
  return scratch;
}

/** Indices (into `nodes`) of the best monotone chain, in document order. Deterministic on ties. */
export function monotoneChain(nodes: readonly AlignNode[]): number[] {
  let order: number[] = [];
  for (let k = 0; k < nodes.length; k++) if (nodes[k].weight > 0) order.push(k);
  if (order.length > MAX_NODES) {
    order = order.sort((x, y) => nodes[y].weight - nodes[x].weight || x - y).slice(0, MAX_NODES);
  }
  order.sort((x, y) => nodes[x].i0 - nodes[y].i0 || nodes[x].j0 - nodes[y].j0 || nodes[x].i1 - nodes[y].i1 || nodes[x].j1 - nodes[y].j1 || x - y);
  const { best, back } = chainScratch(order.length);
  let top = -1;
  for (let k = 0; k < order.length; k++) {
    const n = nodes[order[k]];
    let bestPrev = 0;
    for (let p = 0; p < k; p++) {
      const m = nodes[order[p]];
      if (m.i1 < n.i0 && m.j1 < n.j0 && best[p] > bestPrev) {
        bestPrev = best[p];
        back[k] = p;
      }
    }
    best[k] = bestPrev + n.weight;
    if (top < 0 || best[k] > best[top]) top = k;
  }
  const chain: number[] = [];
  for (let k = top; k >= 0; k = back[k]) chain.push(order[k]);
  return chain.reverse();
}
