/**
 * Line geometries and pylons. Real lines are not ruler-straight: they bend around terrain and settlements, so
 * each line gets a gentle, smooth sideways swing (zero at both ends) plus a little per-vertex noise.
 */
import type { LineString, Position } from 'geojson';
import { haversineKm } from '@gridwatch/contract';
import { kmPerDegLon, KM_PER_DEG_LAT, roundTo } from './geo';
import type { Edge } from './network';
import type { Rng } from './prng';
import type { SeedLine, SeedPylon } from '@gridwatch/contract';

const VERTEX_EVERY_KM = 5;
const PYLON_SPACING_M = 450;

export function lineGeometry(edge: Edge, rng: Rng): LineString {
  const { from, to } = edge;
  const kx = kmPerDegLon((from.lat + to.lat) / 2);
  const dx = (to.lon - from.lon) * kx;
  const dy = (to.lat - from.lat) * KM_PER_DEG_LAT;
  const lengthKm = Math.hypot(dx, dy);
  const n = Math.max(2, Math.ceil(lengthKm / VERTEX_EVERY_KM));
  const amplitude = Math.min(0.03 * lengthKm, 6);
  const [f1, f2] = [rng.range(0.5, 1.5), rng.range(1.5, 3)];
  const [p1, p2] = [rng.range(0, 2 * Math.PI), rng.range(0, 2 * Math.PI)];
  // Unit normal to the line, in km.
  const nx = -dy / lengthKm;
  const ny = dx / lengthKm;
  const coordinates: Position[] = [[from.lon, from.lat]];
  for (let i = 1; i < n; i++) {
    const t = i / n;
    const swing =
      amplitude *
      Math.sin(Math.PI * t) *
      (0.7 * Math.sin(2 * Math.PI * f1 * t + p1) + 0.3 * Math.sin(2 * Math.PI * f2 * t + p2));
    const side = swing + rng.range(-0.1, 0.1);
    coordinates.push([
      from.lon + (t * dx + side * nx) / kx,
      from.lat + (t * dy + side * ny) / KM_PER_DEG_LAT,
    ]);
  }
  coordinates.push([to.lon, to.lat]);
  return {
    type: 'LineString',
    coordinates: coordinates.map(([x = 0, y = 0]) => [roundTo(x, 6), roundTo(y, 6)]),
  };
}

export function lineName(edge: Edge): { name: string; nameZh: string } {
  const short = (name: string) => name.replace(/ \d+ kV Substation$/, '');
  const shortZh = (name: string) => name.replace(/\d+千伏变电站$/, '');
  return {
    name: `${short(edge.from.name)}–${short(edge.to.name)} ${edge.voltageKv} kV Line`,
    nameZh: `${shortZh(edge.from.nameZh)}—${shortZh(edge.to.nameZh)}${edge.voltageKv}千伏线路`,
  };
}

/**
 * Pylons evenly spaced along the line, as close to 450 m apart as a whole number of spans allows (so the spacing
 * stays within 400–500 m for any line over ~3 km), half a span from each end.
 */
export function pylonsAlong(line: SeedLine): SeedPylon[] {
  const coords = line.geometry.coordinates;
  const segments: number[] = [];
  let total = 0;
  for (let i = 1; i < coords.length; i++) {
    const [ax = 0, ay = 0] = coords[i - 1] ?? [];
    const [bx = 0, by = 0] = coords[i] ?? [];
    const d = haversineKm(ax, ay, bx, by) * 1000;
    segments.push(d);
    total += d;
  }
  const spans = Math.max(1, Math.round(total / PYLON_SPACING_M));
  const spacing = total / spans;
  const pylons: SeedPylon[] = [];
  let segment = 0;
  let segmentStart = 0;
  for (let k = 0; k < spans; k++) {
    const along = (k + 0.5) * spacing;
    while (segment < segments.length - 1 && segmentStart + (segments[segment] ?? 0) < along) {
      segmentStart += segments[segment] ?? 0;
      segment++;
    }
    const f = (along - segmentStart) / (segments[segment] || 1);
    const [ax = 0, ay = 0] = coords[segment] ?? [];
    const [bx = 0, by = 0] = coords[segment + 1] ?? [];
    pylons.push({
      externalId: `PY-${line.externalId}-${k + 1}`,
      lineExternalId: line.externalId,
      seq: k + 1,
      lon: roundTo(ax + f * (bx - ax), 6),
      lat: roundTo(ay + f * (by - ay), 6),
      synthetic: true,
    });
  }
  return pylons;
}
