import { describe, expect, it } from 'vitest';
import { hilbert, hilbertOrder, levelBounds, NODE_ITEM_BYTES, packedRTree, type Box } from './packed-rtree';

describe('packed Hilbert R-tree', () => {
  it('computes the Hilbert values of the curve’s corners and first cells', () => {
    // The curve starts at (0,0) and walks (1,0), (1,1), (0,1) in the first 2×2 block…
    expect([hilbert(0, 0), hilbert(1, 0), hilbert(1, 1), hilbert(0, 1)]).toEqual([0, 1, 2, 3]);
    // …and ends at (max, 0), the whole grid's 2³² cells in one walk.
    expect(hilbert(0xffff, 0)).toBe(0xffffffff);
  });

  it('orders by Hilbert value of the centres, highest first (as the reference writer)', () => {
    const boxes: Box[] = [
      [0, 0, 0, 0],
      [10, 0, 10, 0],
      [0, 10, 0, 10],
      [10, 10, 10, 10],
    ];
    // (0,0) is the curve's start, then (0,max), (max,max), and (max,0) its end.
    expect(hilbertOrder(boxes)).toEqual([1, 3, 2, 0]);
  });

  it('lays out the levels root first, leaves last', () => {
    expect(levelBounds(1, 16)).toEqual([
      [1, 2],
      [0, 1],
    ]);
    expect(levelBounds(100, 16)).toEqual([
      [8, 108],
      [1, 8],
      [0, 1],
    ]);
  });

  it('links each parent to its first child and bounds its children', () => {
    const boxes: Box[] = Array.from({ length: 20 }, (_, i) => [i, i, i + 0.5, i + 0.5]);
    const offsets = boxes.map((_, i) => i * 100);
    const bytes = packedRTree(boxes, offsets, 16);
    const view = new DataView(bytes.buffer);
    const node = (i: number) => ({
      box: [0, 1, 2, 3].map((k) => view.getFloat64(i * NODE_ITEM_BYTES + k * 8, true)),
      offset: Number(view.getBigUint64(i * NODE_ITEM_BYTES + 32, true)),
    });
    expect(bytes.length).toBe((20 + 2 + 1) * NODE_ITEM_BYTES);
    expect(node(0)).toEqual({ box: [0, 0, 19.5, 19.5], offset: 1 });
    expect(node(1)).toEqual({ box: [0, 0, 15.5, 15.5], offset: 3 });
    expect(node(2)).toEqual({ box: [16, 16, 19.5, 19.5], offset: 19 });
    expect(node(3)).toEqual({ box: [0, 0, 0.5, 0.5], offset: 0 });
    expect(node(22)).toEqual({ box: [19, 19, 19.5, 19.5], offset: 1900 });
  });
});
