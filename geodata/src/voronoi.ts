export type XY = [number, number];

/**
 * Voronoi cells of a few dozen points, each clipped to a box, as closed rings. Every cell is the box cut by the
 * perpendicular bisector half-planes towards every other point; with the ~50 points of the service areas this
 * quadratic construction costs nothing and needs no Delaunay library.
 */
export function voronoiCells(points: readonly XY[], box: readonly [number, number, number, number]): XY[][] {
  const [x0, y0, x1, y1] = box;
  return points.map((p, i) => {
    let cell: XY[] = [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ];
    points.forEach((q, j) => {
      if (i === j) return;
      // Keep the points at least as close to p as to q: (q − p)·v ≤ (q − p)·(p + q)/2.
      const nx = q[0] - p[0];
      const ny = q[1] - p[1];
      cell = clipByHalfPlane(cell, nx, ny, (nx * (p[0] + q[0]) + ny * (p[1] + q[1])) / 2);
    });
    const first = cell[0];
    return first ? [...cell, [first[0], first[1]]] : [];
  });
}

/** Keeps the part of a convex polygon where nx·x + ny·y ≤ c (one Sutherland–Hodgman step, exact for convex input). */
function clipByHalfPlane(polygon: readonly XY[], nx: number, ny: number, c: number): XY[] {
  const side = (v: XY): number => nx * v[0] + ny * v[1] - c;
  const out: XY[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i];
    const b = polygon[(i + 1) % polygon.length];
    if (!a || !b) continue;
    const sa = side(a);
    const sb = side(b);
    if (sa <= 0) out.push(a);
    if (sa <= 0 !== sb <= 0) {
      const t = sa / (sa - sb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}
