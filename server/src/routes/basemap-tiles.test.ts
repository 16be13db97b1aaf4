import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTile } from '../../test/decode-tile';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { ARCHIVE_MAX_ZOOM, testBasemapArchiveFile } from '../../test/pmtiles/protomaps-archive';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

/** The local PMTiles basemap (docs/basemap.md), from the archive the tests build of the seed's basemap. */
describe.each(BACKENDS)('the PMTiles basemap on %s', (backend) => {
  let t: TestApp;
  let viewer: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend, {
      publicRead: false,
      env: { GRIDWATCH_BASEMAP_PMTILES: testBasemapArchiveFile() },
    });
    viewer = await t.login('viewer');
  });
  afterAll(async () => t.close());

  const get = (url: string, cookie: string | undefined = viewer) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: { ...(cookie ? { cookie } : {}), 'accept-encoding': 'identity' },
    });

  it('is offered by the map config with its zooms and bounds', async () => {
    expect((await get('/api/map-config')).json().pmtilesBasemap).toEqual({
      tiles: '/api/basemap/{z}/{x}/{y}.mvt',
      minzoom: 0,
      maxzoom: ARCHIVE_MAX_ZOOM,
      bounds: [70, 32, 100, 51],
      schema: 'protomaps-v4',
    });
  });

  it("serves Urumqi's tile with Protomaps' layers: earth, water, places", async () => {
    // z6 tile 47/23 holds Urumqi (87.6 E, 43.8 N).
    const res = await get('/api/basemap/6/47/23.mvt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    const places = decodeTile(res.rawPayload, 'places');
    expect(places.layerNames).toEqual(expect.arrayContaining(['earth', 'water', 'places']));
    expect(places.features.map((f) => f.properties.name)).toContain('Urumqi');
    expect(places.features[0]!.properties.kind).toBe('locality');
  });

  it('answers 204 where the archive has no tile, 400 for a coordinate off the grid, 401 without a session', async () => {
    expect((await get('/api/basemap/6/0/0.mvt')).statusCode).toBe(204);
    expect((await get(`/api/basemap/${ARCHIVE_MAX_ZOOM + 1}/94/46.mvt`)).statusCode).toBe(204);
    const off = await get('/api/basemap/3/8/1.mvt');
    expect(off.statusCode).toBe(400);
    expect(off.json().error.details[0].path).toBe('/x');
    expect((await get('/api/basemap/6/47/23.mvt', '')).statusCode).toBe(401);
  });
});

describe('GRIDWATCH_BASEMAP_PMTILES', () => {
  it('without it, there is no basemap route and the map config offers none', async () => {
    const t = await makeTestApp(SMALL_SEED, 'sqlite');
    try {
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/map-config' })).json().pmtilesBasemap,
      ).toBeNull();
      expect((await t.app.inject({ method: 'GET', url: '/api/basemap/6/47/23.mvt' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('refuses to start on a file that is not a PMTiles v3 archive, naming it', async () => {
    const file = path.join(tmpdir(), `not-an-archive-${process.pid}.pmtiles`);
    writeFileSync(file, gzipSync('{"type":"FeatureCollection"}'));
    await expect(
      makeTestApp(SMALL_SEED, 'sqlite', { env: { GRIDWATCH_BASEMAP_PMTILES: file } }),
    ).rejects.toThrow(/GRIDWATCH_BASEMAP_PMTILES: .*not-an-archive.* is not a PMTiles version 3 archive/);
    await expect(
      makeTestApp(SMALL_SEED, 'sqlite', { env: { GRIDWATCH_BASEMAP_PMTILES: '/nonexistent/x.pmtiles' } }),
    ).rejects.toThrow(/cannot open \/nonexistent\/x.pmtiles/);
  });
});
