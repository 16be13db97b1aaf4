import { area } from '@turf/area';
import type { MultiPolygon, Polygon } from 'geojson';
import { intersection } from 'polyclip-ts';
import { clipPolygonsToBox } from './box-clip';
import type { Box } from './geo';
import { loadChina } from './sources';
import { xinjiangSide } from './xinjiang-border';

/**
 * China west of 97.5 E and north of 33 N holds all of Xinjiang; the box's edges cross China only in Tibet,
 * Qinghai and Gansu, outside Xinjiang's side of the cut, so cropping to it first changes nothing but speed.
 */
const CROP: Box = [70, 33, 97.5, 50];

/** Slivers below this (m²) are artefacts of the cut running along China's border, not land. */
const SLIVER_M2 = 1e6;

let cached: Polygon | MultiPolygon | undefined;

/**
 * Xinjiang's outline: the part of Natural Earth's China polygon on Xinjiang's side of the authored internal
 * border. Computed once per process (about 0.3 s).
 */
export function xinjiangOutline(): Polygon | MultiPolygon {
  if (cached) return cached;
  const chinaPolygons = clipPolygonsToBox(loadChina().geometry, CROP);
  const parts = intersection(chinaPolygons, [xinjiangSide()]).filter(
    (polygon) => area({ type: 'Polygon', coordinates: polygon }) > SLIVER_M2,
  );
  const [only] = parts;
  cached =
    parts.length === 1 && only
      ? { type: 'Polygon', coordinates: only }
      : { type: 'MultiPolygon', coordinates: parts };
  return cached;
}

export function asMultiPolygon(geometry: Polygon | MultiPolygon): MultiPolygon {
  return geometry.type === 'MultiPolygon'
    ? geometry
    : { type: 'MultiPolygon', coordinates: [geometry.coordinates] };
}
