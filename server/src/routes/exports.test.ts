import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { todayInBeijing } from '@gridwatch/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

const SQUARE = [
  [
    [86.9, 43.9],
    [87.1, 43.9],
    [87.1, 44.1],
    [86.9, 44.1],
    [86.9, 43.9],
  ],
];

describe.each(BACKENDS)('exports on %s', (backend) => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-export-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('streams GeoJSON as a download with the meta member after the features', async () => {
    const res = await get('/api/export/sites.geojson?status=UNLICENSED,SHUTDOWN_ORDERED');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="gridwatch-sites-\d{4}-\d{2}-\d{2}\.geojson"$/,
    );
    // Named on the Beijing day (after 16:00 UTC that is tomorrow in UTC terms).
    expect(res.headers['content-disposition']).toContain(`-${todayInBeijing(Date.now())}.geojson`);
    expect(res.body.indexOf('"meta"')).toBeGreaterThan(res.body.lastIndexOf('"Feature"'));
    const fc = res.json();
    expect(fc.features.map((f: { properties: { externalId: string } }) => f.properties.externalId)).toEqual([
      'M-2',
      'M-6',
    ]);
    expect(fc.meta).toMatchObject({
      count: 2,
      totalLoadMw: 140.125,
      filters: { status: 'UNLICENSED,SHUTDOWN_ORDERED' },
      source: expect.stringMatching(/^gridwatch \d/),
      exportedAt: expect.any(String),
    });
  });

  it('exports the sites of a zone', async () => {
    const enforcer = await t.login('enforcer');
    const zone = await t.app.inject({
      method: 'POST',
      url: '/api/zones',
      headers: { cookie: enforcer },
      payload: { name: 'z', geometry: { type: 'Polygon', coordinates: SQUARE } },
    });
    const res = await get(`/api/export/sites.geojson?zone=${zone.json().id}`);
    expect(res.json().meta).toMatchObject({ count: 2, totalLoadMw: 52.5 });
    expect(res.headers['content-disposition']).toContain(`zone-${zone.json().id}`);
  });

  it('takes the layer route’s filters: load range and utility', async () => {
    const fc = (await get('/api/export/sites.geojson?minLoadMw=10&utility=1')).json();
    // M-6 (100 MW, no feeder) lies in R-W, West Power's service region (docs/progress.md).
    expect(fc.features.map((f: { properties: { externalId: string } }) => f.properties.externalId)).toEqual([
      'M-1',
      'M-2',
      'M-6',
    ]);
    expect(fc.meta.filters).toEqual({ minLoadMw: 10, utility: 1 });
  });

  it('exports the sites as of a day, with the statuses and the region filter the map shows', async () => {
    // As of 4 February (small-seed history): M-2 and M-6 unlicensed, M-5 too, M-6 in region 1 (West).
    const res = await get('/api/export/sites.geojson?asOf=2026-02-04&status=UNLICENSED&region=1');
    expect(res.statusCode).toBe(200);
    const layer = (await get('/api/layers/sites?asOf=2026-02-04&status=UNLICENSED&region=1')).json();
    const ids = (fc: { features: { properties: { externalId: string; status: string } }[] }) =>
      fc.features.map((f) => [f.properties.externalId, f.properties.status]);
    expect(ids(res.json())).toEqual(ids(layer));
    expect(ids(res.json()).length).toBeGreaterThan(0);
    expect(res.json().meta.filters).toMatchObject({ asOf: '2026-02-04' });
    const csv = await get('/api/export/sites.csv?asOf=2026-02-04&status=UNLICENSED&region=1');
    expect(csv.body.trim().split('\r\n')).toHaveLength(ids(layer).length + 1);
  });

  it('refuses asOf on a zone export and on a layer other than sites, naming the parameter', async () => {
    for (const url of [
      '/api/export/sites.csv?zone=1&asOf=2026-02-04',
      '/api/export/lines.csv?asOf=2026-02-04',
    ]) {
      const res = await get(url);
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(res.json().error.details[0].path).toBe('/asOf');
    }
  });

  it('pages through a layer larger than one page without losing or repeating a feature', async () => {
    const fc = (await get('/api/export/pylons.geojson')).json();
    expect(fc.features.map((f: { id: number }) => f.id)).toEqual([1, 2, 3]);
  });

  it('writes CSV with a header, escaping cells a spreadsheet would run as formulas', async () => {
    const admin = await t.login('admin');
    const hostile = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [87.3, 44.3] },
          properties: {
            externalId: 'M-evil',
            name: '=HYPERLINK("http://evil","x")',
            nameZh: '@恶意',
            operator: '+cmd',
            machines: 10,
            loadMw: 1.5,
            status: 'SUSPECTED',
            firstObserved: '2026-02-01',
          },
        },
      ],
    };
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/import/sites',
      headers: { cookie: admin },
      payload: hostile,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const res = await get('/api/export/sites.csv');
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^id,externalId,name,nameZh,operator,.*,lon,lat$/);
    const evil = lines.find((l) => l.includes('M-evil'))!;
    expect(evil).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(evil).toContain("'@恶意");
    expect(evil).toContain("'+cmd");
    expect(evil).not.toMatch(/,=|,@|,\+/);
  });

  it('writes files that GDAL opens (ogrinfo)', async () => {
    const geojson = path.join(dir, `sites-${backend}.geojson`);
    writeFileSync(geojson, (await get('/api/export/sites.geojson')).body);
    const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', geojson], { encoding: 'utf8' });
    expect(info).toMatch(/Feature Count: 7/);
    expect(info).toMatch(/Geometry: Point/);
    const lines = path.join(dir, `lines-${backend}.geojson`);
    writeFileSync(lines, (await get('/api/export/lines.geojson')).body);
    expect(execFileSync('ogrinfo', ['-ro', '-al', '-so', lines], { encoding: 'utf8' })).toMatch(
      /Feature Count: 1/,
    );
    const csv = path.join(dir, `sites-${backend}.csv`);
    writeFileSync(csv, (await get('/api/export/sites.csv')).body);
    const csvInfo = execFileSync(
      'ogrinfo',
      ['-ro', '-al', '-so', '-oo', 'X_POSSIBLE_NAMES=lon', '-oo', 'Y_POSSIBLE_NAMES=lat', csv],
      { encoding: 'utf8' },
    );
    expect(csvInfo).toMatch(/Feature Count: 7/);
  });

  it('writes a GeoPackage with the filters, an R-tree and its meta that GDAL opens', async () => {
    const file = path.join(dir, `sites-${backend}.gpkg`);
    const res = await get('/api/export/sites.gpkg?status=UNLICENSED,SHUT_DOWN');
    expect(res.headers['content-type']).toBe('application/geopackage+sqlite3');
    expect(res.headers['content-disposition']).toMatch(/filename="gridwatch-sites-\d{4}-\d{2}-\d{2}\.gpkg"/);
    writeFileSync(file, res.rawPayload);
    const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
    expect(info).toMatch(/Feature Count: 2/);
    expect(info).toMatch(/Geometry: Point/);
    expect(info).toMatch(/FID Column = fid/);
    const sql = (query: string) =>
      execFileSync('ogrinfo', ['-ro', '-q', file, '-sql', query], { encoding: 'utf8' });
    expect(sql("SELECT HasSpatialIndex('sites', 'geom')")).toMatch(/HasSpatialIndex \(Integer\) = 1/);
    const meta = sql('SELECT metadata FROM gpkg_metadata');
    expect(meta).toMatch(/"count":2/);
    expect(meta).toMatch(/"status":"UNLICENSED,SHUT_DOWN"/);
    const all = execFileSync('ogrinfo', ['-ro', '-al', '-q', file], { encoding: 'utf8' });
    expect(all).toMatch(/externalId \(String\) = M-2/);
  });

  it.each([
    ['an unknown layer', '/api/export/roads.geojson', 404],
    ['an unknown format', '/api/export/sites.kml', 404],
    ['a zone on another layer', '/api/export/lines.geojson?zone=1', 400],
    ['an unknown zone', '/api/export/sites.geojson?zone=999', 404],
    ['a bad bbox', '/api/export/sites.csv?bbox=1,2,3', 400],
    ['an unknown parameter', '/api/export/sites.csv?format=xlsx', 400],
    ['an as-of day that is not in the calendar', '/api/export/sites.csv?asOf=2026-02-30', 400],
  ])('refuses %s', async (_name, url, status) => {
    expect((await get(url)).statusCode).toBe(status);
  });
});
