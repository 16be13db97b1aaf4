/**
 * Issue 10, item 3: a wrong site could not be removed. An admin retires it (DELETE /api/sites/:id, a version and
 * a reason, audited) and every read and export leaves it out; a restore brings it back everywhere. The reads
 * are the server's own routes (as it records them with their access): each is probed, or says why it holds no
 * site data, so a new route cannot forget the filter unnoticed.
 */
import { sqltag as sql } from '@prisma/client/runtime/client';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileOf } from '../../src/domain/geo/tile-math';
import type { PostgisStore } from '../../src/store/postgis/postgis-store';
import type { RawClient } from '../../src/store/sql/sql-store';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { decodeTile } from '../decode-tile';
import { SMALL_SEED } from '../fixtures/small-seed';
import { badRowsOf } from '../import-refusal';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';
import { testBasemapArchiveFile } from '../pmtiles/protomaps-archive';

/** The PMTiles basemap configured, so that its tile route is registered and covered too (docs/basemap.md). */
const WITH_BASEMAP = () => ({ GRIDWATCH_BASEMAP_PMTILES: testBasemapArchiveFile() });

// M-2 "Farm Two": 40 MW, UNLICENSED since 1 February, fed by S-1 (id 1, utility 1), in region R-W (id 1).
const SITE = { id: 2, externalId: 'M-2', loadMw: 40, lon: 87.02, lat: 44.02 };

type Row = Record<string, unknown>;
interface Probe {
  /** What the probe asks, for the failure messages. */
  name: string;
  method?: 'GET' | 'POST';
  url: string | (() => string);
  body?: object;
  /** The part of the answer the site shows in: whether it is there, or a number it adds to (by `delta`). */
  measure(res: LightMyRequestResponse): boolean | number;
  delta?: number;
}

const lists = (res: LightMyRequestResponse) =>
  res.statusCode === 200 && res.body.includes(`"${SITE.externalId}"`);
const listsId = (res: LightMyRequestResponse) =>
  res.statusCode === 200 &&
  (res.json() as { layer: string; id: number }[]).some((f) => f.layer === 'sites' && f.id === SITE.id);
const answers = (res: LightMyRequestResponse) => res.statusCode === 200;
const json = <T = Row>(res: LightMyRequestResponse): T => {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json() as T;
};
const byId = (rows: Row[], key: string, id: unknown): Row => rows.find((r) => r[key] === id)!;
const tileIds = (res: LightMyRequestResponse) =>
  res.statusCode === 204 ? [] : decodeTile(res.rawPayload, 'sites').features.map((f) => f.id);
const clusterCount = (res: LightMyRequestResponse) =>
  res.statusCode === 204
    ? 0
    : decodeTile(res.rawPayload, 'sites').features.reduce((n, f) => n + Number(f.properties.count), 0);
const tileUrl = (z: number) => {
  const { x, y } = tileOf(SITE.lon, SITE.lat, z);
  return `/api/tiles/sites/${z}/${x}/${y}.mvt`;
};
const ogcTileUrl = (z: number) => {
  const { x, y } = tileOf(SITE.lon, SITE.lat, z);
  return `/ogc/collections/sites/tiles/WebMercatorQuad/${z}/${y}/${x}`;
};
const datasetTileUrl = (z: number) => {
  const { x, y } = tileOf(SITE.lon, SITE.lat, z);
  return `/ogc/tiles/WebMercatorQuad/${z}/${y}/${x}`;
};
const AREA = {
  type: 'Polygon',
  coordinates: [
    [
      [86.9, 43.9],
      [87.1, 43.9],
      [87.1, 44.1],
      [86.9, 44.1],
      [86.9, 43.9],
    ],
  ],
};

let zoneId = 0;

