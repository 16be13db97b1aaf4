import { describe, expect, it } from 'vitest';
import { readCsv, readFeatureCollection } from './read-rows';

const site = (properties: Record<string, unknown>, coordinates: unknown = [87.6, 43.8]) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties: {
    externalId: 'X-1',
    name: 'Farm',
    machines: 100,
    loadMw: 2.5,
    status: 'SUSPECTED',
    firstObserved: '2026-05-01',
    ...properties,
  },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const problemsOf = (body: unknown) => {
  const read = readFeatureCollection('sites', body, 'wgs84');
  if (!read.ok) throw new Error(read.reason);
  return read.problems;
};

describe('readFeatureCollection', () => {
  it('reads a valid site, filling the optional fields', () => {
    const read = readFeatureCollection('sites', collection(site({})), 'wgs84');
    expect(read).toMatchObject({ ok: true, problems: [] });
    expect(read.ok && read.rows[0]?.record.properties).toMatchObject({
      nameZh: '',
      operator: '',
      feederSubstationExternalId: null,
    });
  });

  it.each([
    ['a number as a string', { loadMw: '12' }, /loadMw must be a number ≥ 0 and ≤ 2000, not the string "12"/],
    [
      'a value wrapped in an array',
      { machines: [100] },
      /machines must be an integer ≥ 0 and ≤ 1000000, not an array/,
    ],
    ['a fraction of a machine', { machines: 1.5 }, /machines must be an integer/],
    ['an unknown status', { status: 'ILLEGAL' }, /status must be one of LICENSED/],
    ['a date that does not exist', { firstObserved: '2026-02-30' }, /firstObserved must be a date/],
    ['a missing name', { name: null }, /name is required/],
    ['an unknown property', { colour: 'red' }, /unknown property "colour"/],
    ['a property the server sets', { version: 3 }, /unknown property "version"/],
  ])('refuses %s, naming the property', (_name, properties, message) => {
    expect(problemsOf(collection(site(properties)))).toEqual([
      { index: 0, externalId: 'X-1', message: expect.stringMatching(message) },
    ]);
  });

  it.each([
    ['lon/lat swapped', [43.8, 87.6], /probably lon\/lat swapped: \[87.6, 43.8\] would lie in Xinjiang/],
    ['projected metres', [9751000, 5431000], /longitude 9751000 .* \(projected metres sent as degrees\?\)/],
    ['a point in Beijing', [116.4, 39.9], /far outside Xinjiang/],
    ['a position with strings', ['87', '44'], /must hold numbers/],
    ['a line where a point belongs', { type: 'LineString' }, /must be a Point/],
  ])('refuses %s', (_name, coordinates, message) => {
    const feature = site({}, coordinates);
    if (!Array.isArray(coordinates)) feature.geometry = coordinates as never;
    expect(problemsOf(collection(feature))[0]?.message).toMatch(message);
  });

  it('refuses a crs member on a feature or its geometry, and on the collection as a whole', () => {
    const onFeature = { ...site({}), crs: {} };
    const onGeometry = site({ externalId: 'X-2' });
    (onGeometry.geometry as Record<string, unknown>).crs = {};
    expect(problemsOf(collection(onFeature, onGeometry)).map((p) => p.message)).toEqual([
      expect.stringMatching(/"crs" member is not allowed/),
      expect.stringMatching(/"crs" member is not allowed/),
    ]);
    expect(readFeatureCollection('sites', { ...collection(), crs: {} }, 'wgs84')).toMatchObject({
      ok: false,
      status: 400,
      path: '/crs',
    });
  });

  it('reports every later occurrence of an externalId', () => {
    const problems = problemsOf(
      collection(site({}), site({ name: 'B' }), site({}), site({ externalId: 'X-2' })),
    );
    expect(problems).toEqual([
      { index: 1, externalId: 'X-1', message: 'externalId "X-1" appears again (first at index 0)' },
      { index: 2, externalId: 'X-1', message: 'externalId "X-1" appears again (first at index 0)' },
    ]);
  });

  it('names every fault of a row in one entry', () => {
    const [problem] = problemsOf(collection(site({ loadMw: '1', status: 'X' }, [200, 44])));
    expect(problem?.message.split('; ')).toHaveLength(3);
  });

  it('refuses a Feature where a FeatureCollection belongs', () => {
    expect(readFeatureCollection('sites', site({}), 'wgs84')).toMatchObject({ ok: false, status: 400 });
  });

  it('reads a line and a region, storing a Polygon as a MultiPolygon', () => {
    const line = readFeatureCollection(
      'lines',
      collection({
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [87, 44],
            [87.5, 44],
          ],
        },
        properties: { externalId: 'L-9', name: 'L', voltageKv: 220 },
      }),
      'wgs84',
    );
    expect(line).toMatchObject({ ok: true, problems: [] });
    const region = readFeatureCollection(
      'regions',
      collection({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [86, 43],
              [87, 43],
              [87, 44],
              [86, 43],
            ],
          ],
        },
        properties: { externalId: 'R-9', code: '650000', name: 'R', level: 'county' },
      }),
      'wgs84',
    );
    expect(region.ok && region.rows[0]?.record.geometry.type).toBe('MultiPolygon');
  });

  it('refuses a bowtie region with the validator’s reason', () => {
    const read = readFeatureCollection(
      'regions',
      collection({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [86, 43],
              [87, 44],
              [87, 43],
              [86, 44],
              [86, 43],
            ],
          ],
        },
        properties: { externalId: 'R-9', code: '650000', name: 'R', level: 'county' },
      }),
      'wgs84',
    );
    expect(read.ok && read.problems[0]?.message).toMatch(/self-intersection/i);
  });
});

