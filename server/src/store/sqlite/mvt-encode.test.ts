import type { LegacyFeature } from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { describe, expect, it } from 'vitest';
import { decodeTile } from '../../../test/decode-tile';
import { encodeTile } from './mvt-encode';

const FEATURES: LegacyFeature[] = [
  { id: 1, type: 1, geometry: [[10, 20]], tags: { name: 'Farm', loadMw: 12.5, status: 'LICENSED', n: 7 } },
  { id: 2, type: 1, geometry: [[4100, -30]], tags: { name: '矿场', loadMw: 7, cluster: true, neg: -3 } },
  { type: 1, geometry: [[64, 64]], tags: { cluster: true, count: 2 ** 40, loadMw_LICENSED: 0 } },
  {
    id: 3,
    type: 2,
    geometry: [
      [
        [0, 0],
        [100, 50],
        [300, -20],
      ],
    ],
    tags: { voltageKv: 750, name: 'Alpha–Beta' },
  },
  {
    id: 2_147_483_647,
    type: 3,
    geometry: [
      [
        [0, 0],
        [4096, 0],
        [4096, 4096],
        [0, 0],
      ],
      [
        [10, 10],
        [20, 10],
        [20, 20],
        [10, 10],
      ],
    ],
    tags: null,
  },
];

describe('encodeTile', () => {
  it('writes the bytes vt-pbf writes for ordinary tiles: points, lines, polygons, repeated values', () => {
    const ours = encodeTile('sites', FEATURES, 4096);
    const theirs = vtpbf.fromGeojsonVt({ sites: { features: FEATURES } }, { version: 2, extent: 4096 });
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
  });

  it('writes a number beyond the safe integers as a double, which decodes as itself', () => {
    const huge = [1e20, 1.7e308, -1e20, 2 ** 53, 2.5];
    const features: LegacyFeature[] = huge.map((loadMw, i) => ({
      id: i + 1,
      type: 1,
      geometry: [[i, i]],
      tags: { loadMw },
    }));
    expect(() => vtpbf.fromGeojsonVt({ sites: { features } }, { version: 2, extent: 4096 })).toThrow(
      /varint/,
    );
    const decoded = decodeTile(encodeTile('sites', features, 4096), 'sites');
    expect(decoded.features.map((f) => f.properties.loadMw)).toEqual(huge);
  });
});
