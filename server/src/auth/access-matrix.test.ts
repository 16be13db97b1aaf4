import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@gridwatch/contract';
import type { Access } from '../domain/roles';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, testPassword, type TestApp } from '../../test/test-app';
import { testBasemapArchiveFile } from '../../test/pmtiles/protomaps-archive';

/** The PMTiles basemap configured, so that its tile route is registered and covered too (docs/basemap.md). */
const WITH_BASEMAP = () => ({ GRIDWATCH_BASEMAP_PMTILES: testBasemapArchiveFile() });

/**
 * The roles × routes matrix (docs/auth-and-audit.md): every route the app registers, asked by each role, is
 * either let through to its handler or refused with 401/403 before it. The routes are the app's own (recorded as
 * they register), so a new route without a row here fails the matrix. A request let through may still fail on
 * its own terms (404, 409, 422, the login's 401…), which is fine here: the matrix is about who gets in.
 */
type Who = Role | 'anonymous';
const WHO: Who[] = ['anonymous', 'viewer', 'enforcer', 'admin'];
const SQUARE = {
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

interface Row {
  /** The request that stands for the route: its path with ids, and a body for a write. */
  path: string;
  body?: object;
  least: Who;
  /** The request ends the session it is made with, so it is made with sessions of its own. */
  endsSession?: true;
}

/** Expected access of every registered route, keyed `METHOD /url` as the route is registered. */
const MATRIX: Record<string, Row> = {
  'GET /api/docs': { path: '/api/docs', least: 'anonymous' },
  'GET /api/docs/static/index.html': { path: '/api/docs/static/index.html', least: 'anonymous' },
  'GET /api/docs/static/swagger-initializer.js': {
    path: '/api/docs/static/swagger-initializer.js',
    least: 'anonymous',
  },
  'GET /api/docs/static/*': { path: '/api/docs/static/index.css', least: 'anonymous' },
  'GET /api/docs/json': { path: '/api/docs/json', least: 'anonymous' },
  'GET /api/docs/yaml': { path: '/api/docs/yaml', least: 'anonymous' },
  'GET /api/openapi.json': { path: '/api/openapi.json', least: 'anonymous' },
  'GET /api/health': { path: '/api/health', least: 'anonymous' },
  'POST /api/auth/login': {
    path: '/api/auth/login',
    body: { username: 'viewer', password: testPassword('viewer') },
    least: 'anonymous',
  },
  'POST /api/auth/logout': { path: '/api/auth/logout', least: 'anonymous', endsSession: true },
  // Public, so anyone reaches it; it answers 401 itself to whoever is not logged in.
  'GET /api/auth/me': { path: '/api/auth/me', least: 'anonymous' },
  'GET /api/auth/session': { path: '/api/auth/session', least: 'anonymous' },
  // Public, answering 401 itself; a wrong current password leaves the password as it was (400).
  'POST /api/auth/password': {
    path: '/api/auth/password',
    body: { currentPassword: 'not the password', newPassword: 'a new and long passphrase 42' },
    least: 'anonymous',
  },
  'GET /api/layers': { path: '/api/layers', least: 'viewer' },
  'GET /api/map-config': { path: '/api/map-config', least: 'viewer' },
  'GET /api/basemap/:z/:x/:y.mvt': { path: '/api/basemap/6/47/23.mvt', least: 'viewer' },
  'GET /api/layers/:layer': { path: '/api/layers/sites', least: 'viewer' },
  'GET /api/regions/:id': { path: '/api/regions/1', least: 'viewer' },
  'GET /api/substations/:id': { path: '/api/substations/1', least: 'viewer' },
  'GET /api/lines/:id': { path: '/api/lines/1', least: 'viewer' },
  'GET /api/pylons/:id': { path: '/api/pylons/1', least: 'viewer' },
  'GET /api/sites/:id': { path: '/api/sites/1', least: 'viewer' },
  'GET /api/zones/:id': { path: '/api/zones/1', least: 'viewer' },
  'GET /api/sites/:id/history': { path: '/api/sites/1/history', least: 'viewer' },
  'GET /api/tiles/:layer/:z/:x/:y.mvt': { path: '/api/tiles/sites/4/11/5.mvt', least: 'viewer' },
  'GET /api/search': { path: '/api/search?q=farm', least: 'viewer' },
  'GET /api/substations/:id/unlicensed-load': { path: '/api/substations/1/unlicensed-load', least: 'viewer' },
  'GET /api/substations/nearest': { path: '/api/substations/nearest?lon=87&lat=44', least: 'viewer' },
  'GET /api/lines/:id/corridor': { path: '/api/lines/1/corridor', least: 'viewer' },
  'GET /api/analysis/hotspots': { path: '/api/analysis/hotspots', least: 'viewer' },
  'GET /api/analysis/unexplained-load': { path: '/api/analysis/unexplained-load', least: 'viewer' },
  'GET /api/analysis/regions': { path: '/api/analysis/regions', least: 'viewer' },
  'GET /api/substations/:id/readings': { path: '/api/substations/1/readings', least: 'viewer' },
  'GET /api/analysis/signatures': { path: '/api/analysis/signatures', least: 'viewer' },
  'GET /api/reports/progress': { path: '/api/reports/progress?deadline=2026-08-31', least: 'viewer' },
  'GET /api/reports/progress/series': {
    path: '/api/reports/progress/series?deadline=2026-08-31',
    least: 'viewer',
  },
  'POST /api/query/within': { path: '/api/query/within', body: { geometry: SQUARE }, least: 'viewer' },
  'GET /api/export/:file': { path: '/api/export/sites.geojson', least: 'viewer' },
  'GET /api/zones/:id/sites': { path: '/api/zones/1/sites', least: 'viewer' },
  // Without a multipart body an allowed role gets 415, a missing attachment 404: past the access check.
  'POST /api/attachments': { path: '/api/attachments', body: {}, least: 'enforcer' },
  'GET /api/attachments/:id': { path: '/api/attachments/1', least: 'viewer' },
  'GET /api/attachments/:id/thumbnail': { path: '/api/attachments/1/thumbnail', least: 'viewer' },
  'PATCH /api/sites/:id': {
    path: '/api/sites/1',
    body: { status: 'NO_CONTRACT', note: 'matrix', version: 99 },
    least: 'enforcer',
  },
  'POST /api/zones': { path: '/api/zones', body: { name: 'matrix', geometry: SQUARE }, least: 'enforcer' },
  'PATCH /api/zones/:id': { path: '/api/zones/1', body: { name: 'matrix', version: 99 }, least: 'enforcer' },
  'DELETE /api/zones/:id': { path: '/api/zones/1?version=99', least: 'enforcer' },
  'DELETE /api/sites/:id': { path: '/api/sites/1', body: { version: 99, reason: 'matrix' }, least: 'admin' },
  'POST /api/sites/:id/restore': {
    path: '/api/sites/1/restore',
    body: { version: 99, reason: 'matrix' },
    least: 'admin',
  },
  'GET /api/sites/retired': { path: '/api/sites/retired', least: 'admin' },
  'POST /api/import/:layer': {
    path: '/api/import/sites?dryRun=true',
    body: { type: 'FeatureCollection', features: [] },
    least: 'admin',
  },
  // A JSON body: an admin gets 415 (send text/csv), past the access check.
  'POST /api/import/readings': { path: '/api/import/readings?dryRun=true', body: {}, least: 'admin' },
  'GET /api/users': { path: '/api/users', least: 'admin' },
  'POST /api/users': {
    path: '/api/users',
    body: { username: 'x', password: 'short', role: 'viewer' },
    least: 'admin',
  },
  'PATCH /api/users/:id': { path: '/api/users/1', body: { version: 99 }, least: 'admin' },
  'GET /api/audit': { path: '/api/audit', least: 'admin' },
  'GET /api/reports/periods': { path: '/api/reports/periods', least: 'viewer' },
  'PUT /api/reports/schedule': {
    path: '/api/reports/schedule',
    body: { start: '2026-01-01', deadline: '2026-08-31', graceDays: 5, version: 99 },
    least: 'admin',
  },
  'GET /api/reports/overview': { path: '/api/reports/overview?period=2026-01', least: 'viewer' },
  'GET /api/reports': { path: '/api/reports', least: 'viewer' },
  'GET /api/reports/:id': { path: '/api/reports/1', least: 'viewer' },
  'GET /api/reports/:id.pdf': { path: '/api/reports/1.pdf', least: 'viewer' },
  // The regulator's enforcer gets past the access check and is refused by the report's own rule (FORBIDDEN).
  'POST /api/reports': { path: '/api/reports', body: { period: '2026-01' }, least: 'enforcer' },
  'PATCH /api/reports/:id': {
    path: '/api/reports/1',
    body: { narrative: 'x', version: 99 },
    least: 'enforcer',
  },
  'POST /api/reports/:id/submit': { path: '/api/reports/1/submit', body: { version: 99 }, least: 'enforcer' },
  'POST /api/reports/:id/review': {
    path: '/api/reports/1/review',
    body: { decision: 'accept', version: 99 },
    least: 'enforcer',
  },
  'GET /ogc': { path: '/ogc', least: 'viewer' },
  'GET /ogc/conformance': { path: '/ogc/conformance', least: 'viewer' },
  'GET /ogc/api': { path: '/ogc/api', least: 'viewer' },
  'GET /ogc/collections': { path: '/ogc/collections', least: 'viewer' },
  'GET /ogc/collections/:collectionId': { path: '/ogc/collections/sites', least: 'viewer' },
  'GET /ogc/collections/:collectionId/queryables': {
    path: '/ogc/collections/sites/queryables',
    least: 'viewer',
  },
  'GET /ogc/collections/:collectionId/items': { path: '/ogc/collections/sites/items', least: 'viewer' },
  'GET /ogc/collections/:collectionId/items/:featureId': {
    path: '/ogc/collections/sites/items/1',
    least: 'viewer',
  },
  'GET /ogc/collections/:collectionId/tiles': { path: '/ogc/collections/sites/tiles', least: 'viewer' },
  'GET /ogc/collections/:collectionId/tiles/WebMercatorQuad': {
    path: '/ogc/collections/sites/tiles/WebMercatorQuad',
    least: 'viewer',
  },
  'GET /ogc/collections/:collectionId/tilejson.json': {
    path: '/ogc/collections/sites/tilejson.json',
    least: 'viewer',
  },
  'GET /ogc/collections/:collectionId/tiles/WebMercatorQuad/:tileMatrix/:tileRow/:tileCol': {
    path: '/ogc/collections/sites/tiles/WebMercatorQuad/4/5/11',
    least: 'viewer',
  },
  'GET /ogc/tilejson.json': { path: '/ogc/tilejson.json', least: 'viewer' },
  'GET /ogc/tiles/WebMercatorQuad/:tileMatrix/:tileRow/:tileCol': {
    path: '/ogc/tiles/WebMercatorQuad/4/5/11',
    least: 'viewer',
  },
  'GET /ogc/styles/gridwatch': { path: '/ogc/styles/gridwatch', least: 'viewer' },
  'GET /ogc/styles/gridwatch/:file': { path: '/ogc/styles/gridwatch/sprite.json', least: 'viewer' },
  'GET /ogc/styles/gridwatch/fonts/:file': {
    path: '/ogc/styles/gridwatch/fonts/noto-sans-latin-400-normal.woff2',
    least: 'viewer',
  },
  'GET /api/tokens': { path: '/api/tokens', least: 'admin' },
  'POST /api/tokens': { path: '/api/tokens', body: { name: 'matrix', username: 'nobody' }, least: 'admin' },
  'DELETE /api/tokens/:id': { path: '/api/tokens/999', least: 'admin' },
};

/** The least role each declared access level lets in while public read is off (domain/roles.ts). */
const LEAST_BY_ACCESS: Record<Access, Who> = {
  public: 'anonymous',
  read: 'viewer',
  write: 'enforcer',
  admin: 'admin',
};

/** The routes as the app registers them: read once from an app of its own. */
const registered = await (async () => {
  const t = await makeTestApp(null, 'sqlite', { env: WITH_BASEMAP() });
  const routes = [...t.app.routeAccess];
  await t.close();
  return routes.map((route) => ({ ...route, key: `${route.method} ${route.url}` }));
})();

it('has a row for every registered route, and none for a route that is gone', () => {
  const keys = registered.map((route) => route.key);
  expect(keys.filter((key) => !(key in MATRIX))).toEqual([]);
  expect(Object.keys(MATRIX).filter((key) => !keys.includes(key))).toEqual([]);
});

// The access hook's own refusals, told apart from a handler's 401 (the login's, /me's).
const refusedBy = (statusCode: number, message: string): '401' | '403' | 'in' =>
  statusCode === 401 && message.startsWith('Log in first')
    ? '401'
    : statusCode === 403 && message.includes('may not do this')
      ? '403'
      : 'in';

describe.each(BACKENDS)('roles × routes on %s (public read off)', (backend) => {
  let t: TestApp;
  const cookies = new Map<Who, string | undefined>();
  const logInAll = async () => {
    cookies.set('anonymous', undefined);
    for (const role of ['viewer', 'enforcer', 'admin'] as const) cookies.set(role, await t.login(role));
  };
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend, { publicRead: false, env: WITH_BASEMAP() });
    await logInAll();
  });
  afterAll(async () => t.close());

  it.each(registered)('$key ($access) lets in whom its row says', async ({ key, method, access }) => {
    const row = MATRIX[key];
    if (!row) throw new Error(`${key} has no row in the roles matrix`);
    expect(LEAST_BY_ACCESS[access], `${key} declares ${access}`).toBe(row.least);
    const outcome: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const who of WHO) {
      const cookie = cookies.get(who);
      const res = await t.app.inject({
        method: method as 'GET' | 'POST' | 'PATCH' | 'DELETE',
        url: row.path,
        ...(row.body ? { payload: row.body } : {}),
        headers: cookie ? { cookie } : {},
      });
      const message = res.headers['content-type']?.toString().startsWith('application/json')
        ? String((res.json() as { error?: { message?: string } }).error?.message ?? '')
        : '';
      outcome[who] = refusedBy(res.statusCode, message);
      expected[who] = WHO.indexOf(who) >= WHO.indexOf(row.least) ? 'in' : who === 'anonymous' ? '401' : '403';
    }
    if (row.endsSession) await logInAll();
    expect(outcome).toEqual(expected);
  });
});
