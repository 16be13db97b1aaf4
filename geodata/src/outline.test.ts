import { area } from '@turf/area';
import { existsSync, readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { intersection, union } from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import { CITIES } from './cities';
import { xinjiangOutline } from './outline';
import { containment } from './containment';

/** Read only to compare against, never copied (see /work/shared/geodata/README.md). */
const REFERENCE = '/work/shared/geodata/xinjiang_boundary_ne50m.geojson';

const polygons = (g: Polygon | MultiPolygon) =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((p) =>
    p.map((r) => r.map(([x = 0, y = 0]) => [x, y] as [number, number])),
  );

describe('xinjiangOutline', () => {
  const outline = xinjiangOutline();

  it('has about Xinjiang’s official area (1.66 million km²)', () => {
    const km2 = area(outline) / 1e6;
    expect(km2).toBeGreaterThan(1.55e6);
    expect(km2).toBeLessThan(1.72e6);
  });

  it('spans Xinjiang’s extent (73.5–96.4 E, 34.3–49.2 N)', () => {
    const xs = polygons(outline).flatMap((p) => p[0] ?? []);
    expect(Math.min(...xs.map(([x]) => x))).toBeCloseTo(73.5, 0);
    expect(Math.max(...xs.map(([x]) => x))).toBeCloseTo(96.4, 0);
    expect(Math.min(...xs.map(([, y]) => y))).toBeCloseTo(34.3, 0);
    expect(Math.max(...xs.map(([, y]) => y))).toBeCloseTo(49.2, 0);
  });

  it('holds every city of the basemap and none of the neighbouring provinces’ capitals', () => {
    const inOutline = containment(outline);
    for (const c of CITIES) expect(inOutline.contains(c.lon, c.lat), c.name).toBe(true);
    const outside: [string, number, number][] = [
      ['Lhasa', 91.11, 29.65],
      ['Xining', 101.78, 36.62],
      ['Golmud', 94.9, 36.4],
      ['Dunhuang', 94.66, 40.14],
      ['Mangnai', 90.2, 38.25],
      ['Almaty', 76.89, 43.24],
      ['Bishkek', 74.59, 42.87],
    ];
    for (const [name, lon, lat] of outside) expect(inOutline.contains(lon, lat), name).toBe(false);
  });

  it.skipIf(!existsSync(REFERENCE))(
    'matches the Natural Earth 1:50m admin-1 outline (area within 5 %, IoU ≥ 0.9)',
    () => {
      const reference = (
        JSON.parse(readFileSync(REFERENCE, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>
      ).features[0]?.geometry;
      if (!reference) throw new Error('reference has no feature');
      const ours = area(outline);
      const theirs = area(reference);
      expect(Math.abs(ours / theirs - 1)).toBeLessThan(0.05);
      const inter = area({
        type: 'MultiPolygon',
        coordinates: intersection(polygons(outline), polygons(reference)),
      });
      const uni = area({
        type: 'MultiPolygon',
        coordinates: union(polygons(outline), polygons(reference)),
      });
      expect(inter / uni).toBeGreaterThan(0.9);
    },
  );
});