describe('readCsv', () => {
  const csv = (text: string, layer: 'sites' | 'lines' = 'sites') =>
    readCsv(layer, new TextEncoder().encode(text), 'utf8', 'wgs84');
  const header = 'externalId,name,machines,loadMw,status,firstObserved,lon,lat';

  it('parses cells by column type', () => {
    const read = csv(`${header}\nC-1,Farm,10,2.5,LICENSED,2026-01-01,87.6,43.8\n`);
    expect(read.ok && read.rows[0]?.record).toEqual({
      properties: expect.objectContaining({ machines: 10, loadMw: 2.5, nameZh: '' }),
      geometry: { type: 'Point', coordinates: [87.6, 43.8] },
    });
  });

  it('names the line and the cell of a bad row', () => {
    const read = csv(`${header}\nC-1,Farm,ten,2.5,LICENSED,2026-01-01,87.6,\n`);
    expect(read.ok && read.problems).toEqual([
      {
        index: 0,
        externalId: 'C-1',
        message: 'line 2: machines must be an integer ≥ 0 and ≤ 1000000, not "ten"; line 2: lat is required',
      },
    ]);
  });

  it.each([
    ['an unknown column', `${header},colour\n`, 400, /unknown column "colour"/],
    ['a missing column', 'externalId,name,lon,lat\n', 400, /no column "machines", "loadMw"/],
    ['a repeated column', `${header},lon\n`, 400, /"lon" appears twice/],
    ['text that is not UTF-8', null, 400, /not valid UTF-8.*encoding=gb18030/],
  ])('refuses %s as a whole', (_name, text, status, reason) => {
    const read =
      text === null ? readCsv('sites', new Uint8Array([0xd6, 0xd0, 0x0a]), 'utf8', 'wgs84') : csv(text);
    expect(read).toMatchObject({ ok: false, status, reason: expect.stringMatching(reason) });
  });

  it('refuses CSV for a layer that is not points', () => {
    expect(csv('externalId\n', 'lines')).toMatchObject({ ok: false, status: 415 });
  });
});