/** Each read route of the API that can show a site, asked so that it shows M-2 while it is live. */
const PROBES: Record<string, Probe[]> = {
  'GET /api/layers': [
    {
      name: 'the sites layer count',
      url: '/api/layers',
      measure: (res) => byId(json<Row[]>(res), 'id', 'sites').count as number,
      delta: 1,
    },
  ],
  'GET /api/layers/:layer': [
    { name: 'sites', url: '/api/layers/sites', measure: lists },
    { name: 'sites in a box', url: '/api/layers/sites?bbox=86,43,88,45', measure: lists },
    { name: 'sites of a utility', url: '/api/layers/sites?utility=1', measure: lists },
    { name: 'sites of a region', url: '/api/layers/sites?region=1&status=UNLICENSED', measure: lists },
    { name: 'sites by load', url: '/api/layers/sites?minLoadMw=39&maxLoadMw=41', measure: lists },
    { name: 'sites as of a day', url: '/api/layers/sites?asOf=2026-03-01', measure: lists },
  ],
  'GET /api/sites/:id': [{ name: 'the site', url: `/api/sites/${SITE.id}`, measure: answers }],
  'GET /api/sites/:id/history': [
    { name: 'its history', url: `/api/sites/${SITE.id}/history`, measure: answers },
  ],
  'GET /api/substations/:id/unlicensed-load': [
    { name: 'near S-1', url: '/api/substations/1/unlicensed-load?radiusKm=50', measure: lists },
    {
      name: 'near S-1, the total',
      url: '/api/substations/1/unlicensed-load?radiusKm=50',
      measure: (res) => json(res).totalLoadMw as number,
      delta: SITE.loadMw,
    },
    {
      name: 'near S-1 as of a day',
      url: '/api/substations/1/unlicensed-load?radiusKm=50&asOf=2026-03-01',
      measure: lists,
    },
  ],
  'GET /api/analysis/hotspots': [
    {
      name: 'S-1 ranked',
      url: '/api/analysis/hotspots?radiusKm=50',
      measure: (res) => byId(json<Row[]>(res), 'substationId', 1).totalLoadMw as number,
      delta: SITE.loadMw,
    },
    {
      name: 'S-1 ranked as of a day',
      url: '/api/analysis/hotspots?radiusKm=50&asOf=2026-03-01',
      measure: (res) => byId(json<Row[]>(res), 'substationId', 1).siteCount as number,
      delta: 1,
    },
  ],
  'GET /api/lines/:id/corridor': [
    { name: 'along L-1', url: '/api/lines/1/corridor?widthKm=5', measure: lists },
  ],
  'POST /api/query/within': [
    {
      name: 'in an area',
      method: 'POST',
      url: '/api/query/within',
      body: { geometry: AREA },
      measure: lists,
    },
  ],
  'GET /api/analysis/unexplained-load': [
    {
      name: "S-1's known illegal load",
      url: '/api/analysis/unexplained-load?radiusKm=10',
      measure: (res) => byId(json<Row[]>(res), 'substationId', 1).knownIllegalLoadMw as number,
      delta: SITE.loadMw,
    },
  ],
  'GET /api/substations/:id/readings': [
    {
      name: "S-1's known illegal load by day",
      url: '/api/substations/1/readings?from=2026-03-01&to=2026-03-01',
      measure: (res) => (json(res).explained as Row[])[0]!.knownIllegalMw as number,
      delta: SITE.loadMw,
    },
  ],
  'GET /api/analysis/signatures': [
    {
      // S-1 is read (beforeAll): retiring M-2 leaves 40 MW more unexplained.
      name: "S-1's unexplained load in the ranking",
      url: '/api/analysis/signatures?asOf=2026-03-02',
      measure: (res) =>
        byId(json<{ substations: Row[] }>(res).substations, 'substationId', 1).unexplainedMw as number,
      delta: -SITE.loadMw,
    },
  ],
  'GET /api/analysis/regions': [
    {
      name: "R-W's unlicensed load",
      url: '/api/analysis/regions',
      measure: (res) => byId(json<Row[]>(res), 'regionId', 1).totalLoadMw as number,
      delta: SITE.loadMw,
    },
    {
      name: "R-W's unlicensed load as of a day",
      url: '/api/analysis/regions?asOf=2026-03-01',
      measure: (res) => byId(json<Row[]>(res), 'regionId', 1).siteCount as number,
      delta: 1,
    },
  ],
  'GET /api/tiles/:layer/:z/:x/:y.mvt': [
    { name: 'its z12 tile', url: tileUrl(12), measure: (res) => tileIds(res).includes(SITE.id) },
    {
      name: 'its z12 tile as of a day',
      url: `${tileUrl(12)}?asOf=2026-03-01`,
      measure: (res) => tileIds(res).includes(SITE.id),
    },
    { name: 'the clusters of its z5 tile', url: tileUrl(5), measure: clusterCount, delta: 1 },
  ],
  'GET /ogc/collections/:collectionId/tiles/WebMercatorQuad/:tileMatrix/:tileRow/:tileCol': [
    { name: 'its z12 OGC tile', url: ogcTileUrl(12), measure: (res) => tileIds(res).includes(SITE.id) },
    { name: 'the clusters of its z5 OGC tile', url: ogcTileUrl(5), measure: clusterCount, delta: 1 },
  ],
  'GET /ogc/tiles/WebMercatorQuad/:tileMatrix/:tileRow/:tileCol': [
    {
      name: 'its z12 dataset tile',
      url: datasetTileUrl(12),
      measure: (res) => tileIds(res).includes(SITE.id),
    },
    { name: 'the clusters of its z5 dataset tile', url: datasetTileUrl(5), measure: clusterCount, delta: 1 },
  ],
  'GET /api/zones/:id/sites': [
    { name: 'a zone around it', url: () => `/api/zones/${zoneId}/sites`, measure: lists },
  ],
  'GET /api/export/:file': [
    { name: 'GeoJSON', url: '/api/export/sites.geojson', measure: lists },
    { name: 'GeoJSON as of a day', url: '/api/export/sites.geojson?asOf=2026-03-01', measure: lists },
    {
      name: 'CSV',
      url: '/api/export/sites.csv',
      measure: (res) => res.statusCode === 200 && res.body.includes(`,${SITE.externalId},`),
    },
    {
      name: 'CSV of a zone',
      url: () => `/api/export/sites.csv?zone=${zoneId}`,
      measure: (res) => res.statusCode === 200 && res.body.includes(`,${SITE.externalId},`),
    },
  ],
  'GET /ogc/collections/:collectionId/items': [
    {
      name: 'OGC items and their count',
      url: `/ogc/collections/sites/items?limit=10000`,
      measure: (res) => (json(res).numberMatched as number) + (json(res).features as Row[]).length,
      delta: 2,
    },
    {
      name: 'OGC items as of a day',
      url: `/ogc/collections/sites/items?datetime=2026-03-01`,
      measure: (res) => json(res).numberMatched as number,
      delta: 1,
    },
  ],
  'GET /ogc/collections/:collectionId/items/:featureId': [
    {
      name: 'OGC item',
      url: `/ogc/collections/sites/items/${SITE.id}`,
      measure: (res) => res.statusCode === 200,
    },
  ],
  'GET /api/search': [
    { name: 'by name', url: '/api/search?q=Farm%20Two', measure: listsId },
    { name: 'by externalId', url: `/api/search?q=${SITE.externalId}`, measure: listsId },
  ],
  'GET /api/reports/progress': [
    {
      name: "utility 1's sites found",
      url: '/api/reports/progress?deadline=2026-08-31&asOf=2026-03-01',
      measure: (res) => byId(json(res).utilities as Row[], 'utilityId', 1).found as number,
      delta: 1,
    },
  ],
  'GET /api/reports/progress/series': [
    {
      name: "utility 1's load still drawing",
      url: '/api/reports/progress/series?deadline=2026-08-31&asOf=2026-03-01&stepDays=28',
      measure: (res) =>
        (byId(json(res).utilities as Row[], 'utilityId', 1).loadStillDrawingMw as number[]).at(-1)!,
      delta: SITE.loadMw,
    },
  ],
  'GET /api/reports/overview': [
    {
      name: "utility 1's sites found now",
      url: '/api/reports/overview?period=2026-01',
      measure: (res) => (byId(json(res).rows as Row[], 'utilityId', 1).current as Row).found as number,
      delta: 1,
    },
  ],
};

