/**
 * Issue 12, part 1: a utility's user sees only its own utility's sites, its substations, the lines and pylons
 * between them and its own zones, on every read; another utility's site answers 404. The read routes are the
 * server's own record of them (auth-plugin.ts): each is probed, or says why it holds nothing of another
 * utility's, so a new route cannot forget the scope unnoticed. On PostGIS the row-level security of migration
 * 0010 is checked on its own, below the shared SQL.
 */
import { sqltag as sql } from '@prisma/client/runtime/client';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileOf } from '../../src/domain/geo/tile-math';
import type { PostgisStore } from '../../src/store/postgis/postgis-store';
import { runAsUtility } from '../../src/store/scope';
import type { RawClient } from '../../src/store/sql/sql-store';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { decodeTile } from '../decode-tile';
import { SMALL_SEED } from '../fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';
import { testBasemapArchiveFile } from '../pmtiles/protomaps-archive';

/** The PMTiles basemap configured, so that its tile route is registered and covered too (docs/basemap.md). */
const WITH_BASEMAP = () => ({ GRIDWATCH_BASEMAP_PMTILES: testBasemapArchiveFile() });

// The small seed: West Power (U-W, id 1) has S-1, S-2, the line L-1 between them with PY-1..3, and the sites
// M-1, M-2, M-3 (fed by its substations) and M-6 (no feeder, inside its region R-W). East Power (U-E, id 2)
// has S-3 and the sites M-4 (fed by S-3) and M-5 (no feeder, inside R-E). The tests log in as East Power.
const EAST = 2;
const OWN_SITES = ['M-4', 'M-5'];
const WEST_ZONE = 'West inspection';
/** What East Power's users must never see: the other utility's objects, by their ids and names. */
const FOREIGN = new Set([
  ...['M-1', 'M-2', 'M-3', 'M-6', 'Farm One', 'Farm Two', 'Farm Three', 'Farm Six'],
  ...['S-1', 'S-2', 'Alpha', 'Beta', 'L-1', 'Alpha–Beta 750 kV', 'PY-1', 'PY-2', 'PY-3'],
  ...['West Power', '西电', WEST_ZONE],
]);
const FOREIGN_SITE = { id: 2, lon: 87.02, lat: 44.02 }; // M-2
const OWN_SITE = { id: 4, lon: 89.01, lat: 44.0 }; // M-4

const WEST_AREA = {
  type: 'Polygon',
  coordinates: [
    [
      [86.0, 43.0],
      [88.0, 43.0],
      [88.0, 45.0],
      [86.0, 45.0],
      [86.0, 43.0],
    ],
  ],
};
const WHOLE_AREA = {
  type: 'Polygon',
  coordinates: [
    [
      [85.0, 42.0],
      [91.0, 42.0],
      [91.0, 46.0],
      [85.0, 46.0],
      [85.0, 42.0],
    ],
  ],
};

/** Every text and number an answer holds: JSON walked, CSV split into cells, a tile decoded. */
function atoms(res: LightMyRequestResponse, layer?: string): string[] {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('protobuf')) {
    if (res.statusCode === 204 || !layer) return [];
    return decodeTile(res.rawPayload, layer).features.flatMap((f) => Object.values(f.properties).map(String));
  }
  try {
    const out: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
      else out.push(String(v));
    };
    walk(JSON.parse(res.body));
    return out;
  } catch {
    return res.body.split(/[,\r\n]/).map((cell) => cell.replace(/^"|"$/g, ''));
  }
}
const leaks = (res: LightMyRequestResponse, layer?: string) =>
  atoms(res, layer).filter((a) => FOREIGN.has(a));

interface Probe {
  name: string;
  method?: 'GET' | 'POST';
  url: string | (() => string);
  body?: () => object;
  /** The tile's layer, to decode it. */
  layer?: string;
  /** More than "no foreign object": what the answer must be for East Power's user. */
  check?: (res: LightMyRequestResponse) => void;
}

