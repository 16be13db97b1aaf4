import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@gridwatch/contract';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

/**
 * The roles × routes matrix (docs/auth-and-audit.md): every route of the API, asked by each role, is either
 * let through to its handler or refused with 401/403 before it. A request let through may still fail on its
 * own terms (404, 409, 422…), which is fine here: the matrix is about who gets in.
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

const ROUTES: { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: object; least: Who }[] = [
  { method: 'GET', url: '/api/health', least: 'anonymous' },
  { method: 'GET', url: '/api/openapi.json', least: 'anonymous' },
  { method: 'GET', url: '/api/layers', least: 'viewer' },
  { method: 'GET', url: '/api/map-config', least: 'viewer' },
  { method: 'GET', url: '/api/layers/sites', least: 'viewer' },
  { method: 'GET', url: '/api/sites/1', least: 'viewer' },
  { method: 'GET', url: '/api/sites/1/history', least: 'viewer' },
  { method: 'GET', url: '/api/tiles/sites/4/11/5.mvt', least: 'viewer' },
  { method: 'GET', url: '/api/search?q=farm', least: 'viewer' },
  { method: 'GET', url: '/api/substations/1/unlicensed-load', least: 'viewer' },
  { method: 'GET', url: '/api/substations/nearest?lon=87&lat=44', least: 'viewer' },
  { method: 'GET', url: '/api/lines/1/corridor', least: 'viewer' },
  { method: 'GET', url: '/api/analysis/hotspots', least: 'viewer' },
  { method: 'GET', url: '/api/analysis/unexplained-load', least: 'viewer' },
  { method: 'GET', url: '/api/analysis/regions', least: 'viewer' },
  { method: 'GET', url: '/api/reports/progress?deadline=2026-08-31', least: 'viewer' },
  { method: 'GET', url: '/api/reports/progress/series?deadline=2026-08-31', least: 'viewer' },
  { method: 'POST', url: '/api/query/within', body: { geometry: SQUARE }, least: 'viewer' },
  { method: 'GET', url: '/api/export/sites.geojson', least: 'viewer' },
  { method: 'GET', url: '/api/zones/1/sites', least: 'viewer' },
  {
    method: 'PATCH',
    url: '/api/sites/1',
    body: { status: 'NO_CONTRACT', note: 'matrix', version: 99 },
    least: 'enforcer',
  },
  { method: 'POST', url: '/api/zones', body: { name: 'matrix', geometry: SQUARE }, least: 'enforcer' },
  { method: 'PATCH', url: '/api/zones/1', body: { name: 'matrix', version: 99 }, least: 'enforcer' },
  { method: 'DELETE', url: '/api/zones/1?version=99', least: 'enforcer' },
  {
    method: 'POST',
    url: '/api/import/sites?dryRun=true',
    body: { type: 'FeatureCollection', features: [] },
    least: 'admin',
  },
  { method: 'GET', url: '/api/users', least: 'admin' },
  {
    method: 'POST',
    url: '/api/users',
    body: { username: 'x', password: 'short', role: 'viewer' },
    least: 'admin',
  },
  { method: 'PATCH', url: '/api/users/1', body: { version: 99 }, least: 'admin' },
  { method: 'GET', url: '/api/audit', least: 'admin' },
];

describe.each(BACKENDS)('roles × routes on %s (public read off)', (backend) => {
  let t: TestApp;
  const cookies = new Map<Who, string | undefined>();
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend, { publicRead: false });
    cookies.set('anonymous', undefined);
    for (const role of ['viewer', 'enforcer', 'admin'] as const) cookies.set(role, await t.login(role));
  });
  afterAll(async () => t.close());

  it.each(ROUTES)('$method $url needs at least $least', async ({ method, url, body, least }) => {
    const outcome: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const who of WHO) {
      const cookie = cookies.get(who);
      const res = await t.app.inject({
        method,
        url,
        ...(body ? { payload: body } : {}),
        headers: cookie ? { cookie } : {},
      });
      outcome[who] = res.statusCode === 401 ? '401' : res.statusCode === 403 ? '403' : 'in';
      expected[who] = WHO.indexOf(who) >= WHO.indexOf(least) ? 'in' : who === 'anonymous' ? '401' : '403';
    }
    expect(outcome).toEqual(expected);
  });
});
