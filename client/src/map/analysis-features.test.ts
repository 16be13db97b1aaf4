import { describe, expect, it } from 'vitest';
import type { ApiFeatureCollection, UnexplainedLoadRow } from '../api';
import { unexplainedFeatures } from './analysis-features';

const row = (substationId: number, unexplainedMw: number): UnexplainedLoadRow => ({
  substationId,
  name: `S${substationId}`,
  nameZh: `站${substationId}`,
  asOf: '2026-06-01',
  meteredPeakMw: 100,
  meteredSource: 'readings',
  readingCount: 24,
  baseLoadMw: 10,
  licensedLoadMw: 0,
  knownIllegalLoadMw: 0,
  unexplainedMw,
});

const substations = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 1, properties: {}, geometry: { type: 'Point', coordinates: [87.6, 43.8] } },
    { type: 'Feature', id: 2, properties: {}, geometry: { type: 'Point', coordinates: [93.5, 42.8] } },
  ],
} as unknown as ApiFeatureCollection<'substations'>;

describe('unexplainedFeatures', () => {
  it("puts each row with unexplained load at its substation's point, in the API's order", () => {
    const fc = unexplainedFeatures([row(2, 119.018), row(1, 3.5)], substations);
    expect(fc.features).toEqual([
      {
        type: 'Feature',
        id: 2,
        properties: { substationId: 2, name: 'S2', nameZh: '站2', unexplainedMw: 119.018 },
        geometry: { type: 'Point', coordinates: [93.5, 42.8] },
      },
      expect.objectContaining({ id: 1, geometry: { type: 'Point', coordinates: [87.6, 43.8] } }),
    ]);
  });

  it('leaves out the rows with nothing unexplained and those whose substation is not known', () => {
    expect(unexplainedFeatures([row(1, 0), row(9, 50)], substations).features).toEqual([]);
  });
});