type Row = Record<string, unknown>;
const ok = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json() as unknown;
};
const tile = (layer: string, z: number, lon: number, lat: number) => {
  const { x, y } = tileOf(lon, lat, z);
  return `/api/tiles/${layer}/${z}/${x}/${y}.mvt`;
};
const ogcTile = (layer: string, z: number, lon: number, lat: number) => {
  const { x, y } = tileOf(lon, lat, z);
  return `/ogc/collections/${layer}/tiles/WebMercatorQuad/${z}/${y}/${x}`;
};
const datasetTile = (z: number, lon: number, lat: number) => {
  const { x, y } = tileOf(lon, lat, z);
  return `/ogc/tiles/WebMercatorQuad/${z}/${y}/${x}`;
};
const clusterTotal = (res: LightMyRequestResponse) =>
  res.statusCode === 204
    ? 0
    : decodeTile(res.rawPayload, 'sites').features.reduce((n, f) => n + Number(f.properties.count ?? 1), 0);
const hasOwnSites = (res: LightMyRequestResponse) => {
  const seen = atoms(res);
  expect(
    OWN_SITES.filter((id) => seen.includes(id)),
    'its own sites are there',
  ).toEqual(OWN_SITES);
};
const noRowsOf = (key: string, id: number) => (res: LightMyRequestResponse) =>
  expect((ok(res) as Row[]).filter((r) => r[key] === id && Number(r.siteCount ?? 0) > 0)).toEqual([]);

let eastZone = 0;
let westZone = 0;
let eastReport = 0;
let westReport = 0;

