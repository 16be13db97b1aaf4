import type { Geometry, Position } from 'geojson';
import type { Bbox } from './bbox';
import { pointer } from './geometry-refusal';

/** The frame of the seed data (DOMAIN.md, "Coordinates"). */
export const XINJIANG_BBOX: Bbox = [73.5, 34.3, 96.4, 49.2];

/** Sites just across a border are plausible; a few degrees beyond the frame is not. */
export const REGION_MARGIN_DEG = 3;

export interface RegionFlag {
  /** JSON pointer to the first position far outside the frame, e.g. `/coordinates/0/3`. */
  readonly path: string;
  readonly position: readonly [number, number];
  /** The likeliest mistake: lat/lon swapped, projected metres sent as degrees, or simply somewhere else. */
  readonly hint: 'swapped' | 'projected' | 'far';
  readonly reason: string;
}

/**
 * The first position of a geometry that lies more than `marginDeg` outside the frame, or undefined when all lie
 * within it (QUALITY.md §3). This flags data for a person to look at; it does not make a geometry invalid.
 */
export function outsideRegion(
  geometry: Geometry,
  bbox: Bbox = XINJIANG_BBOX,
  marginDeg: number = REGION_MARGIN_DEG,
): RegionFlag | undefined {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const near = (lon: number, lat: number) =>
    lon >= minLon - marginDeg &&
    lon <= maxLon + marginDeg &&
    lat >= minLat - marginDeg &&
    lat <= maxLat + marginDeg;
  // Geometries are walked with a stack: a GeometryCollection may be nested deeper than recursion should go.
  const stack: [unknown, (string | number)[]][] = [[geometry, []]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [value, at] = item;
    if (isGeometryCollection(value)) {
      for (let i = value.geometries.length - 1; i >= 0; i--)
        stack.push([value.geometries[i], [...at, 'geometries', i]]);
      continue;
    }
    if (typeof value === 'object' && value !== null && 'coordinates' in value) {
      stack.push([value.coordinates, [...at, 'coordinates']]);
      continue;
    }
    if (!Array.isArray(value)) continue;
    if (!isPosition(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], [...at, i]]);
      continue;
    }
    const [lon, lat] = value;
    if (near(lon, lat)) continue;
    const hint = Math.abs(lon) > 180 || Math.abs(lat) > 90 ? 'projected' : near(lat, lon) ? 'swapped' : 'far';
    const path = pointer(...at);
    return {
      path,
      position: [lon, lat],
      hint,
      reason: `position ${path} (${lon}, ${lat}) ${EXPLANATION[hint]}`,
    };
  }
  return undefined;
}

const EXPLANATION = {
  projected: 'is not in degrees: projected metres sent as longitude/latitude?',
  swapped: 'lies far outside the region, but inside it with longitude and latitude swapped',
  far: 'lies far outside the region',
} as const;

function isGeometryCollection(value: unknown): value is { geometries: unknown[] } {
  return (
    typeof value === 'object' && value !== null && 'geometries' in value && Array.isArray(value.geometries)
  );
}

function isPosition(value: unknown[]): value is [number, number, ...number[]] & Position {
  return typeof value[0] === 'number' && typeof value[1] === 'number';
}
