import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';
import { regionMembers, type RegionArea } from '../domain/geo/region-members';
import { ImportConflictError, planImport } from '../domain/import/plan-import';
import { readCsv } from '../domain/import/read-rows';
import { onStoreDatabase } from '../../test/store-database';

/**
 * An import that changes rows (docs/performance.md, "Fix 11"): PostgreSQL updates them set-based, SQLite a
 * prepared statement per row; both must store every field the file gives, bump each changed site's version once,
 * stamp the status change's time only where the status changed, and refile only what a row's change needs —
 * moved rows their region memberships and substation pairs, moved or relinked rows their accountable utility —
 * so that afterwards all three equal what a fresh fill from the rows gives. A stale row refuses the whole import.
 */
const N = 600;
const SUBSTATIONS = ['S-1', 'S-2', 'S-3'];
const CENTRES: [number, number][] = [
  [87.0, 44.0],
  [87.5, 44.0],
  [89.0, 44.0],
];

interface SiteRow {
  externalId: string;
  name: string;
  machines: number;
  loadMw: number;
  status: string;
  feeder: string;
  lon: number;
  lat: number;
}

/** Within about 15 km of a substation: some in the pairs' 10 km, some beyond; some on the border lon 88. */
const first = (i: number): SiteRow => {
  const [lon, lat] = CENTRES[i % 3]!;
  return {
    externalId: `C-${i}`,
    name: `Farm ${i}`,
    machines: i,
    loadMw: (i * 1.37) % 500,
    status: 'SUSPECTED',
    feeder: i % 4 === 0 ? '' : SUBSTATIONS[i % 3]!,
    lon: i % 50 === 7 ? 88 : lon + (((i * 0.0137) % 0.4) - 0.2),
    lat: lat + (((i * 0.0091) % 0.2) - 0.1),
  };
};

/** What each row becomes in the second import, by its kind (i % 6). */
const KINDS = ['unchanged', 'renamed', 'status', 'moved', 'relinked', 'everything'] as const;
const second = (i: number): SiteRow => {
  const row = first(i);
  const kind = KINDS[i % 6]!;
  const moved = { lon: row.lon + 0.11, lat: row.lat - 0.07 };
  const relinked = { feeder: row.feeder === 'S-3' ? 'S-1' : 'S-3' };
  switch (kind) {
    case 'unchanged':
      return row;
    case 'renamed':
      return {
        ...row,
        name: `Farm "${i}", 改名`,
        loadMw: row.loadMw + 0.1 + 0.2,
        machines: row.machines + 1,
      };
    case 'status':
      return { ...row, status: 'UNLICENSED' };
    case 'moved':
      return { ...row, ...moved };
    case 'relinked':
      return { ...row, ...relinked };
    case 'everything':
      return { ...row, ...moved, ...relinked, status: 'NO_CONTRACT', name: `Farm ${i} bis` };
  }
};

const cell = (v: unknown) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csvOf = (rows: SiteRow[]) =>
  [
    'externalId,name,machines,loadMw,status,firstObserved,feederSubstationExternalId,lon,lat',
    ...rows.map((r) =>
      [r.externalId, r.name, r.machines, r.loadMw, r.status, '2026-02-01', r.feeder, r.lon, r.lat]
        .map(cell)
        .join(','),
    ),
  ].join('\n');

const FIRST = Array.from({ length: N }, (_, i) => first(i));
const NEW = Array.from({ length: 40 }, (_, i) => ({ ...first(N + i), externalId: `C-new-${i}` }));
const SECOND = [...Array.from({ length: N }, (_, i) => second(i)), ...NEW];

type Feature = { id: number; geometry: { coordinates: number[] }; properties: Record<string, unknown> };

const PAIRS = 'SELECT substation_id, site_id, distance_km FROM site_substation_pairs ORDER BY 1, 2';
const UTILITIES = 'SELECT id, utility_id FROM sites ORDER BY id';

const answers: Record<string, unknown> = {};