/** Each read route, asked so that another utility's objects would show if the scope were missing. */
const PROBES: Record<string, Probe[]> = {
  'GET /api/layers': [
    {
      name: 'layer counts',
      url: '/api/layers',
      check: (res) => {
        const counts = Object.fromEntries((ok(res) as Row[]).map((l) => [l.id, l.count]));
        expect(counts).toMatchObject({ sites: 2, substations: 1, lines: 0, pylons: 0, zones: 1 });
      },
    },
  ],
  'GET /api/layers/:layer': [
    { name: 'sites', url: '/api/layers/sites', check: hasOwnSites },
    { name: 'sites of West Power', url: '/api/layers/sites?utility=1' },
    { name: 'sites in the west', url: '/api/layers/sites?bbox=86,43,88,45' },
    { name: 'sites as of a day', url: '/api/layers/sites?asOf=2026-03-01' },
    { name: 'substations', url: '/api/layers/substations' },
    { name: 'lines', url: '/api/layers/lines' },
    { name: 'pylons', url: '/api/layers/pylons' },
    { name: 'zones', url: '/api/layers/zones' },
  ],
  'GET /api/sites/:id': [{ name: 'its own site', url: `/api/sites/${OWN_SITE.id}` }],
  'GET /api/sites/:id/history': [{ name: 'its own history', url: `/api/sites/${OWN_SITE.id}/history` }],
  'GET /api/substations/:id': [{ name: 'its own substation', url: '/api/substations/3' }],
  'GET /api/substations/:id/unlicensed-load': [
    { name: 'near its S-3, 500 km', url: '/api/substations/3/unlicensed-load?radiusKm=500' },
    { name: 'as of a day', url: '/api/substations/3/unlicensed-load?radiusKm=500&asOf=2026-03-01' },
  ],
  'GET /api/substations/nearest': [
    { name: 'nearest to a western point', url: '/api/substations/nearest?lon=87&lat=44&k=10' },
  ],
  'GET /api/analysis/hotspots': [
    { name: 'hotspots', url: '/api/analysis/hotspots?radiusKm=500' },
    { name: 'hotspots as of a day', url: '/api/analysis/hotspots?radiusKm=500&asOf=2026-03-01' },
  ],
  'POST /api/query/within': [
    { name: 'the west', method: 'POST', url: '/api/query/within', body: () => ({ geometry: WEST_AREA }) },
    {
      name: 'everywhere',
      method: 'POST',
      url: '/api/query/within',
      body: () => ({ geometry: WHOLE_AREA }),
      check: hasOwnSites,
    },
  ],
  'GET /api/analysis/unexplained-load': [
    { name: 'unexplained load', url: '/api/analysis/unexplained-load?radiusKm=500' },
  ],
  'GET /api/substations/:id/readings': [
    { name: 'its own substation by day', url: '/api/substations/3/readings?from=2026-03-01&to=2026-03-31' },
  ],
  'GET /api/analysis/signatures': [
    { name: 'the signatures', url: '/api/analysis/signatures?asOf=2026-03-31' },
  ],
  'GET /api/analysis/regions': [
    { name: 'the choropleth', url: '/api/analysis/regions', check: noRowsOf('regionId', 1) },
    {
      name: 'the choropleth as of a day',
      url: '/api/analysis/regions?asOf=2026-03-01',
      check: noRowsOf('regionId', 1),
    },
  ],
  'GET /api/tiles/:layer/:z/:x/:y.mvt': [
    { name: 'the west at z12', url: tile('sites', 12, FOREIGN_SITE.lon, FOREIGN_SITE.lat), layer: 'sites' },
    {
      name: 'the west at z12 as of a day',
      url: `${tile('sites', 12, FOREIGN_SITE.lon, FOREIGN_SITE.lat)}?asOf=2026-03-01`,
      layer: 'sites',
    },
    {
      name: 'the clusters of z3',
      url: tile('sites', 3, 87, 44),
      layer: 'sites',
      check: (res) => expect(clusterTotal(res)).toBe(OWN_SITES.length),
    },
    { name: 'substations', url: tile('substations', 8, 87, 44), layer: 'substations' },
    { name: 'lines', url: tile('lines', 8, 87.25, 44), layer: 'lines' },
    { name: 'pylons', url: tile('pylons', 12, 87.25, 44.01), layer: 'pylons' },
  ],
  'GET /ogc/collections/:collectionId': [
    { name: 'the sites collection and its extent', url: '/ogc/collections/sites' },
    { name: 'the substations collection', url: '/ogc/collections/substations' },
  ],
  'GET /ogc/collections/:collectionId/items': [
    { name: 'OGC sites', url: '/ogc/collections/sites/items?limit=10000', check: hasOwnSites },
    { name: 'OGC sites of West Power', url: '/ogc/collections/sites/items?utilityId=1' },
    { name: 'OGC sites as of a day', url: '/ogc/collections/sites/items?datetime=2026-03-01' },
    { name: 'OGC substations', url: '/ogc/collections/substations/items' },
    { name: 'OGC lines', url: '/ogc/collections/lines/items' },
    { name: 'OGC pylons', url: '/ogc/collections/pylons/items' },
    { name: 'OGC zones', url: '/ogc/collections/zones/items' },
  ],
  'GET /ogc/collections/:collectionId/items/:featureId': [
    { name: 'its own site', url: `/ogc/collections/sites/items/${OWN_SITE.id}` },
  ],
  'GET /ogc/collections/:collectionId/tiles/WebMercatorQuad/:tileMatrix/:tileRow/:tileCol': [
    {
      name: 'the west at z12',
      url: ogcTile('sites', 12, FOREIGN_SITE.lon, FOREIGN_SITE.lat),
      layer: 'sites',
    },
    {
      name: 'the clusters of z3',
      url: ogcTile('sites', 3, 87, 44),
      layer: 'sites',
      check: (res) => expect(clusterTotal(res)).toBe(OWN_SITES.length),
    },
    { name: 'lines', url: ogcTile('lines', 8, 87.25, 44), layer: 'lines' },
  ],
  'GET /ogc/tiles/WebMercatorQuad/:tileMatrix/:tileRow/:tileCol': [
    {
      name: 'the whole dataset at z12',
      url: datasetTile(12, FOREIGN_SITE.lon, FOREIGN_SITE.lat),
      layer: 'sites',
    },
    {
      name: 'the whole dataset at z3',
      url: datasetTile(3, 87, 44),
      layer: 'sites',
      check: (res) => expect(clusterTotal(res)).toBe(OWN_SITES.length),
    },
    { name: 'the whole dataset: lines', url: datasetTile(8, 87.25, 44), layer: 'lines' },
  ],
  'GET /api/zones/:id': [{ name: 'its own zone', url: () => `/api/zones/${eastZone}` }],
  'GET /api/zones/:id/sites': [{ name: 'its own zone', url: () => `/api/zones/${eastZone}/sites` }],
  'GET /api/export/:file': [
    { name: 'GeoJSON', url: '/api/export/sites.geojson', check: hasOwnSites },
    { name: 'CSV', url: '/api/export/sites.csv', check: hasOwnSites },
    { name: 'CSV as of a day', url: '/api/export/sites.csv?asOf=2026-03-01' },
    { name: 'substations CSV', url: '/api/export/substations.csv' },
    { name: 'lines GeoJSON', url: '/api/export/lines.geojson' },
    { name: 'pylons CSV', url: '/api/export/pylons.csv' },
    { name: 'zones GeoJSON', url: '/api/export/zones.geojson' },
  ],
  'GET /api/search': [
    { name: 'Farm', url: '/api/search?q=Farm', check: hasOwnSites },
    { name: 'a western name', url: '/api/search?q=Alpha' },
    { name: 'a western id', url: '/api/search?q=M-2' },
  ],
  'GET /api/reports/progress': [
    {
      name: 'its own row only',
      url: '/api/reports/progress?deadline=2026-08-31&asOf=2026-06-01',
      check: (res) => expect(((ok(res) as Row).utilities as Row[]).map((u) => u.utilityId)).toEqual([EAST]),
    },
  ],
  'GET /api/reports/progress/series': [
    {
      name: 'its own row only',
      url: '/api/reports/progress/series?deadline=2026-08-31&asOf=2026-06-01&stepDays=28',
      check: (res) => expect(((ok(res) as Row).utilities as Row[]).map((u) => u.utilityId)).toEqual([EAST]),
    },
  ],
  'GET /api/reports': [
    {
      name: 'its own reports only',
      url: '/api/reports?period=2026-01',
      check: (res) => expect((ok(res) as Row[]).map((r) => r.utilityId)).toEqual([EAST]),
    },
    {
      name: "asking for West Power's",
      url: '/api/reports?utilityId=1',
      check: (res) => expect(ok(res)).toEqual([]),
    },
  ],
  'GET /api/reports/:id': [
    {
      name: 'its own report',
      url: () => `/api/reports/${eastReport}`,
      check: (res) => expect((ok(res) as Row).utilityId).toBe(EAST),
    },
  ],
  'GET /api/reports/overview': [
    {
      name: 'its own row only',
      url: '/api/reports/overview?period=2026-01',
      check: (res) => expect(((ok(res) as Row).rows as Row[]).map((r) => r.utilityId)).toEqual([EAST]),
    },
  ],
};

