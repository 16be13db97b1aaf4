import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';
import { regionMembers, type RegionArea } from '../domain/geo/region-members';

/**
 * PostgreSQL takes an import's new rows set-based (store/sql/import-bulk-sql.ts), SQLite as VALUES: both stores
 * must store the same values (reals exact, text with quotes and unicode, references and their absence), give
 * ids in the file's order and write a status-change record per site; and file the sites under the regions
 * that hold them as regionMembers decides (PostgreSQL's memberships are written set-based too,
 * store/sql/import-members-sql.ts).
 */
const N = 1_200;
const rows = Array.from({ length: N }, (_, i) => ({
  externalId: `B-${i}`,
  name: i % 7 === 0 ? `Farm "${i}", 引号 ✓` : `Farm ${i}`,
  nameZh: `矿场${i}`,
  machines: i,
  loadMw: i % 5 === 0 ? 0.1 + 0.2 : (i * 1.37) % 2000,
  status: i % 2 ? 'SUSPECTED' : 'UNLICENSED',
  firstObserved: '2026-02-01',
  feeder: i % 3 === 0 ? 'S-1' : '',
  // Some on lon 88, the border of the small seed's two prefectures: in both (region memberships, below).
  lon: i % 100 === 50 ? 88 : 86 + i * 0.0013717,
  lat: 43 + ((i * 0.00091) % 2),
}));
const cell = (v: unknown) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const CSV = [
  'externalId,name,nameZh,operator,machines,loadMw,status,firstObserved,feederSubstationExternalId,lon,lat',
  ...rows.map((r) =>
    [
      r.externalId,
      r.name,
      r.nameZh,
      '',
      r.machines,
      r.loadMw,
      r.status,
      r.firstObserved,
      r.feeder,
      r.lon,
      r.lat,
    ]
      .map(cell)
      .join(','),
  ),
].join('\n');

type Feature = { id: number; geometry: { coordinates: number[] }; properties: Record<string, unknown> };
const answers: Record<string, unknown> = {};

describe.each(BACKENDS)('an import of %i sites', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
  });
  afterAll(async () => t.close());

  it(`stores every value exactly, ids in the file's order, on ${backend}`, async () => {
    const cookie = await t.login('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/import/sites',
      payload: CSV,
      headers: { 'content-type': 'text/csv', cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: N, updated: 0 });
    const read = await t.app.inject({ method: 'GET', url: '/api/layers/sites?limit=10000' });
    const imported = (read.json().features as Feature[]).filter((f) =>
      String(f.properties.externalId).startsWith('B-'),
    );
    expect(imported.map((f) => f.properties.externalId)).toEqual(rows.map((r) => r.externalId));
    const firstId = imported[0]!.id;
    expect(imported.map((f) => f.id)).toEqual(rows.map((_, i) => firstId + i));
    for (const [i, f] of imported.entries()) {
      const r = rows[i]!;
      expect(f.geometry.coordinates).toEqual([r.lon, r.lat]);
      expect(f.properties).toMatchObject({
        name: r.name,
        nameZh: r.nameZh,
        machines: r.machines,
        loadMw: r.loadMw,
        status: r.status,
        feederSubstationId: r.feeder ? 1 : null,
      });
    }
    for (const i of [0, 3, N - 1]) {
      const history = await t.app.inject({ method: 'GET', url: `/api/sites/${firstId + i}/history` });
      expect(history.json()).toMatchObject([
        { siteId: firstId + i, fromStatus: null, toStatus: rows[i]!.status },
      ]);
    }
    // Both stores: the same answer, but for the instant of the import.
    answers[backend] = imported.map((f) => ({
      ...f,
      properties: { ...f.properties, statusChangedAt: null },
    }));
    if (Object.keys(answers).length === BACKENDS.length) expect(answers.postgis).toEqual(answers.sqlite);
  });

  it(`files the imported sites under the regions regionMembers finds, borders included, on ${backend}`, async () => {
    const read = await t.app.inject({ method: 'GET', url: '/api/layers/sites?limit=10000' });
    const points = (read.json().features as Feature[])
      .filter((f) => String(f.properties.externalId).startsWith('B-'))
      .map((f) => ({ id: f.id, lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]! }));
    const regions = (await t.store.queryLayer('regions', { limit: 100 })).features.map((r): RegionArea => ({
      id: r.id,
      geometry: r.geometry as RegionArea['geometry'],
    }));
    const expected = regionMembers(regions, points);
    expect(expected.length).toBeGreaterThan(points.length); // the border's sites are in two
    const imported = new Set(points.map((p) => p.id));
    for (const region of regions) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/layers/sites?region=${region.id}&limit=10000`,
      });
      const filed = (res.json().features as Feature[]).map((f) => f.id).filter((id) => imported.has(id));
      const members = expected.filter((m) => m.regionId === region.id).map((m) => m.featureId);
      expect(filed).toEqual(members);
    }
  });
});
