import type { SeedData } from '@gridwatch/contract';

type Substation = SeedData['substations'][number];

/**
 * Substations as a GeoJSON FeatureCollection for POST /api/import/substations, with the columns the random-write
 * tests move and add them with. Every other column is left out, so it is imported as null (no base load, no
 * reported peak: no meter), but for the base loads given by externalId in `baseLoads`.
 */
export function substationCollection(
  substations: readonly Pick<
    Substation,
    'externalId' | 'name' | 'voltageKv' | 'capacityMva' | 'lon' | 'lat'
  >[],
  baseLoads: Readonly<Record<string, number>> = {},
) {
  return {
    type: 'FeatureCollection',
    features: substations.map((x) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [x.lon, x.lat] },
      properties: {
        externalId: x.externalId,
        name: x.name,
        voltageKv: x.voltageKv,
        capacityMva: x.capacityMva,
        ...(x.externalId in baseLoads ? { baseLoadMw: baseLoads[x.externalId] } : {}),
      },
    })),
  };
}
