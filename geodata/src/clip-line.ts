import type { Position } from 'geojson';
import type { Box } from './geo';

/**
 * Clips a polyline to a box (Liang–Barsky per segment). A river that leaves and re-enters the frame becomes
 * several parts, so the result is the parts of a MultiLineString.
 */
export function clipLineToBox(line: readonly Position[], box: Box): Position[][] {
  const parts: Position[][] = [];
  let current: Position[] = [];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    if (!a || !b) continue;
    const clipped = clipSegment(a, b, box);
    if (!clipped) {
      if (current.length > 1) parts.push(current);
      current = [];
      continue;
    }
    const [p, q] = clipped;
    const last = current[current.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) {
      if (current.length > 1) parts.push(current);
      current = [p];
    }
    current.push(q);
  }
  if (current.length > 1) parts.push(current);
  return parts;
}

function clipSegment(a: Position, b: Position, box: Box): [Position, Position] | null {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, ax - box[0]],
    [dx, box[2] - ax],
    [-dy, ay - box[1]],
    [dy, box[3] - ay],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return null;
  }
  const at = (t: number): Position => (t === 0 ? [ax, ay] : t === 1 ? [bx, by] : [ax + t * dx, ay + t * dy]);
  return [at(t0), at(t1)];
}
