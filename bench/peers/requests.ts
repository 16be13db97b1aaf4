/** The request sets, chosen from the generated seed (seeded, so every run asks the same). */
import pg from 'pg';
import { mulberry32 } from '@gridwatch/geodata';
import type { SeedData } from '@gridwatch/contract';
import { tileOf, type TileCoord } from '../../server/src/domain/geo/tile-math';

export interface Point {
  lon: number;
  lat: number;
}

/**
 * `n` boxes each holding about `target` sites (±10 %, counted in the seed): square in km around a random
 * site, the half-width found by bisection.
 */
export function boxesHolding(points: readonly Point[], target: number, n: number, seed = 16): number[][] {
  const random = mulberry32(seed);
  const boxes: number[][] = [];
  for (let attempt = 0; boxes.length < n && attempt < n * 20; attempt++) {
    const c = points[Math.floor(random() * points.length)]!;
    const cos = Math.cos((c.lat * Math.PI) / 180);
    const box = (d: number) => [c.lon - d / cos, c.lat - d, c.lon + d / cos, c.lat + d];
    const count = (b: number[]) => {
      let k = 0;
      for (const p of points) if (p.lon >= b[0]! && p.lon <= b[2]! && p.lat >= b[1]! && p.lat <= b[3]!) k++;
      return k;
    };
    let lo = 0;
    let hi = 8;
    let found: number[] | null = null;
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      const k = count(box(mid));
      if (Math.abs(k - target) <= target * 0.1) {
        found = box(mid);
        break;
      }
      if (k < target) lo = mid;
      else hi = mid;
    }
    // Sites sit on a 1e-6° grid: edges half a step off it, so no site lies on an edge, where the two sides
    // may decide differently whether the boundary is in.
    if (found) boxes.push(found.map((v) => Math.round(v * 1e6) / 1e6 + 5e-7));
  }
  return boxes;
}

/** The distinct tiles at zoom z of `n` random sites: where the sites are, the dense places more often. */
export function tilesOfSites(points: readonly Point[], z: number, n: number, seed = 61): TileCoord[] {
  const random = mulberry32(seed);
  const tiles = new Map<string, TileCoord>();
  for (let i = 0; i < n * 4 && tiles.size < n; i++) {
    const p = points[Math.floor(random() * points.length)]!;
    const t = tileOf(p.lon, p.lat, z);
    tiles.set(`${t.x}/${t.y}`, t);
  }
  return [...tiles.values()];
}

/** Every tile at zoom z that holds a site. */
export function allTilesWithSites(points: readonly Point[], z: number): TileCoord[] {
  const tiles = new Map<string, TileCoord>();
  for (const p of points) {
    const t = tileOf(p.lon, p.lat, z);
    tiles.set(`${t.x}/${t.y}`, t);
  }
  return [...tiles.values()];
}

/** A pan at zoom z: the row of tiles through the median latitude, west edge of the sites to the east edge. */
export function panRow(points: readonly Point[], z: number): TileCoord[] {
  const lats = points.map((p) => p.lat).sort((a, b) => a - b);
  const lat = lats[Math.floor(lats.length / 2)]!;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const p of points) {
    minLon = Math.min(minLon, p.lon);
    maxLon = Math.max(maxLon, p.lon);
  }
  const west = tileOf(minLon, lat, z);
  const east = tileOf(maxLon, lat, z);
  return Array.from({ length: east.x - west.x + 1 }, (_, i) => ({ z, x: west.x + i, y: west.y }));
}

/** A regular octagon of radius `km` around a point (straight lon/lat edges), closed. */
export function octagon(c: Point, km: number) {
  const dLat = km / 111.195;
  const dLon = dLat / Math.cos((c.lat * Math.PI) / 180);
  const ring = Array.from({ length: 8 }, (_, i) => {
    const a = (i * Math.PI) / 4;
    return [
      Math.round((c.lon + dLon * Math.cos(a)) * 1e6) / 1e6,
      Math.round((c.lat + dLat * Math.sin(a)) * 1e6) / 1e6,
    ];
  });
  return { type: 'Polygon' as const, coordinates: [[...ring, ring[0]!]] };
}

const csvCell = (v: unknown) =>
  v === null || v === undefined
    ? ''
    : /[",\n]/.test(String(v))
      ? `"${String(v).replace(/"/g, '""')}"`
      : String(v);

/** Sites as the import's CSV, new externalIds `${prefix}${i}` (scenario 6 and profile-import.ts). */
export function sitesCsv(sites: readonly SeedData['sites'][number][], prefix: string): string {
  const header =
    'externalId,name,nameZh,operator,machines,loadMw,status,firstObserved,feederSubstationExternalId,lon,lat';
  const rows = sites.map((p, i) =>
    [
      `${prefix}${i}`,
      p.name,
      p.nameZh,
      p.operator,
      p.machines,
      p.loadMw,
      p.status,
      p.firstObserved,
      p.feederSubstationExternalId,
      p.lon,
      p.lat,
    ]
      .map(csvCell)
      .join(','),
  );
  return [header, ...rows].join('\n');
}

/**
 * The live sites of an already seeded database in id order, as bench:peers picks its requests from the seed's:
 * for the scripts that measure a copy of its kept database (profile-*.ts, mapserver-connections.ts).
 */
export async function readLiveSites(databaseUrl: string): Promise<Point[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Point>('SELECT lon, lat FROM sites WHERE retired_at IS NULL ORDER BY id'))
      .rows;
  } finally {
    await client.end();
  }
}
