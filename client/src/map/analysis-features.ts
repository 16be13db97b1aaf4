import type { FeatureCollection, Point } from 'geojson';
import type { ApiFeatureCollection, UnexplainedLoadRow } from '../api';

export interface UnexplainedProperties {
  substationId: number;
  name: string;
  nameZh: string;
  unexplainedMw: number;
}

export type UnexplainedFeatures = FeatureCollection<Point, UnexplainedProperties>;

/**
 * The circles of unexplained load: each of the API's rows with a positive value, placed at its substation
 * (taken from the substations layer). A row whose substation has no point is left out: there is nowhere to draw it.
 */
export function unexplainedFeatures(
  rows: readonly UnexplainedLoadRow[],
  substations: ApiFeatureCollection<'substations'>,
): UnexplainedFeatures {
  const at = new Map<number, [number, number]>();
  for (const f of substations.features) {
    if (f.geometry.type === 'Point')
      at.set(f.id, [f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0]);
  }
  return {
    type: 'FeatureCollection',
    features: rows.flatMap((row) => {
      const coordinates = at.get(row.substationId);
      if (!coordinates || !(row.unexplainedMw > 0)) return [];
      const { substationId, name, nameZh, unexplainedMw } = row;
      return [
        {
          type: 'Feature' as const,
          id: substationId,
          properties: { substationId, name, nameZh, unexplainedMw },
          geometry: { type: 'Point' as const, coordinates },
        },
      ];
    }),
  };
}