/** The read routes that hold no site data, or hold it on purpose (checked below), and why. */
const NOT_SITE_READS: Record<string, string> = {
  'GET /api/users': 'users',
  'GET /ogc': 'the OGC landing page: links',
  'GET /ogc/conformance': 'the conformance classes',
  'GET /ogc/api': 'the OGC API description',
  'GET /ogc/collections': 'the collections, each described as GET /ogc/collections/:collectionId (probed)',
  'GET /ogc/collections/:collectionId/queryables': 'the queryable properties',
  'GET /ogc/collections/:collectionId/tiles': 'tileset metadata: links',
  'GET /ogc/collections/:collectionId/tiles/WebMercatorQuad': 'tileset metadata: links',
  'GET /ogc/collections/:collectionId/tilejson.json':
    "a layer's extent, from the layerInfos of GET /api/layers (probed)",
  'GET /ogc/tilejson.json': "the dataset's extent, from the layerInfos of GET /api/layers (probed)",
  'GET /ogc/styles/gridwatch': 'the map style: URLs, no features',
  'GET /ogc/styles/gridwatch/:file': 'the style sprite: the substation square',
  'GET /ogc/styles/gridwatch/fonts/:file': 'the label font',
  'GET /ogc/collections/:collectionId': "a layer's extent, from the layerInfos of GET /api/layers (probed)",
  'GET /api/tokens': 'API tokens',
  'GET /api/map-config': 'map settings',
  'GET /api/basemap/:z/:x/:y.mvt': 'basemap tiles from the PMTiles archive: no layer data',
  'GET /api/regions/:id': 'another layer',
  'GET /api/substations/:id': 'another layer',
  'GET /api/lines/:id': 'another layer',
  'GET /api/pylons/:id': 'another layer',
  'GET /api/zones/:id': 'another layer',
  'GET /api/substations/nearest': 'substations only',
  'GET /api/audit': "the admin's trail: it keeps the retirement (checked below)",
  'GET /api/sites/retired': "the admin's list of retired sites (checked below)",
  'GET /api/attachments/:id': 'a file, reached through a history that the retirement hides',
  'GET /api/attachments/:id/thumbnail': 'a file, reached through a history that the retirement hides',
  'GET /api/reports/periods': 'the reporting schedule',
  'GET /api/reports/:id.pdf': 'a submitted report, a frozen statement kept as it was sent',
  'GET /api/reports': "reports' summaries: no site in them",
  'GET /api/reports/:id':
    "a draft's figures are read without retired sites (report-records.ts, tested in report-input.test.ts); " +
    'a submitted report is a frozen statement, kept as it was sent',
};

