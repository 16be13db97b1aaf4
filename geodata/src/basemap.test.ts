import { describe, expect, it } from 'vitest';
import { buildBasemap, FRAME } from './basemap';
import { inBox } from './geo';

describe('buildBasemap', () => {
  const basemap = buildBasemap();

  const positions = (coordinates: unknown): number[][] =>
    Array.isArray(coordinates) && typeof coordinates[0] === 'number'
      ? [coordinates as number[]]
      : (coordinates as unknown[]).flatMap(positions);

  it('keeps every layer inside the frame', () => {
    for (const [layer, collection] of Object.entries(basemap)) {
      expect(collection.features.length, layer).toBeGreaterThan(0);
      for (const f of collection.features)
        for (const [x = NaN, y = NaN] of positions(f.geometry.coordinates))
          expect(inBox(x, y, FRAME), `${layer} ${x},${y}`).toBe(true);
    }
  });

  it('names the neighbours in English and Chinese', () => {
    const names = new Map(basemap.countries.features.map((f) => [f.properties.name, f.properties.nameZh]));
    for (const name of [
      'China',
      'Kazakhstan',
      'Kyrgyzstan',
      'Tajikistan',
      'Afghanistan',
      'Pakistan',
      'India',
      'Mongolia',
      'Russia',
    ])
      expect(names.get(name), name).toBeTruthy();
  });

  it('has the named lakes of the region and the authored cities', () => {
    const lakes = basemap.lakes.features.map((f) => f.properties.name);
    expect(lakes).toEqual(expect.arrayContaining(['Bosten Hu', 'Lop Nur', 'Issyk-Kul']));
    const urumqi = basemap.cities.features.find((f) => f.properties.name === 'Urumqi');
    expect(urumqi?.properties).toMatchObject({ nameZh: '乌鲁木齐', rank: 1 });
    expect(basemap.outline.features[0]?.properties.code).toBe('650000');
  });
});
