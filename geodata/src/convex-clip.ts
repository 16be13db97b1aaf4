export type XY = [number, number];

/**
 * Sutherland–Hodgman: keeps the part of a polygon where nx·x + ny·y ≤ c. On a concave polygon the result may
 * hold zero-width bridges along the clip line; callers pass it through polyclip, which removes them.
 */
export function clipByHalfPlane(polygon: readonly XY[], nx: number, ny: number, c: number): XY[] {
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

/** Clips an open or closed ring to a convex polygon given counter-clockwise; returns a closed ring or []. */
export function clipToConvex(ring: readonly XY[], convex: readonly XY[]): XY[] {
  let out = openRing(ring);
  const hull = openRing(convex);
  for (let i = 0; i < hull.length && out.length > 0; i++) {
    const a = hull[i];
    const b = hull[(i + 1) % hull.length];
    if (!a || !b) continue;
    // Inside of a counter-clockwise edge is to its left: the outward normal is (dy, -dx).
    const nx = b[1] - a[1];
    const ny = a[0] - b[0];
    out = clipByHalfPlane(out, nx, ny, nx * a[0] + ny * a[1]);
  }
  const first = out[0];
  return out.length >= 3 && first ? [...out, [first[0], first[1]]] : [];
}

function openRing(ring: readonly XY[]): XY[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  const closed = ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1];
  return closed ? ring.slice(0, -1) : [...ring];
}

export function boxRing([x0, y0, x1, y1]: readonly [number, number, number, number]): XY[] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}
