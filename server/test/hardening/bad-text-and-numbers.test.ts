/**
 * Issue 10, item 8: bad input that used to answer 500 (or match everything) is a 400/422 that names it, on both
 * stores, and nothing is written: NUL in text (the dry run refuses what the commit would), ids past PostgreSQL's
 * integer, hex and infinite numbers in URLs, invalid UTF-8 and lone surrogates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../fixtures/small-seed';
import { badRowsOf } from '../import-refusal';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';

const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [87, 44],
      [87.1, 44],
      [87.1, 44.1],
      [87, 44.1],
      [87, 44],
    ],
  ],
};

describe.each(BACKENDS)('bad text and numbers on %s', (backend) => {
  let t: TestApp;
  let enforcer: string;
  let admin: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    enforcer = await t.login('enforcer');
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  const zoneCount = async () => (await t.app.inject('/api/layers/zones')).json().features.length;
  const siteCount = async () => (await t.app.inject('/api/layers/sites')).json().features.length;
  const postZone = (payload: string | object, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/zones',
      headers: { cookie: enforcer, 'content-type': contentType },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it.each([
    ['a NUL in a name', JSON.stringify({ name: 'Hami\u0000north', geometry: SQUARE }), /NUL/, '/name'],
    [
      'a lone surrogate in a name',
      `{"name": "Hami \\ud800 north", "geometry": ${JSON.stringify(SQUARE)}}`,
      /surrogate/,
      '/name',
    ],
    ['a NUL in a key', `{"name": "x", "geometry": ${JSON.stringify(SQUARE)}, "a\\u0000": 1}`, /NUL/, '/'],
  ])('refuses %s with 400 naming it, and writes nothing', async (_name, body, reason, path) => {
    const before = await zoneCount();
    const res = await postZone(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(reason);
    expect(res.json().error.details[0].path).toBe(path);
    expect(await zoneCount()).toBe(before);
  });

  it('refuses a body that is not valid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/zones',
      headers: { cookie: enforcer, 'content-type': 'application/json' },
      payload: bytes,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/UTF-8/);
  });

  it('refuses a NUL in an imported name in the dry run, as the commit would, and writes nothing', async () => {
    const feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [87.5, 44] },
      properties: { externalId: 'NUL-1', name: 'farm\u0000x', status: 'SUSPECTED', loadMw: 5 },
    };
    const body = JSON.stringify({ type: 'FeatureCollection', features: [feature] });
    const before = await siteCount();
    // In GeoJSON the body parser refuses it, naming the place; in a CSV the row's check does, dry run or not.
    const geojson = await t.app.inject({
      method: 'POST',
      url: '/api/import/sites?dryRun=true',
      headers: { cookie: admin, 'content-type': 'application/geo+json' },
      payload: body,
    });
    expect(geojson.statusCode).toBe(400);
    expect(geojson.json().error.details[0].path).toBe('/features/0/properties/name');
    for (const dryRun of [true, false]) {
      const csv = await t.app.inject({
        method: 'POST',
        url: `/api/import/sites?dryRun=${dryRun}`,
        headers: { cookie: admin, 'content-type': 'text/csv' },
        payload:
          'lon,lat,externalId,name,status,loadMw,machines,firstObserved\n87.5,44,NUL-2,a\u0000b,SUSPECTED,5,100,2026-03-01\n',
      });
      expect(JSON.stringify(badRowsOf(csv, dryRun))).toMatch(/NUL/);
    }
    expect(await siteCount()).toBe(before);
  });

  it.each([
    ['an id past PostgreSQL integer', '/api/sites/2147483648', /at most 2147483647/],
    ['a hex id', '/api/sites/0x10', /decimal integer/],
    ['an id in exponent form', '/api/sites/1e1', /decimal integer/],
    ['Infinity as an audit id', '/api/audit?entity=site&id=Infinity', /decimal integer/],
    ['a NUL in a search', '/api/search?q=%00', /NUL/],
    ['a NUL in a layer filter', '/api/layers/sites?status=%00', /NUL/],
    ['Infinity as a load', '/api/layers/sites?minLoadMw=Infinity', /decimal number/],
    ['1e999 as a load', '/api/layers/sites?minLoadMw=1e999', /decimal number/],
  ])('refuses %s with 400 naming it', async (_name, url, reason) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toMatch(reason);
  });

  it('still reads decimal ids and numbers', async () => {
    expect((await t.app.inject('/api/sites/1')).statusCode).toBe(200);
    expect((await t.app.inject('/api/layers/sites?minLoadMw=0.5&maxLoadMw=1e3')).statusCode).toBe(200);
  });
});
