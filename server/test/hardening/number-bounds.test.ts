/**
 * Issue 10, item 3: an imported `loadMw: 1e20` made every SQLite tile with that site answer 500, and two sites of
 * 1.7e308 MW broke PostGIS's low-zoom tiles, hotspots and unexplained load. Every number an import takes has
 * bounds, stated with their reason in the column tables (packages/contract/src/columns): a value outside them is
 * refused by the dry run and the commit alike, naming the row, the column and the bound, and nothing is written.
 */
import { raw, sqltag as sql } from '@prisma/client/runtime/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYER_COLUMNS, type ImportLayer } from '@gridwatch/contract';
import type { PostgisStore } from '../../src/store/postgis/postgis-store';
import type { RawClient } from '../../src/store/sql/sql-store';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { SMALL_SEED } from '../fixtures/small-seed';
import { badRowsOf } from '../import-refusal';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';

type Props = Record<string, unknown>;

/** A valid row of each import layer with numbers, to be spoilt one column at a time. */
const VALID: Partial<Record<ImportLayer, { geometry: object; properties: Props }>> = {
  sites: {
    geometry: { type: 'Point', coordinates: [87.6, 43.8] },
    properties: {
      externalId: 'B-1',
      name: 'Farm',
      machines: 1000,
      loadMw: 2.5,
      status: 'SUSPECTED',
      firstObserved: '2026-05-01',
    },
  },
  substations: {
    geometry: { type: 'Point', coordinates: [88.5, 44.5] },
    properties: { externalId: 'B-1', name: 'Nine', voltageKv: 220, capacityMva: 180 },
  },
  lines: {
    geometry: {
      type: 'LineString',
      coordinates: [
        [87.5, 44],
        [88.5, 44.5],
      ],
    },
    properties: { externalId: 'B-1', name: 'Beta–Nine', voltageKv: 220 },
  },
  pylons: {
    geometry: { type: 'Point', coordinates: [87.2, 44.0] },
    properties: { externalId: 'B-1', lineExternalId: 'L-1', seq: 1 },
  },
};

/** Every numeric import column of every layer, with its bounds as the column table states them. */
const NUMERIC = Object.entries(VALID).flatMap(([layer]) =>
  Object.entries(LAYER_COLUMNS[layer as ImportLayer]).flatMap(([name, column]) => {
    const check = column.imported?.check;
    return check && (check.type === 'number' || check.type === 'integer')
      ? [{ layer: layer as ImportLayer, name, ...check }]
      : [];
  }),
);

const collection = (layer: ImportLayer, change: Props) => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', ...VALID[layer], properties: { ...VALID[layer]!.properties, ...change } }],
});

describe.each(BACKENDS)('number bounds of imports on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  const post = (layer: ImportLayer, dryRun: boolean, payload: object | string, type = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: `/api/import/${layer}?dryRun=${dryRun}`,
      headers: { cookie: admin, 'content-type': type },
      payload,
    });
  const db = () => (t.store as SqliteStore | PostgisStore).prisma as unknown as RawClient;
  const everything = async () =>
    Promise.all(
      ['sites', 'substations', 'lines', 'pylons', 'status_changes', 'audit_records'].map((table) =>
        db().$queryRaw<unknown[]>(sql`SELECT * FROM ${raw(table)} ORDER BY id`),
      ),
    );

  it('states a bound for every numeric column', () => {
    expect(NUMERIC.map((c) => `${c.layer}.${c.name}`)).toEqual([
      'sites.machines',
      'sites.loadMw',
      'substations.voltageKv',
      'substations.capacityMva',
      'substations.baseLoadMw',
      'substations.meteredPeakMw',
      'lines.voltageKv',
      'pylons.seq',
    ]);
    for (const c of NUMERIC) expect(c.max, `${c.layer}.${c.name}`).toBeGreaterThan(c.min);
  });

  it.each([
    ['loadMw', 1e20, 'a number ≥ 0 and ≤ 2000, not 100000000000000000000'],
    ['loadMw', 1.7e308, 'a number ≥ 0 and ≤ 2000, not 1.7e+308'],
    ['loadMw', 2000.001, 'a number ≥ 0 and ≤ 2000, not 2000.001'],
    ['machines', 1_000_001, 'an integer ≥ 0 and ≤ 1000000, not 1000001'],
  ])(
    'refuses a site with %s %d in the dry run and the commit, naming row, column and bound',
    async (name, value, says) => {
      const before = await everything();
      for (const dryRun of [true, false]) {
        const res = await post('sites', dryRun, collection('sites', { [name]: value }));
        expect(badRowsOf(res, dryRun)).toEqual([
          { index: 0, externalId: 'B-1', message: `${name} must be ${says}` },
        ]);
        if (!dryRun) expect(res.json().error.message).toBe('1 row is invalid, so nothing was imported');
      }
      expect(await everything()).toEqual(before);
    },
  );

  it('refuses the same in a CSV, naming its line', async () => {
    const before = await everything();
    const csv =
      'externalId,name,machines,loadMw,status,firstObserved,lon,lat\n' +
      'B-1,Farm,10,2.5,SUSPECTED,2026-05-01,87.6,43.8\n' +
      'B-2,Farm,10,1e20,SUSPECTED,2026-05-01,87.6,43.9\n';
    for (const dryRun of [true, false]) {
      const res = await post('sites', dryRun, csv, 'text/csv');
      expect(badRowsOf(res, dryRun)).toEqual([
        {
          index: 1,
          externalId: 'B-2',
          message: 'line 3: loadMw must be a number ≥ 0 and ≤ 2000, not "1e20"',
        },
      ]);
    }
    expect(await everything()).toEqual(before);
  });

  it.each(NUMERIC)(
    'refuses $layer.$name above $max, and takes it at $max',
    async ({ layer, name, type, max }) => {
      const before = await everything();
      const above = type === 'integer' ? max + 1 : max * 1.5;
      for (const dryRun of [true, false]) {
        const res = await post(layer, dryRun, collection(layer, { [name]: above }));
        expect(badRowsOf(res, dryRun)).toEqual([
          {
            index: 0,
            externalId: 'B-1',
            message: expect.stringMatching(new RegExp(`^${name} must be .* ≤ ${max}, not`)),
          },
        ]);
      }
      expect(await everything()).toEqual(before);
      const atBound = await post(layer, true, collection(layer, { [name]: max }));
      expect(atBound.statusCode, atBound.body).toBe(200);
    },
  );
});
