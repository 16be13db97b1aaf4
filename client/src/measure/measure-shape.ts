import { area } from '@turf/area';
import { feature } from '@turf/helpers';
import { length } from '@turf/length';
import type { LineString, Polygon } from 'geojson';
import type { Locale } from '../i18n';
import { formatArea, formatLength } from './format-measure';

/**
 * What the measure tool shows for a drawn shape: a line's length, or a polygon's area and perimeter. Turf measures
 * on the sphere of the contract's EARTH_RADIUS_M (its default radius is the same 6,371,008.8 m), so a length here
 * is the distance the server would give between the same points.
 */
export function measureShape(shape: LineString | Polygon | null, locale: Locale): string | null {
  if (!shape) return null;
  const metres = formatLength(length(feature(shape), { units: 'meters' }), locale);
  return shape.type === 'LineString' ? metres : `${formatArea(area(shape), locale)} · ${metres}`;
}
