import type { MultiPolygon, Polygon } from 'geojson';
import { bboxOfCoordinates } from '../domain/geo/bbox';
import { outsideRegion } from '../domain/geo/outside-region';
import { zoneFieldProblems } from '../domain/zone-fields';
import { validateGeometry } from '../domain/geo/validate-geometry';
import { AppError } from './app-error';

/**
 * An area sent by a client, validated (size caps, shape, coordinates, rings, topology) and cleaned, or the
 * refusal as an API error whose detail names the place, e.g. `/geometry/coordinates/0/3`.
 */
export function requireAreaGeometry(input: unknown, field = 'geometry'): Polygon | MultiPolygon {
  const result = validateGeometry(input);
  if (result.ok) return result.value;
  const path = `/${field}${result.path}`;
  throw new AppError(result.status, result.code, `${field}: ${result.reason}`, [
    { in: 'body', path, message: result.reason },
  ]);
}

/**
 * An inspection zone's area: valid, and within the region (QUALITY.md §3): a zone far outside it is almost
 * always latitude and longitude swapped, or projected metres, and is refused with the place named.
 */
export function requireZoneGeometry(input: unknown): Polygon | MultiPolygon {
  const area = requireAreaGeometry(input);
  const [tooSmall] = zoneFieldProblems({ bbox: bboxOfCoordinates(area.coordinates) });
  if (tooSmall) {
    throw new AppError(422, 'INVALID_GEOMETRY', `geometry: ${tooSmall.reason}`, [
      { in: 'body', path: tooSmall.path, message: tooSmall.reason },
    ]);
  }
  const flag = outsideRegion(area);
  if (flag) {
    throw new AppError(422, 'INVALID_GEOMETRY', `geometry: ${flag.reason}`, [
      { in: 'body', path: `/geometry${flag.path}`, message: flag.reason },
    ]);
  }
  return area;
}
