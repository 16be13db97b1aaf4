/**
 * FlatGeobuf's spatial index, written by hand (docs/gis-clients.md, "FlatGeobuf"): the `flatgeobuf` npm package
 * reads a packed Hilbert R-tree but its writer leaves it out. As the spec's reference writer (packedrtree.cpp):
 * the features sorted by the Hilbert value of their bbox centre (descending, as it does), then a static R-tree
 * packed bottom-up, `nodeSize` children a node, stored root first; each node 40 bytes (minX, minY, maxX, maxY as
 * float64, then a uint64 offset: in a leaf the feature's byte offset from the first feature, in a parent the
 * index of its first child node). Pure: bboxes in, an order and bytes out.
 */

/** [minX, minY, maxX, maxY] */
export type Box = readonly [number, number, number, number];

export const DEFAULT_NODE_SIZE = 16;
export const NODE_ITEM_BYTES = 40;
const HILBERT_MAX = (1 << 16) - 1;

/** The 32-bit Hilbert value of a cell of a 2¹⁶ × 2¹⁶ grid (the public-domain algorithm the reference uses). */
export function hilbert(x: number, y: number): number {
  let a = x ^ y;
  let b = 0xffff ^ a;
  let c = 0xffff ^ (x | y);
  let d = x & (y ^ 0xffff);
  let A = a | (b >> 1);
  let B = (a >> 1) ^ a;
  let C = (c >> 1) ^ (b & (d >> 1)) ^ c;
  let D = (a & (c >> 1)) ^ (d >> 1) ^ d;

  a = A;
  b = B;
  c = C;
  d = D;
  A = (a & (a >> 2)) ^ (b & (b >> 2));
  B = (a & (b >> 2)) ^ (b & ((a ^ b) >> 2));
  C ^= (a & (c >> 2)) ^ (b & (d >> 2));
  D ^= (b & (c >> 2)) ^ ((a ^ b) & (d >> 2));

  a = A;
  b = B;
  c = C;
  d = D;
  A = (a & (a >> 4)) ^ (b & (b >> 4));
  B = (a & (b >> 4)) ^ (b & ((a ^ b) >> 4));
  C ^= (a & (c >> 4)) ^ (b & (d >> 4));
  D ^= (b & (c >> 4)) ^ ((a ^ b) & (d >> 4));

  a = A;
  b = B;
  c = C;
  d = D;
  C ^= (a & (c >> 8)) ^ (b & (d >> 8));
  D ^= (b & (c >> 8)) ^ ((a ^ b) & (d >> 8));

  a = C ^ (C >> 1);
  b = D ^ (D >> 1);
  let i0 = x ^ y;
  let i1 = b | (0xffff ^ (i0 | a));
  i0 = (i0 | (i0 << 8)) & 0x00ff00ff;
  i0 = (i0 | (i0 << 4)) & 0x0f0f0f0f;
  i0 = (i0 | (i0 << 2)) & 0x33333333;
  i0 = (i0 | (i0 << 1)) & 0x55555555;
  i1 = (i1 | (i1 << 8)) & 0x00ff00ff;
  i1 = (i1 | (i1 << 4)) & 0x0f0f0f0f;
  i1 = (i1 | (i1 << 2)) & 0x33333333;
  i1 = (i1 | (i1 << 1)) & 0x55555555;
  return ((i1 << 1) | i0) >>> 0;
}

/** The box around all boxes (none: null). */
export function extentOf(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x0, y0, x1, y1] of boxes) {
    minX = Math.min(minX, x0);
    minY = Math.min(minY, y0);
    maxX = Math.max(maxX, x1);
    maxY = Math.max(maxY, y1);
  }
  return [minX, minY, maxX, maxY];
}

/** The order to write the features in: their indices sorted by the Hilbert value of each box's centre. */
export function hilbertOrder(boxes: readonly Box[]): number[] {
  const extent = extentOf(boxes);
  if (!extent) return [];
  const [minX, minY, maxX, maxY] = extent;
  const width = maxX - minX;
  const height = maxY - minY;
  const values = boxes.map(([x0, y0, x1, y1]) => {
    const x = width === 0 ? 0 : Math.floor((HILBERT_MAX * ((x0 + x1) / 2 - minX)) / width);
    const y = height === 0 ? 0 : Math.floor((HILBERT_MAX * ((y0 + y1) / 2 - minY)) / height);
    return hilbert(x, y);
  });
  // Ties keep their input order (Array.prototype.sort is stable), so an export is reproducible.
  return boxes.map((_, i) => i).sort((i, j) => values[j]! - values[i]!);
}

/** [first, end) node indices of each level, leaves first: the same arithmetic as the readers' generateLevelBounds. */
export function levelBounds(numItems: number, nodeSize: number): [number, number][] {
  if (numItems < 1) throw new Error('An R-tree needs at least one item');
  if (nodeSize < 2 || nodeSize > 65535) throw new Error('The node size must be from 2 to 65535');
  let n = numItems;
  let numNodes = n;
  const levelNumNodes = [n];
  do {
    n = Math.ceil(n / nodeSize);
    numNodes += n;
    levelNumNodes.push(n);
  } while (n !== 1);
  const bounds: [number, number][] = [];
  let end = numNodes;
  for (const size of levelNumNodes) {
    bounds.push([end - size, end]);
    end -= size;
  }
  return bounds;
}

/**
 * The packed R-tree's bytes over leaves already in Hilbert order: `boxes[i]` is the i-th feature as written and
 * `offsets[i]` its byte offset from the first feature.
 */
export function packedRTree(boxes: readonly Box[], offsets: readonly number[], nodeSize = DEFAULT_NODE_SIZE) {
  if (boxes.length !== offsets.length) throw new Error('One offset a box');
  const bounds = levelBounds(boxes.length, nodeSize);
  const numNodes = bounds[0]![1];
  const nodes = new Float64Array(numNodes * 4);
  const pointers = new Array<number>(numNodes);
  const leafStart = bounds[0]![0];
  boxes.forEach((box, i) => {
    nodes.set(box, (leafStart + i) * 4);
    pointers[leafStart + i] = offsets[i]!;
  });
  // Each level's nodes in runs of nodeSize, each run's union a node of the level above, pointing at its first.
  for (let level = 0; level < bounds.length - 1; level++) {
    const end = bounds[level]![1];
    let pos = bounds[level]![0];
    let parent = bounds[level + 1]![0];
    while (pos < end) {
      const first = pos;
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let j = 0; j < nodeSize && pos < end; j++, pos++) {
        minX = Math.min(minX, nodes[pos * 4]!);
        minY = Math.min(minY, nodes[pos * 4 + 1]!);
        maxX = Math.max(maxX, nodes[pos * 4 + 2]!);
        maxY = Math.max(maxY, nodes[pos * 4 + 3]!);
      }
      nodes.set([minX, minY, maxX, maxY], parent * 4);
      pointers[parent] = first;
      parent += 1;
    }
  }
  const bytes = new Uint8Array(numNodes * NODE_ITEM_BYTES);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < numNodes; i++) {
    for (let k = 0; k < 4; k++) view.setFloat64(i * NODE_ITEM_BYTES + k * 8, nodes[i * 4 + k]!, true);
    view.setBigUint64(i * NODE_ITEM_BYTES + 32, BigInt(pointers[i]!), true);
  }
  return bytes;
}