/** Read routes that hold nothing of another utility's, and why. */
const NOT_SCOPED_READS: Record<string, string> = {
  'GET /ogc': 'the OGC landing page: links',
  'GET /ogc/conformance': 'the conformance classes',
  'GET /ogc/api': 'the OGC API description',
  'GET /ogc/collections': 'the collections, each as GET /ogc/collections/:collectionId (probed)',
  'GET /ogc/collections/:collectionId/queryables': 'the queryable properties',
  'GET /ogc/collections/:collectionId/tiles': 'tileset metadata: links',
  'GET /ogc/collections/:collectionId/tiles/WebMercatorQuad': 'tileset metadata: links',
  'GET /ogc/collections/:collectionId/tilejson.json': 'TileJSON: tile URLs and zoom levels',
  'GET /ogc/tilejson.json': 'TileJSON of the dataset tiles: tile URLs and zoom levels',
  'GET /ogc/styles/gridwatch': 'the map style: URLs of tiles and GeoJSON, which are read with the scope',
  'GET /ogc/styles/gridwatch/:file': 'the style sprite: the substation square',
  'GET /ogc/styles/gridwatch/fonts/:file': 'the label font',
  'GET /api/map-config': 'map settings',
  'GET /api/basemap/:z/:x/:y.mvt': 'basemap tiles from the PMTiles archive: no layer data',
  'GET /api/regions/:id': 'administrative regions are public geography',
  'GET /api/lines/:id': 'East Power has no line (every line ends at a western substation): 404 below',
  'GET /api/pylons/:id': 'East Power has no pylon: 404 below',
  'GET /api/lines/:id/corridor': 'East Power has no line: 404 below',
  'GET /api/attachments/:id': "its own uploads and its own sites' evidence: checked below",
  'GET /api/attachments/:id/thumbnail': "its own uploads and its own sites' evidence: checked below",
  'GET /api/reports/periods': 'the reporting schedule, the same for every utility',
  'GET /api/reports/:id.pdf':
    "a submitted report's PDF, read as GET /api/reports/:id is (another utility's: 404 in report-pdf.test.ts)",
};

/** Another utility's objects, each asked for by id: not found, as if it did not exist. */
const FOREIGN_BY_ID = [
  `/api/sites/${FOREIGN_SITE.id}`,
  `/api/sites/${FOREIGN_SITE.id}/history`,
  '/api/substations/1',
  '/api/substations/1/readings',
  '/api/substations/1/unlicensed-load?radiusKm=50',
  '/api/lines/1',
  '/api/lines/1/corridor?widthKm=5',
  '/api/pylons/1',
  `/ogc/collections/sites/items/${FOREIGN_SITE.id}`,
  '/ogc/collections/substations/items/1',
  () => `/api/zones/${westZone}`,
  () => `/api/zones/${westZone}/sites`,
  () => `/api/reports/${westReport}`,
];

