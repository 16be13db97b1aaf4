import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

describe.each(BACKENDS)('spatial query routes on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const post = (url: string, payload: string) =>
    t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });

  it('answers unlicensed load with sites carrying distanceKm', async () => {
    const res = await get('/api/substations/1/unlicensed-load');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ substationId: 1, radiusKm: 10, siteCount: 1, totalLoadMw: 40 });
    expect(body.sites.features[0].properties).toMatchObject({ externalId: 'M-2', distanceKm: 2.739 });
  });

  it('answers 404 for an unknown substation or line', async () => {
    expect((await get('/api/substations/99/unlicensed-load')).json().error.code).toBe('NOT_FOUND');
    expect((await get('/api/lines/99/corridor')).statusCode).toBe(404);
  });

  it.each([
    ['radiusKm negative', '/api/substations/1/unlicensed-load?radiusKm=-1', '/radiusKm'],
    ['radiusKm zero', '/api/substations/1/unlicensed-load?radiusKm=0', '/radiusKm'],
    ['radiusKm NaN', '/api/substations/1/unlicensed-load?radiusKm=NaN', '/radiusKm'],
    ['radiusKm huge', '/api/substations/1/unlicensed-load?radiusKm=100000', '/radiusKm'],
    [
      'includeSuspected not a boolean',
      '/api/substations/1/unlicensed-load?includeSuspected=maybe',
      '/includeSuspected',
    ],
    ['hotspots limit beyond the cap', '/api/analysis/hotspots?limit=5000', '/limit'],
    ['nearest without lat', '/api/substations/nearest?lon=87', '/lat'],
    ['nearest lon out of range', '/api/substations/nearest?lon=200&lat=44', '/lon'],
    ['nearest k zero', '/api/substations/nearest?lon=87&lat=44&k=0', '/k'],
    ['corridor width negative', '/api/lines/1/corridor?widthKm=-2', '/widthKm'],
    ['an unknown parameter', '/api/analysis/unexplained-load?radius=10', '/radius'],
  ])('refuses %s with 400 naming it', async (_name, url, path) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ path })],
    });
  });

  const square = '[[[86,43],[88,43],[88,45],[86,45],[86,43]]]';
  it('answers sites within a polygon with the summary', async () => {
    const res = await post('/api/query/within', `{"geometry":{"type":"Polygon","coordinates":${square}}}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toMatchObject({ siteCount: 4, totalLoadMw: 160.875 });
  });

  it('accepts a clockwise polygon (rewound, RFC 7946)', async () => {
    const clockwise = '[[[86,43],[86,45],[88,45],[88,43],[86,43]]]';
    const res = await post('/api/query/within', `{"geometry":{"type":"Polygon","coordinates":${clockwise}}}`);
    expect(res.json().summary.siteCount).toBe(4);
  });

  it.each([
    ['not JSON', '{geometry: 1}', 400, 'VALIDATION_FAILED', '/'],
    ['NaN', '{"geometry": NaN}', 400, 'VALIDATION_FAILED', '/'],
    [
      'duplicate keys',
      `{"geometry":{"type":"Polygon","coordinates":${square}},"geometry":{}}`,
      400,
      'VALIDATION_FAILED',
      '/geometry',
    ],
    [
      'a __proto__ key',
      `{"__proto__":{"x":1},"geometry":{"type":"Polygon","coordinates":${square}}}`,
      400,
      'VALIDATION_FAILED',
      '/__proto__',
    ],
    [
      'an unknown field',
      `{"geometry":{"type":"Polygon","coordinates":${square}},"color":"red"}`,
      400,
      'VALIDATION_FAILED',
      '/color',
    ],
    [
      'status as a string, not a list',
      `{"geometry":{"type":"Polygon","coordinates":${square}},"status":"LICENSED"}`,
      400,
      'VALIDATION_FAILED',
      '/status',
    ],
    [
      'a Feature where a geometry is expected',
      `{"geometry":{"type":"Feature","geometry":null}}`,
      400,
      'VALIDATION_FAILED',
      '/geometry/type',
    ],
    [
      'a bowtie',
      '{"geometry":{"type":"Polygon","coordinates":[[[86,43],[88,45],[88,43],[86,45],[86,43]]]}}',
      422,
      'INVALID_GEOMETRY',
      '/geometry/coordinates/0',
    ],
    [
      'an unclosed ring',
      '{"geometry":{"type":"Polygon","coordinates":[[[86,43],[88,43],[88,45],[86,45],[86,44]]]}}',
      422,
      'INVALID_GEOMETRY',
      '/geometry/coordinates/0/4',
    ],
    [
      'longitude 200',
      '{"geometry":{"type":"Polygon","coordinates":[[[86,43],[200,43],[88,45],[86,43]]]}}',
      422,
      'INVALID_GEOMETRY',
      '/geometry/coordinates/0/1',
    ],
  ])('refuses %s', async (_name, payload, status, code, path) => {
    const res = await post('/api/query/within', payload);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.details[0].path).toBe(path);
  });

  it('answers unlicensed load by prefecture for the choropleth', async () => {
    const regions = (await get('/api/analysis/regions')).json();
    expect(regions).toEqual([
      expect.objectContaining({
        regionId: 1,
        code: '650100',
        name: 'West',
        nameZh: '西区',
        siteCount: 3,
        totalLoadMw: 148.375,
      }),
      expect.objectContaining({ regionId: 2, name: 'East', siteCount: 0, totalLoadMw: 0 }),
    ]);
    const withSuspected = (await get('/api/analysis/regions?includeSuspected=true')).json();
    expect(withSuspected[1]).toMatchObject({
      siteCount: 1,
      totalLoadMw: 3,
      byStatus: { SUSPECTED: { count: 1, loadMw: 3 } },
    });
    expect((await get('/api/analysis/regions?level=country')).statusCode).toBe(400);
  });

  it('answers the choropleth and the hotspots as of a day, from the statuses then', async () => {
    // End of 3 February (Beijing): M-2 unlicensed and M-3 without contract in West, M-5 unlicensed in East;
    // M-6 was still only suspected.
    const regions = (await get('/api/analysis/regions?asOf=2026-02-03')).json();
    expect(
      regions.map((r: { siteCount: number; totalLoadMw: number }) => [r.siteCount, r.totalLoadMw]),
    ).toEqual([
      [2, 48.25],
      [1, 55],
    ]);
    const hot = (await get('/api/analysis/hotspots?radiusKm=100&asOf=2026-02-03')).json();
    expect(
      hot.map((h: { substationId: number; siteCount: number; totalLoadMw: number }) => [
        h.substationId,
        h.siteCount,
        h.totalLoadMw,
      ]),
    ).toEqual([
      [3, 1, 55],
      [1, 2, 48.25],
      [2, 2, 48.25],
    ]);
    // Each hotspot's numbers are its substation panel's for the same day.
    for (const h of hot as { substationId: number; siteCount: number; totalLoadMw: number }[]) {
      const near = (
        await get(`/api/substations/${h.substationId}/unlicensed-load?radiusKm=100&asOf=2026-02-03`)
      ).json();
      expect([h.substationId, near.siteCount, near.totalLoadMw]).toEqual([
        h.substationId,
        h.siteCount,
        h.totalLoadMw,
      ]);
    }
    const east = (await get('/api/substations/3/unlicensed-load?radiusKm=100&asOf=2026-02-03')).json();
    expect(
      east.sites.features.map((f: { properties: { externalId: string; status: string } }) => [
        f.properties.externalId,
        f.properties.status,
      ]),
    ).toEqual([['M-5', 'UNLICENSED']]);
    expect((await get('/api/substations/3/unlicensed-load?radiusKm=100')).json().siteCount).toBe(0);
    // Before any site was found illegal: nothing.
    expect((await get('/api/analysis/hotspots?radiusKm=100&asOf=2026-01-31')).json()).toEqual([]);
    const quiet = (await get('/api/analysis/regions?asOf=2026-01-31')).json();
    expect(quiet.map((r: { totalLoadMw: number }) => r.totalLoadMw)).toEqual([0, 0]);
    for (const url of [
      '/api/analysis/hotspots?asOf=2026-02-30',
      '/api/analysis/regions?asOf=tomorrow',
      '/api/substations/1/unlicensed-load?asOf=2026-13-01',
    ]) {
      const res = await get(url);
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(res.json().error.details[0].path).toBe('/asOf');
    }
  });

  it('answers nearest substations and hotspots', async () => {
    const nearest = (await get('/api/substations/nearest?lon=87.4&lat=44&k=2')).json();
    expect(
      nearest.features.map((f: { properties: { externalId: string } }) => f.properties.externalId),
    ).toEqual(['S-2', 'S-1']);
    const hot = (await get('/api/analysis/hotspots?radiusKm=100')).json();
    expect(hot[0]).toMatchObject({ substationId: 1, siteCount: 3 });
  });
});
