import type { MultiPolygon, Polygon } from 'geojson';
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
