/**
 * The server's exact point-in-polygon (domain/geo/point-in-polygon.ts) against @turf/boolean-point-in-polygon,
 * on the seed's real region polygons (the province and the 14 prefectures) and seeded random points in each
 * region's box. Rounds are interleaved (the order alternates) and the ratio is taken within each round, so
 * machine load hits both alike. Ours prepares each polygon once per round, as the SQLite store does once per
 * request; Turf gets each polygon with its bbox, its fastest use.
 * It also checks that both give the same answers: on the random points (never on an edge), and on points on
 * the boundary, where ours is exact by construction.
 *   npm run bench:pip [-- --points 20000 --rounds 9 --seed 1]
 */
import { parseArgs } from 'node:util';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Position } from 'geojson';
import { generateSeed, mulberry32 } from '@gridwatch/geodata';
import { orient2d } from '../server/src/domain/geo/orient2d';
import { pointInPolygon, preparePointInPolygon } from '../server/src/domain/geo/point-in-polygon';

const { values } = parseArgs({
  options: {
    points: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '9' },
    seed: { type: 'string', default: '1' },
  },
});
const perRegion = Number(values.points);
const rounds = Number(values.rounds);
const random = mulberry32(Number(values.seed));

const regions = generateSeed({ readings: false }).regions.map((r) => r.geometry);
const features = regions.map((geometry): Feature<MultiPolygon> => ({
  type: 'Feature',
  properties: {},
  geometry,
  bbox: boxOf(geometry),
}));
const points = features.map((f) => {
  const [minX, minY, maxX, maxY] = f.bbox as [number, number, number, number];
  return Array.from({ length: perRegion }, () => [
    minX + (maxX - minX) * random(),
    minY + (maxY - minY) * random(),
  ]);
});
const total = perRegion * regions.length;
const vertices = regions.reduce(
  (n, g) => n + g.coordinates.flat().reduce((m, ring) => m + ring.length, 0),
  0,
);

function boxOf(geometry: MultiPolygon): [number, number, number, number] {
  const all = geometry.coordinates.flat(2);
  const xs = all.map((p) => p[0] ?? NaN);
  const ys = all.map((p) => p[1] ?? NaN);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Runs one tool over every point of every region; returns the elapsed ms and the number inside (kept live). */
const TOOLS = {
  ours: () => {
    let inside = 0;
    regions.forEach((geometry, i) => {
      const test = preparePointInPolygon(geometry);
      for (const p of points[i]!) if (test(p)) inside++;
    });
    return inside;
  },
  turf: () => {
    let inside = 0;
    features.forEach((feature, i) => {
      for (const p of points[i]!) if (booleanPointInPolygon(p, feature)) inside++;
    });
    return inside;
  },
};

const time = (tool: () => number): { ms: number; inside: number } => {
  const started = performance.now();
  const inside = tool();
  return { ms: performance.now() - started, inside };
};
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

// One warm-up of each, then interleaved rounds.
TOOLS.ours();
TOOLS.turf();
const ours: number[] = [];
const turf: number[] = [];
const ratios: number[] = [];
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? (['ours', 'turf'] as const) : (['turf', 'ours'] as const);
  const ms: Record<string, number> = {};
  for (const name of order) {
    const run = time(TOOLS[name]);
    ms[name] = run.ms;
  }
  ours.push(ms.ours!);
  turf.push(ms.turf!);
  ratios.push(ms.turf! / ms.ours!);
}
const perPointNs = (ms: number) => ((ms * 1e6) / total).toFixed(0);
console.log(
  `${regions.length} region polygons (${vertices} vertices), ${total} random points in their boxes, ${rounds} rounds`,
);
console.log(
  `  ours (prepared once per polygon per round): median ${median(ours).toFixed(1)} ms, ${perPointNs(median(ours))} ns/point`,
);
console.log(
  `  turf (polygon with its bbox):               median ${median(turf).toFixed(1)} ms, ${perPointNs(median(turf))} ns/point`,
);
console.log(`  turf / ours, median of the per-round ratios: ${median(ratios).toFixed(1)}×`);

// Same answers off the boundary: the random points.
let offBoundaryDiffer = 0;
let inside = 0;
regions.forEach((geometry, i) => {
  const test = preparePointInPolygon(geometry);
  for (const p of points[i]!) {
    const a = test(p);
    if (a) inside++;
    if (a !== booleanPointInPolygon(p, features[i]!)) offBoundaryDiffer++;
  }
});
console.log(`off the boundary: ${offBoundaryDiffer} of ${total} answers differ (${inside} inside)`);

// On the boundary: every vertex, and every edge midpoint that lies exactly on its edge (exact orient2d = 0).
let boundary = 0;
let turfOutside = 0;
regions.forEach((geometry, i) => {
  for (const ring of geometry.coordinates.flat()) {
    for (let k = 0; k + 1 < ring.length; k++) {
      const [ax = 0, ay = 0] = ring[k]!;
      const [bx = 0, by = 0] = ring[k + 1]!;
      const mid = [(ax + bx) / 2, (ay + by) / 2];
      const candidates: Position[] = [ring[k]!];
      if (orient2d(ax, ay, bx, by, mid[0]!, mid[1]!) === 0) candidates.push(mid);
      for (const p of candidates) {
        boundary++;
        if (!pointInPolygon(p, geometry)) throw new Error(`ours misses the boundary point ${p.join(',')}`);
        if (!booleanPointInPolygon(p, features[i]!)) turfOutside++;
      }
    }
  }
});
console.log(
  `on the seed's boundaries: ${boundary} points (vertices, exact midpoints); ours: all inside; turf: ${turfOutside} outside`,
);

// Where Turf's boundary test is not exact: it subtracts the point from each vertex in floating point before its
// robust orientation, which rounds when the coordinates differ in magnitude (not so within Xinjiang, where every
// longitude is within a factor 2 of every other, and so is every latitude). Here the edge runs along y = 3x from
// a vertex near 0.1 to (100, 300), and the point is (X, 3X) for an integer X: on the edge exactly.
let synthetic = 0;
let turfMisses = 0;
const edgeRandom = mulberry32(7);
for (; synthetic < 10_000; synthetic++) {
  // x with all its bits (two draws: one gives only 32), on a grid of 2⁻⁵³ so that 3x is exact.
  const u = edgeRandom() + edgeRandom() / 2 ** 32;
  const x = Math.round((0.0625 + u / 16) * 2 ** 53) / 2 ** 53;
  const a = [x, 3 * x];
  const b = [100, 300];
  const X = 20 + Math.floor(edgeRandom() * 60);
  const p = [X, 3 * X];
  if (orient2d(a[0]!, a[1]!, b[0]!, b[1]!, X, 3 * X) !== 0) throw new Error('not on the edge');
  // The edge is shared by a triangle on each side: a point on it is in both, and a wrong side shows in one.
  const above: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[a, b, [x, 300], a]]] };
  const below: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[a, [100, 3 * x], b, a]]] };
  if (!pointInPolygon(p, above) || !pointInPolygon(p, below)) throw new Error('ours misses a boundary point');
  if (!booleanPointInPolygon(p, above) || !booleanPointInPolygon(p, below)) turfMisses++;
}
console.log(
  `on an edge of mixed magnitude: ${synthetic} exact boundary points; ours: all inside; turf: ${turfMisses} outside one side`,
);