describe.each(BACKENDS)('an import of changed sites on %s', (backend) => {
  let t: TestApp;
  let cookie: string;
  const post = (csv: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/import/sites',
      payload: csv,
      headers: { 'content-type': 'text/csv', cookie },
    });
  const sites = async () =>
    new Map(
      ((await t.app.inject({ url: '/api/layers/sites?limit=10000' })).json().features as Feature[]).map(
        (f) => [String(f.properties.externalId), f],
      ),
    );

  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    cookie = await t.login('admin');
  });
  afterAll(async () => t.close());

  it('stores every field of every changed row, bumps versions once and stamps only status changes', async () => {
    const created = await post(csvOf(FIRST));
    expect(created.statusCode, created.body).toBe(200);
    const before = await sites();
    const res = await post(csvOf(SECOND));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: NEW.length, updated: N - N / 6, unchanged: N / 6 });
    const after = await sites();
    const mine: unknown[] = [];
    for (const [i, row] of SECOND.entries()) {
      const f = after.get(row.externalId)!;
      expect(f.geometry.coordinates).toEqual([row.lon, row.lat]);
      expect(f.properties).toMatchObject({
        name: row.name,
        machines: row.machines,
        loadMw: row.loadMw,
        status: row.status,
        feederSubstationId: row.feeder ? SUBSTATIONS.indexOf(row.feeder) + 1 : null,
      });
      const old = before.get(row.externalId);
      if (!old) continue;
      const changed = KINDS[i % 6] !== 'unchanged';
      expect(f.properties.version).toBe(Number(old.properties.version) + (changed ? 1 : 0));
      const statusChanged = row.status !== 'SUSPECTED';
      if (statusChanged) expect(f.properties.statusChangedAt).not.toBe(old.properties.statusChangedAt);
      else expect(f.properties.statusChangedAt).toBe(old.properties.statusChangedAt);
      mine.push({ ...f, properties: { ...f.properties, statusChangedAt: statusChanged } });
    }
    // One history record per status change of the second import, from SUSPECTED.
    const history = await onStoreDatabase<{ n: number | string }>(
      t,
      `SELECT count(*) AS n FROM status_changes WHERE from_status = 'SUSPECTED' AND site_id IN
        (SELECT id FROM sites WHERE external_id LIKE 'C-%')`,
    );
    expect(Number(history[0]!.n)).toBe(SECOND.filter((r, i) => i < N && r.status !== 'SUSPECTED').length);
    // The per-row UPDATE (SQLite) and the set-based one (PostgreSQL) store the same rows.
    answers[backend] = mine;
    if (Object.keys(answers).length === BACKENDS.length) expect(answers.postgis).toEqual(answers.sqlite);
  });

  it('leaves the pairs, the memberships and the accountable utility as a fresh fill makes them', async () => {
    const pairs = await onStoreDatabase(t, PAIRS);
    const utilities = await onStoreDatabase(t, UTILITIES);
    expect(pairs.length).toBeGreaterThan(100);
    const points = (
      await onStoreDatabase<{ id: number; lon: number; lat: number }>(
        t,
        'SELECT id, lon, lat FROM sites ORDER BY id',
      )
    ).map((p) => ({ id: Number(p.id), lon: Number(p.lon), lat: Number(p.lat) }));
    const regions = (await t.store.queryLayer('regions', { limit: 100 })).features.map((r): RegionArea => ({
      id: r.id,
      geometry: r.geometry as RegionArea['geometry'],
    }));
    const members = await onStoreDatabase<{ region_id: number; feature_id: number }>(
      t,
      `SELECT region_id, feature_id FROM region_members WHERE layer = 'sites' ORDER BY feature_id, region_id`,
    );
    const expected = regionMembers(regions, points)
      .map((m) => ({ region_id: m.regionId, feature_id: m.featureId }))
      .sort((a, b) => a.feature_id - b.feature_id || a.region_id - b.region_id);
    expect(
      members.map((m) => ({ region_id: Number(m.region_id), feature_id: Number(m.feature_id) })),
    ).toEqual(expected);
    // The store's fill after a migration, from the rows as they are now.
    await onStoreDatabase(
      t,
      `DELETE FROM derived_state WHERE name IN ('site_utilities', 'site_substation_pairs')`,
    );
    await onStoreDatabase(t, 'UPDATE sites SET utility_id = NULL');
    await (t.store as unknown as { fillDerivedData(): Promise<void> }).fillDerivedData();
    expect(await onStoreDatabase(t, PAIRS)).toEqual(pairs);
    expect(await onStoreDatabase(t, UTILITIES)).toEqual(utilities);
    // The relinked rows did change utility (S-3 is East Power's, S-1 and S-2 West Power's).
    const relinked = SECOND.filter((_, i) => i < N && KINDS[i % 6] === 'relinked');
    const of = new Map(utilities.map((u) => [Number((u as { id: number }).id), u]));
    const after = await sites();
    for (const row of relinked) {
      const { utility_id } = of.get(after.get(row.externalId)!.id) as { utility_id: number };
      expect(Number(utility_id)).toBe(row.feeder === 'S-3' ? 2 : 1);
    }
  });

  it('refuses a plan with a stale site, naming the first in the file, and writes nothing', async () => {
    const rows = [3, 20, 7].map((i) => ({ ...second(i), name: `Stale ${i}` }));
    const read = readCsv('sites', Buffer.from(csvOf(rows)), 'utf8', 'wgs84');
    if (!read.ok) throw new Error(read.reason);
    const existing = await t.store.findImportRecords(
      'sites',
      rows.map((r) => r.externalId),
    );
    const planned = planImport('sites', read.rows, {
      existing,
      known: { substations: new Set(SUBSTATIONS), utilities: new Set(), lines: new Set() },
      at: new Date().toISOString(),
      username: 'ada',
    });
    if (!planned.ok) throw new Error(JSON.stringify(planned.problems));
    // Another writer changes C-7 and C-20 after the plan read them.
    const current = await sites();
    for (const [id, status] of [
      ['C-7', 'UNLICENSED'],
      ['C-20', 'LICENSED'],
    ]) {
      const site = current.get(id!)!;
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/sites/${site.id}`,
        payload: { status, note: 'edited meanwhile', version: site.properties.version },
        headers: { cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const snapshot = async () => ({
      sites: await onStoreDatabase(t, 'SELECT * FROM sites ORDER BY id'),
      history: await onStoreDatabase(t, 'SELECT count(*) AS n FROM status_changes'),
      audit: await onStoreDatabase(t, 'SELECT count(*) AS n FROM audit_records'),
    });
    const before = await snapshot();
    const refused = t.store.applyImport(planned.plan);
    await expect(refused).rejects.toBeInstanceOf(ImportConflictError);
    await expect(refused).rejects.toThrow(/^C-20 changed while the import ran/);
    expect(await snapshot()).toEqual(before);
  });
});
