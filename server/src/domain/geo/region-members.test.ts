import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { regionMembers } from './region-members';

const square = (x0: number, y0: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ],
  ],
});

describe('regionMembers', () => {
  const west = { id: 1, geometry: square(80, 40, 1) };
  const east = { id: 2, geometry: square(81, 40, 1) };
  const province = { id: 3, geometry: square(79, 39, 4) };

  it('files a point under every region that holds it, borders included', () => {
    const points = [
      { id: 10, lon: 80.5, lat: 40.5 }, // inside west
      { id: 11, lon: 81, lat: 40.5 }, // on the shared border: both
      { id: 12, lon: 81.5, lat: 41 }, // on east's top edge
      { id: 13, lon: 82 + 1e-7, lat: 40.5 }, // just east of east: only the province
      { id: 14, lon: 90, lat: 40 }, // outside all
    ];
    expect(regionMembers([west, east, province], points)).toEqual([
      { regionId: 1, featureId: 10 },
      { regionId: 1, featureId: 11 },
      { regionId: 2, featureId: 11 },
      { regionId: 2, featureId: 12 },
      { regionId: 3, featureId: 10 },
      { regionId: 3, featureId: 11 },
      { regionId: 3, featureId: 12 },
      { regionId: 3, featureId: 13 },
    ]);
  });

  it('leaves a point in a hole out', () => {
    const withHole: Polygon = {
      type: 'Polygon',
      coordinates: [square(0, 0, 10).coordinates[0]!, square(4, 4, 2).coordinates[0]!.slice().reverse()],
    };
    const points = [
      { id: 1, lon: 5, lat: 5 },
      { id: 2, lon: 4, lat: 5 },
    ];
    expect(regionMembers([{ id: 7, geometry: withHole }], points)).toEqual([{ regionId: 7, featureId: 2 }]);
  });
});