describe.each(BACKENDS)("a utility's user on %s", (backend) => {
  let t: TestApp;
  let admin: string;
  let east: string;
  let eastViewer: string;
  let westChange = 0;
  const login = async (username: string, password: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: String(res.headers['set-cookie']).split(';')[0]!, me: res.json() as Row };
  };
  const createUser = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload });

  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend, { publicRead: false, env: WITH_BASEMAP() });
    admin = await t.login('admin');
    const enforcer = await t.login('enforcer');
    for (const [username, role] of [
      ['east-enforcer', 'enforcer'],
      ['east-viewer', 'viewer'],
    ]) {
      const res = await createUser({ username, role, utilityId: EAST, password: 'east-power-password-1' });
      expect(res.statusCode, res.body).toBe(201);
    }
    east = (await login('east-enforcer', 'east-power-password-1')).cookie;
    eastViewer = (await login('east-viewer', 'east-power-password-1')).cookie;
    // Each utility's report for January (the default campaign's first month).
    const westUser = await createUser({
      username: 'west-enforcer',
      role: 'enforcer',
      utilityId: 1,
      password: 'west-power-password-1',
    });
    expect(westUser.statusCode, westUser.body).toBe(201);
    const west = (await login('west-enforcer', 'west-power-password-1')).cookie;
    const report = async (cookie: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: { cookie },
        payload: { period: '2026-01' },
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: number }).id;
    };
    eastReport = await report(east);
    westReport = await report(west);
    const zone = (cookie: string, name: string, geometry: object) =>
      t.app.inject({ method: 'POST', url: '/api/zones', headers: { cookie }, payload: { name, geometry } });
    const created = async (res: Promise<LightMyRequestResponse>) => {
      const answer = await res;
      expect(answer.statusCode, answer.body).toBe(201);
      return (answer.json() as { id: number }).id;
    };
    westZone = await created(zone(enforcer, WEST_ZONE, WEST_AREA));
    eastZone = await created(zone(east, 'East inspection', WHOLE_AREA));
    // A status change with evidence on a western site, by the regulator's enforcer.
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie: enforcer, 'content-type': 'multipart/form-data; boundary=b' },
      payload: `--b\r\nContent-Disposition: form-data; name="file"; filename="order.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n\r\n--b--\r\n`,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const site = ok(await t.app.inject({ url: `/api/sites/${FOREIGN_SITE.id}`, headers: { cookie: admin } }));
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${FOREIGN_SITE.id}`,
      headers: { cookie: enforcer },
      payload: {
        status: 'SHUTDOWN_ORDERED',
        note: 'order served',
        version: (site as { properties: { version: number } }).properties.version,
        attachmentIds: [(upload.json() as { id: number }).id],
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    westChange = (upload.json() as { id: number }).id;
  });
  afterAll(async () => t.close());

  it('belongs to one utility, says so, and cannot be an admin; the regulator is every other user', async () => {
    const { me } = await login('east-viewer', 'east-power-password-1');
    expect(me).toMatchObject({
      username: 'east-viewer',
      role: 'viewer',
      utilityId: EAST,
      utilityName: 'East Power',
    });
    const mine = await t.app.inject({ url: '/api/auth/me', headers: { cookie: east } });
    expect(mine.json()).toMatchObject({ role: 'enforcer', utilityId: EAST, utilityNameZh: '东电' });
    const regulator = await t.app.inject({ url: '/api/auth/me', headers: { cookie: admin } });
    expect(regulator.json()).toMatchObject({ utilityId: null, utilityName: null });

    const before = ok(await t.app.inject({ url: '/api/users', headers: { cookie: admin } })) as Row[];
    const asAdmin = await createUser({
      username: 'east-admin',
      role: 'admin',
      utilityId: EAST,
      password: 'east-power-password-1',
    });
    expect(asAdmin.statusCode).toBe(400);
    expect(asAdmin.json().error.details[0].path).toBe('/role');
    const nowhere = await createUser({
      username: 'nowhere',
      role: 'viewer',
      utilityId: 99,
      password: 'east-power-password-1',
    });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error.message).toMatch(/No utility with id 99/);
    expect(ok(await t.app.inject({ url: '/api/users', headers: { cookie: admin } }))).toEqual(before);
    const eastUser = before.find((u) => u.username === 'east-enforcer')!;
    const promote = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${eastUser.id}`,
      headers: { cookie: admin },
      payload: { role: 'admin', version: eastUser.version },
    });
    expect(promote.statusCode).toBe(400);
    // An admin route is refused to a utility's user like to any non-admin.
    expect((await t.app.inject({ url: '/api/users', headers: { cookie: east } })).statusCode).toBe(403);
  });

  it('probes every read route the app registers, or names why it holds nothing of another utility', () => {
    const reads = t.app.routeAccess.filter((r) => r.access === 'read').map((r) => `${r.method} ${r.url}`);
    const known = [...Object.keys(PROBES), ...Object.keys(NOT_SCOPED_READS)];
    expect(reads.filter((route) => !known.includes(route))).toEqual([]);
    expect(known.filter((route) => !reads.includes(route))).toEqual([]);
  });

  it('shows nothing of another utility on any read route, and its own things where they belong', async () => {
    for (const cookie of [east, eastViewer]) {
      for (const [route, probes] of Object.entries(PROBES)) {
        for (const probe of probes) {
          const res = await t.app.inject({
            method: probe.method ?? 'GET',
            url: typeof probe.url === 'string' ? probe.url : probe.url(),
            headers: { cookie },
            ...(probe.body ? { payload: probe.body() } : {}),
          });
          expect([200, 204], `${route} ${probe.name}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
          expect(leaks(res, probe.layer), `${route} ${probe.name}`).toEqual([]);
          probe.check?.(res);
        }
      }
    }
    // The same probes show the other utility to the regulator: the test would see a leak.
    const regulator = await t.app.inject({ url: '/api/layers/sites', headers: { cookie: admin } });
    expect(leaks(regulator)).not.toEqual([]);
  });

  it("answers 404 for another utility's objects, as if they did not exist", async () => {
    for (const url of FOREIGN_BY_ID) {
      const asked = typeof url === 'string' ? url : url();
      const res = await t.app.inject({ url: asked, headers: { cookie: east } });
      expect(res.statusCode, asked).toBe(404);
      expect(leaks(res), asked).toEqual([]);
      expect((await t.app.inject({ url: asked, headers: { cookie: admin } })).statusCode, asked).toBe(200);
    }
    for (const which of ['', '/thumbnail']) {
      const res = await t.app.inject({
        url: `/api/attachments/${westChange}${which}`,
        headers: { cookie: east },
      });
      expect(res.statusCode).toBe(404);
    }
    const file = await t.app.inject({ url: `/api/attachments/${westChange}`, headers: { cookie: admin } });
    expect(file.statusCode).toBe(200);
  });

  it("changes only its own sites and zones; another utility's answer 404 and nothing is written", async () => {
    const db = (t.store as SqliteStore | PostgisStore).prisma as unknown as RawClient;
    const snapshot = () =>
      db
        .$queryRaw<unknown[]>(sql`SELECT id, status, version FROM sites ORDER BY id`)
        .then((rows) => JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)));
    const before = await snapshot();
    const foreign = await t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${FOREIGN_SITE.id}`,
      headers: { cookie: east },
      payload: { status: 'SHUT_DOWN', note: 'not ours', version: 2 },
    });
    expect(foreign.statusCode, foreign.body).toBe(404);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/zones/${westZone}`,
      headers: { cookie: east },
      payload: { name: 'taken over', version: 1 },
    });
    expect(renamed.statusCode).toBe(404);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/zones/${westZone}?version=1`,
      headers: { cookie: east },
    });
    expect(deleted.statusCode).toBe(404);
    expect(await snapshot()).toBe(before);
    const zone = await t.app.inject({ url: `/api/zones/${westZone}`, headers: { cookie: admin } });
    expect((zone.json() as { properties: { name: string } }).properties.name).toBe(WEST_ZONE);

    const own = ok(await t.app.inject({ url: `/api/sites/${OWN_SITE.id}`, headers: { cookie: east } }));
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${OWN_SITE.id}`,
      headers: { cookie: east },
      payload: {
        status: 'UNLICENSED',
        note: 'found drawing power without a licence',
        version: (own as { properties: { version: number } }).properties.version,
        zoneId: eastZone,
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    // A zone of another organisation cannot be named on a status change.
    const intoWest = await t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${OWN_SITE.id}`,
      headers: { cookie: east },
      payload: {
        status: 'SHUTDOWN_ORDERED',
        note: 'ordered',
        version: (changed.json() as { version: number }).version,
        zoneId: westZone,
      },
    });
    expect(intoWest.statusCode).toBe(400);
    // The regulator sees every organisation's zones.
    const zones = ok(await t.app.inject({ url: '/api/layers/zones', headers: { cookie: admin } }));
    expect(atoms({ body: JSON.stringify(zones), headers: {} } as LightMyRequestResponse)).toEqual(
      expect.arrayContaining([WEST_ZONE, 'East inspection']),
    );
  });

  it('keeps each request in its own scope when the regulator and a utility ask at once', async () => {
    const asks = Array.from({ length: 24 }, (_, i) =>
      t.app.inject({ url: '/api/layers/sites', headers: { cookie: i % 2 ? admin : east } }),
    );
    const answers = await Promise.all(asks);
    answers.forEach((res, i) => {
      const count = (ok(res) as { features: unknown[] }).features.length;
      expect(count, `request ${i}`).toBe(i % 2 ? 6 : 2);
    });
  });

  it("gives an API token its user's scope", async () => {
    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: admin },
      payload: { name: 'East GIS desk', username: 'east-viewer' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const authorization = `Bearer ${(issued.json() as { token: string }).token}`;
    const sites = await t.app.inject({ url: '/ogc/collections/sites/items', headers: { authorization } });
    expect(leaks(sites)).toEqual([]);
    expect((ok(sites) as { numberMatched: number }).numberMatched).toBe(OWN_SITES.length);
    const foreign = await t.app.inject({ url: `/api/sites/${FOREIGN_SITE.id}`, headers: { authorization } });
    expect(foreign.statusCode).toBe(404);
  });

  if (backend === 'postgis') {
    it('is kept a second time by row-level security, below the shared SQL', async () => {
      const db = (t.store as PostgisStore).prisma;
      const ids = (rows: { external_id: string }[]) => rows.map((r) => r.external_id).sort();
      const read = () =>
        Promise.all([
          db.$queryRaw<{ external_id: string }[]>(sql`SELECT external_id FROM sites`),
          db.$queryRaw<{ external_id: string }[]>(sql`SELECT external_id FROM substations`),
          db.$queryRaw<{ external_id: string }[]>(sql`SELECT external_id FROM lines`),
          db.$queryRaw<{ external_id: string }[]>(sql`SELECT external_id FROM pylons`),
          db.$queryRaw<{ external_id: string }[]>(sql`SELECT external_id FROM utilities`),
        ]);
      const [sites, substations, lines, pylons, utilities] = await runAsUtility(EAST, read);
      expect(ids(sites)).toEqual(['M-4', 'M-5']);
      expect(ids(substations)).toEqual(['S-3']);
      expect(lines).toEqual([]);
      expect(pylons).toEqual([]);
      expect(ids(utilities)).toEqual(['U-E']);
      // Inside an interactive transaction too, and for writes: an UPDATE of every site touches its own.
      const touched = await runAsUtility(EAST, () =>
        db.$transaction(async (tx) => tx.$executeRaw(sql`UPDATE sites SET name = name`)),
      );
      expect(touched).toBe(2);
      // The regulator's view is whole.
      expect((await read())[0]).toHaveLength(6);
    });

    it("keeps another utility's reports out by row-level security, below the repositories' where", async () => {
      const db = (t.store as PostgisStore).prisma;
      // then() inside the scope: a Prisma query runs when first awaited, and must run in the utility's scope.
      const utilities = () =>
        db.$queryRaw<{ utility_id: number }[]>(sql`SELECT utility_id FROM reports`).then((rows) => rows);
      expect((await runAsUtility(EAST, utilities)).map((r) => Number(r.utility_id))).toEqual([EAST]);
      expect((await utilities()).map((r) => Number(r.utility_id)).sort()).toEqual([1, EAST]);
      const touched = await runAsUtility(EAST, () =>
        db.$transaction(async (tx) => tx.$executeRaw(sql`UPDATE reports SET narrative = narrative`)),
      );
      expect(touched).toBe(1);
    });
  }
});
