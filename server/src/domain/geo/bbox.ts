/** Bounding boxes in WGS 84 lon/lat: [minLon, minLat, maxLon, maxLat]. */
export type Bbox = readonly [number, number, number, number];

import type { Parsed } from '@gridwatch/contract';
export type { Parsed };

/** Parses `minLon,minLat,maxLon,maxLat` as sent in a query string; the reason names the bad value. */
export function parseBbox(text: string): Parsed<Bbox> {
  const parts = text.split(',');
  if (parts.length !== 4) {
    return { ok: false, reason: `bbox needs 4 numbers minLon,minLat,maxLon,maxLat, got ${parts.length}` };
  }
  const names = ['minLon', 'minLat', 'maxLon', 'maxLat'];
  const values: number[] = [];
  for (const [i, part] of parts.entries()) {
    const trimmed = part.trim();
    const value = trimmed === '' ? NaN : Number(trimmed);
    if (!Number.isFinite(value))
      return { ok: false, reason: `bbox ${names[i]} "${part}" is not a finite number` };
    values.push(value);
  }
  const [minLon, minLat, maxLon, maxLat] = values as [number, number, number, number];
  for (const [name, v] of [
    ['minLon', minLon],
    ['maxLon', maxLon],
  ] as const) {
    if (v < -180 || v > 180) return { ok: false, reason: `bbox ${name} ${v} is outside -180..180` };
  }
  for (const [name, v] of [
    ['minLat', minLat],
    ['maxLat', maxLat],
  ] as const) {
    if (v < -90 || v > 90) return { ok: false, reason: `bbox ${name} ${v} is outside -90..90` };
  }
  if (minLon > maxLon) return { ok: false, reason: `bbox minLon ${minLon} is greater than maxLon ${maxLon}` };
  if (minLat > maxLat) return { ok: false, reason: `bbox minLat ${minLat} is greater than maxLat ${maxLat}` };
  return { ok: true, value: [minLon, minLat, maxLon, maxLat] };
}

/** The bounding box of every position in a GeoJSON coordinates array, of any nesting depth. */
export function bboxOfCoordinates(coordinates: unknown): Bbox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [lon, lat] = c as number[];
      if (lon === undefined || lat === undefined) return;
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
      return;
    }
    for (const child of c) visit(child);
  };
  visit(coordinates);
  return [minLon, minLat, maxLon, maxLat];
}