describe.each(BACKENDS)('a retired site on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let enforcer: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend, { env: WITH_BASEMAP() });
    admin = await t.login('admin');
    enforcer = await t.login('enforcer');
    const zone = await t.app.inject({
      method: 'POST',
      url: '/api/zones',
      headers: { cookie: enforcer },
      payload: { name: 'Around Farm Two', geometry: AREA },
    });
    zoneId = (zone.json() as { id: number }).id;
    const readings = await t.app.inject({
      method: 'POST',
      url: '/api/import/readings',
      headers: { cookie: admin, 'content-type': 'text/csv' },
      payload: 'substationExternalId,timestamp,mw\nS-1,2026-03-02T12:00:00+08:00,600',
    });
    expect(readings.statusCode, readings.body).toBe(200);
  });
  afterAll(async () => t.close());

  const ask = (probe: Probe) =>
    t.app.inject({
      method: probe.method ?? 'GET',
      url: typeof probe.url === 'string' ? probe.url : probe.url(),
      ...(probe.body ? { payload: probe.body } : {}),
    });
  const measureAll = async () => {
    const out = new Map<Probe, boolean | number>();
    for (const probe of Object.values(PROBES).flat()) out.set(probe, probe.measure(await ask(probe)));
    return out;
  };
  const version = async () =>
    ((await t.app.inject({ url: `/api/sites/${SITE.id}` })).json() as { properties: { version: number } })
      .properties.version;
  const retire = (payload: object, cookie = admin) =>
    t.app.inject({ method: 'DELETE', url: `/api/sites/${SITE.id}`, headers: { cookie }, payload });
  const restore = (payload: object, cookie = admin) =>
    t.app.inject({ method: 'POST', url: `/api/sites/${SITE.id}/restore`, headers: { cookie }, payload });

  it('probes every read route the app registers, or names why it holds no site data', () => {
    // The app's own record of its routes and their access (auth-plugin.ts). Reads: every `read` route (a POST
    // among them: /api/query/within) and every GET of an admin's. Public routes answer anyone and hold no data;
    // the rest are writes.
    const reads = t.app.routeAccess
      .filter((r) => r.access === 'read' || (r.access === 'admin' && r.method === 'GET'))
      .map((r) => `${r.method} ${r.url}`);
    const known = [...Object.keys(PROBES), ...Object.keys(NOT_SITE_READS)];
    expect(reads.filter((route) => !known.includes(route))).toEqual([]);
    expect(known.filter((route) => !reads.includes(route))).toEqual([]);
  });

  it('is refused to anyone but an admin, without a reason, and at a stale version; nothing changes', async () => {
    const v = await version();
    expect((await retire({ version: v, reason: 'duplicate' }, enforcer)).statusCode).toBe(403);
    const blank = await retire({ version: v, reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details[0].path).toBe('/reason');
    expect((await retire({ version: v })).statusCode).toBe(400);
    const stale = await retire({ version: v + 5, reason: 'duplicate' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: [{ currentVersion: v }] });
    expect((await t.app.inject({ url: `/api/sites/${SITE.id}` })).statusCode).toBe(200);
    expect(await version()).toBe(v);
  });

  it('leaves every read and export once retired, audited with who, when and why; a restore brings it back', async () => {
    const live = await measureAll();
    for (const [probe, seen] of live) {
      if (probe.delta === undefined) expect(seen, `${probe.name}: sees the live site`).toBe(true);
    }
    const v = await version();
    const res = await retire({ version: v, reason: 'Duplicate of M-1: the same farm mapped twice' });
    expect(res.statusCode, res.body).toBe(200);
    const retired = res.json();
    expect(retired).toMatchObject({
      id: SITE.id,
      externalId: SITE.externalId,
      retiredBy: 'admin',
      reason: 'Duplicate of M-1: the same farm mapped twice',
      version: v + 1,
    });

    const gone = await measureAll();
    for (const [probe, seen] of gone) {
      const before = live.get(probe)!;
      if (probe.delta === undefined) expect(seen, `${probe.name}: leaves the retired site out`).toBe(false);
      else
        expect((before as number) - (seen as number), `${probe.name}: less by the site`).toBeCloseTo(
          probe.delta,
          6,
        );
    }

    // The admin's list and the audit trail keep it, with the reason, written with the retirement itself.
    const list = await t.app.inject({ url: '/api/sites/retired', headers: { cookie: admin } });
    expect(list.json()).toEqual([retired]);
    expect(
      (await t.app.inject({ url: '/api/sites/retired', headers: { cookie: enforcer } })).statusCode,
    ).toBe(403);
    const trail = await t.app.inject({ url: '/api/audit?limit=5', headers: { cookie: admin } });
    const record = (trail.json() as { action: string }[]).find((r) => r.action === 'retire');
    expect(record).toMatchObject({
      entity: 'site',
      entityId: SITE.id,
      username: 'admin',
      at: retired.retiredAt,
      details: { reason: retired.reason, site: { externalId: SITE.externalId } },
    });

    // Retired: no status change, no second retirement; the import neither resurrects nor changes it.
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${SITE.id}`,
      headers: { cookie: enforcer },
      payload: { status: 'SHUTDOWN_ORDERED', note: 'order served', version: retired.version },
    });
    expect(patch.statusCode).toBe(404);
    expect((await retire({ version: retired.version, reason: 'again' })).statusCode).toBe(404);
    const db = (t.store as SqliteStore | PostgisStore).prisma as unknown as RawClient;
    const rowsBefore = await db.$queryRaw<unknown[]>(sql`SELECT * FROM sites ORDER BY id`);
    for (const dryRun of [true, false]) {
      const imported = await t.app.inject({
        method: 'POST',
        url: `/api/import/sites?dryRun=${dryRun}`,
        headers: { cookie: admin },
        payload: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [SITE.lon, SITE.lat] },
              properties: {
                externalId: SITE.externalId,
                name: 'Farm Two',
                machines: 16000,
                loadMw: 40,
                status: 'UNLICENSED',
                firstObserved: '2026-01-05',
              },
            },
          ],
        },
      });
      expect(badRowsOf(imported, dryRun)).toEqual([
        {
          index: 0,
          externalId: SITE.externalId,
          message: expect.stringMatching(/retired .*restore it first/),
        },
      ]);
    }
    expect(await db.$queryRaw<unknown[]>(sql`SELECT * FROM sites ORDER BY id`)).toEqual(rowsBefore);

    // A restore names the retired version and a reason; it is audited, and the site is back everywhere.
    expect((await restore({ version: retired.version, reason: ' ' })).statusCode).toBe(400);
    expect((await restore({ version: retired.version + 1, reason: 'not a duplicate' })).statusCode).toBe(409);
    const back = await restore({ version: retired.version, reason: 'Not a duplicate after all' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ id: SITE.id, properties: { version: retired.version + 1 } });
    expect((await restore({ version: retired.version + 1, reason: 'again' })).statusCode).toBe(404);
    const restored = await measureAll();
    for (const [probe, seen] of restored)
      expect(seen, `${probe.name}: back after the restore`).toEqual(live.get(probe));
    const after = await t.app.inject({ url: '/api/audit?limit=1', headers: { cookie: admin } });
    expect(after.json()).toMatchObject([
      {
        entity: 'site',
        entityId: SITE.id,
        action: 'restore',
        details: { reason: 'Not a duplicate after all' },
      },
    ]);
    expect((await t.app.inject({ url: '/api/sites/retired', headers: { cookie: admin } })).json()).toEqual(
      [],
    );
  });
});
