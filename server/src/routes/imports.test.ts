import { readFileSync } from 'node:fs';
import { sqltag as sql } from '@prisma/client/runtime/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { wgs84ToGcj02 } from '../domain/geo/gcj02';
import { haversineKm } from '../domain/geo/haversine';
import { ImportConflictError, planImport } from '../domain/import/plan-import';
import { MAX_IMPORT_ROWS, readFeatureCollection } from '../domain/import/read-rows';
import type { PostgisStore } from '../store/postgis/postgis-store';
import type { RawClient } from '../store/sql/sql-store';
import type { SqliteStore } from '../store/sqlite/sqlite-store';
import { decodeTile } from '../../test/decode-tile';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

const GB18030_CSV = new URL('../../test/fixtures/import/sites-gb18030.csv', import.meta.url);

type Props = Record<string, unknown>;

const siteFeature = (externalId: string, props: Props = {}, coordinates = [87.6, 43.8]) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties: {
    externalId,
    name: `Farm ${externalId}`,
    nameZh: '矿场',
    operator: 'Op Ltd',
    machines: 1000,
    loadMw: 2.5,
    status: 'SUSPECTED',
    firstObserved: '2026-05-01',
    ...props,
  },
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe.each(BACKENDS)('POST /api/import/:layer on %s', (backend) => {
  let t: TestApp;
  let cookies: Record<string, string>;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    const passwordHash = await hashPassword('importer-password');
    await t.store.users.create({ username: 'ada', role: 'admin', passwordHash }, 'test');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ada', password: 'importer-password' },
    });
    cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
  });
  afterAll(async () => t.close());

  const post = (url: string, payload: string | Buffer, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url, payload, cookies, headers: { 'content-type': contentType } });
  const db = () => (t.store as SqliteStore | PostgisStore).prisma as unknown as RawClient;
  const statusChanges = async (externalId: string) =>
    db().$queryRaw<Props[]>(sql`SELECT c.from_status AS "from", c.to_status AS "to", c.note, c.username, c.at
      FROM status_changes c JOIN sites s ON s.id = c.site_id WHERE s.external_id = ${externalId} ORDER BY c.id`);
  const countAll = async () => {
    const [row] = await db().$queryRaw<Props[]>(sql`SELECT count(*) AS n FROM status_changes`);
    const layers = (await t.app.inject({ method: 'GET', url: '/api/layers' })).json() as Props[];
    return { statusChanges: Number(row?.n), layers: layers.map((l) => [l.id, l.count]) };
  };
  const site = async (externalId: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/layers/sites' });
    return (res.json().features as { properties: Props; geometry: { coordinates: number[] } }[]).find(
      (f) => f.properties.externalId === externalId,
    );
  };

  it('creates sites from GeoJSON, each with a status-change record naming the import', async () => {
    const res = await post(
      '/api/import/sites',
      collection(siteFeature('A-1', { feederSubstationExternalId: 'S-1' }), siteFeature('A-2')),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0, unchanged: 0, errors: [] });
    expect((await site('A-1'))?.properties).toMatchObject({
      externalId: 'A-1',
      feederSubstationId: 1,
      status: 'SUSPECTED',
      version: 1,
    });
    const [change, ...more] = await statusChanges('A-1');
    expect(more).toEqual([]);
    expect(change).toMatchObject({ from: null, to: 'SUSPECTED', username: 'ada' });
    expect(change?.note).toMatch(/^import \d{4}-\d\d-\d\dT[\d:.]+Z$/);
  });

  it('lets only an admin import: anonymous 401, viewer and enforcer 403, nothing written', async () => {
    const refusedTo = async (cookie?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/import/sites',
        payload: collection(siteFeature('Z-1')),
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      });
    const anonymous = await refusedTo();
    expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
    for (const role of ['viewer', 'enforcer'] as const) {
      const res = await refusedTo(await t.login(role));
      expect([role, res.statusCode, res.json().error.code]).toEqual([role, 403, 'FORBIDDEN']);
    }
    expect(await site('Z-1')).toBeUndefined();
    const admin = await post('/api/import/sites?dryRun=true', collection(siteFeature('Z-1')));
    expect([admin.statusCode, admin.json().created]).toEqual([200, 1]);
  });

  it('re-imports the same file as all unchanged, with no duplicates and no new records', async () => {
    const body = collection(siteFeature('B-1'), siteFeature('B-2'));
    await post('/api/import/sites', body);
    const before = await countAll();
    const res = await post('/api/import/sites', body);
    expect(res.json()).toEqual({ created: 0, updated: 0, unchanged: 2, errors: [] });
    expect(await countAll()).toEqual(before);
  });

  it('counts an update and audits its allowed status change with one record', async () => {
    await post('/api/import/sites', collection(siteFeature('C-1')));
    const res = await post(
      '/api/import/sites',
      collection(siteFeature('C-1', { status: 'UNLICENSED', loadMw: 4 })),
    );
    expect(res.json()).toEqual({ created: 0, updated: 1, unchanged: 0, errors: [] });
    const stored = await site('C-1');
    expect(stored?.properties).toMatchObject({ status: 'UNLICENSED', loadMw: 4, version: 2 });
    const changes = await statusChanges('C-1');
    expect(changes.map((c) => [c.from, c.to])).toEqual([
      [null, 'SUSPECTED'],
      ['SUSPECTED', 'UNLICENSED'],
    ]);
    expect(stored?.properties.statusChangedAt).toBe(changes[1]?.at);
    const [audit] = await t.store.listAudit({ entity: 'import', limit: 1 });
    expect(audit).toMatchObject({
      action: 'import',
      username: 'ada',
      at: changes[1]?.at,
      details: { layer: 'sites', created: [], updated: ['C-1'], unchanged: 0 },
    });
  });

  it('fails the whole import on a forbidden transition, writing nothing', async () => {
    const before = await countAll();
    const m5 = SMALL_SEED.sites[4]!;
    const res = await post(
      '/api/import/sites',
      collection(
        siteFeature('D-1'),
        siteFeature('M-5', { status: 'LICENSED', feederSubstationExternalId: null }, [m5.lon, m5.lat]),
      ),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'IMPORT_INVALID',
      details: [
        {
          index: 1,
          externalId: 'M-5',
          message: expect.stringMatching(/SHUT_DOWN → LICENSED is not an allowed transition.*SUSPECTED/),
        },
      ],
    });
    expect(await countAll()).toEqual(before);
    expect(await site('D-1')).toBeUndefined();
  });

  it('refuses a mix of good and bad rows, listing every bad row by index', async () => {
    const before = await countAll();
    const res = await post(
      '/api/import/sites',
      collection(
        siteFeature('E-1'),
        siteFeature('E-2', { loadMw: -1 }),
        siteFeature('E-3'),
        siteFeature('E-4', {}, [43.8, 87.6]),
        siteFeature('E-5', { feederSubstationExternalId: 'S-404' }),
      ),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: Props) => [d.index, d.externalId])).toEqual([
      [1, 'E-2'],
      [3, 'E-4'],
      [4, 'E-5'],
    ]);
    expect(await countAll()).toEqual(before);
  });

  it('answers a dry run of bad rows 200 with every bad row and counts of 0; the commit refuses them 422', async () => {
    const before = await countAll();
    const file = collection(
      siteFeature('Q-1'),
      siteFeature('Q-2', { loadMw: -1 }),
      siteFeature('Q-3', { loadMw: '2' }),
    );
    const rows = [
      { index: 1, externalId: 'Q-2', message: expect.stringContaining('loadMw') },
      { index: 2, externalId: 'Q-3', message: expect.stringContaining('loadMw') },
    ];
    const check = await post('/api/import/sites?dryRun=true', file);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({ created: 0, updated: 0, unchanged: 0, errors: rows });
    const commit = await post('/api/import/sites', file);
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error).toMatchObject({ code: 'IMPORT_INVALID', details: rows });
    expect(await countAll()).toEqual(before);
  });

  it('refuses a duplicate externalId inside one import', async () => {
    const res = await post('/api/import/sites', collection(siteFeature('F-1'), siteFeature('F-1')));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      { index: 1, externalId: 'F-1', message: 'externalId "F-1" appears again (first at index 0)' },
    ]);
  });

  it('refuses numbers sent as strings, naming the row and the property', async () => {
    const res = await post('/api/import/sites', collection(siteFeature('G-1', { loadMw: '12' })));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      { index: 0, externalId: 'G-1', message: 'loadMw must be a number ≥ 0 and ≤ 2000, not the string "12"' },
    ]);
  });

  it('imports a UTF-8 CSV with a byte-order mark and quoted commas', async () => {
    const csv =
      '\uFEFFexternalId,name,operator,machines,loadMw,status,firstObserved,lon,lat\r\n' +
      'H-1,"Farm, north","Say ""Ltd""",10,1.5,SUSPECTED,2026-01-02,87.7,43.9\r\n';
    const res = await post('/api/import/sites', csv, 'text/csv');
    expect(res.json()).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });
    expect((await site('H-1'))?.properties).toMatchObject({ name: 'Farm, north', operator: 'Say "Ltd"' });
  });

  it('imports a GB 18030 CSV with Chinese names when told the encoding', async () => {
    const bytes = readFileSync(GB18030_CSV);
    expect((await post('/api/import/sites', bytes, 'text/csv')).json().error.message).toMatch(
      /not valid UTF-8.*encoding=gb18030/,
    );
    const res = await post('/api/import/sites?encoding=gb18030', bytes, 'text/csv');
    expect(res.json()).toEqual({ created: 2, updated: 0, unchanged: 0, errors: [] });
    expect((await site('GB-1'))?.properties).toMatchObject({ nameZh: '哈密矿场', operator: '新疆某公司' });
    expect((await site('GB-2'))?.properties).toMatchObject({ operator: '吐鲁番能源, 有限公司' });
  });

  it('converts GCJ-02 to WGS 84: about 265 m from the input near Urumqi, within a centimetre of the truth', async () => {
    const truth: [number, number] = [87.6168, 43.8256];
    const gcj = wgs84ToGcj02(...truth);
    const res = await post('/api/import/sites?crs=gcj02', collection(siteFeature('J-1', {}, gcj)));
    expect(res.json().created).toBe(1);
    const [lon = NaN, lat = NaN] = (await site('J-1'))?.geometry.coordinates ?? [];
    expect(haversineKm(lon, lat, gcj[0], gcj[1]) * 1000).toBeGreaterThan(200);
    expect(haversineKm(lon, lat, gcj[0], gcj[1]) * 1000).toBeLessThan(330);
    expect(haversineKm(lon, lat, ...truth) * 1000).toBeLessThan(0.01);
  });

  it('answers a dry run with the same counts and writes nothing', async () => {
    const before = await countAll();
    const res = await post(
      '/api/import/sites?dryRun=true',
      collection(siteFeature('K-1'), siteFeature('A-2')),
    );
    expect(res.json()).toEqual({ created: 1, updated: 0, unchanged: 1, errors: [] });
    expect(await countAll()).toEqual(before);
  });

  it('refuses to write a plan whose site changed after it was read, writing nothing', async () => {
    await post('/api/import/sites', collection(siteFeature('P-1')));
    const read = readFeatureCollection(
      'sites',
      JSON.parse(collection(siteFeature('P-1', { loadMw: 9 }), siteFeature('P-2'))),
      'wgs84',
    );
    if (!read.ok) throw new Error(read.reason);
    const existing = await t.store.findImportRecords('sites', ['P-1', 'P-2']);
    const none = new Set<string>();
    const planned = planImport('sites', read.rows, {
      existing,
      known: { substations: none, utilities: none, lines: none },
      at: new Date().toISOString(),
      username: 'ada',
    });
    if (!planned.ok) throw new Error('the plan should be accepted');
    await post('/api/import/sites', collection(siteFeature('P-1', { loadMw: 7 })));
    const before = await countAll();
    await expect(t.store.applyImport(planned.plan)).rejects.toBeInstanceOf(ImportConflictError);
    expect(await countAll()).toEqual(before);
    expect((await site('P-1'))?.properties.loadMw).toBe(7);
  });

  it('refuses a CSV over the row cap with 413 and keeps answering', async () => {
    const rows = 'x,1,1,SUSPECTED,2026-01-01,87,44\n'.repeat(MAX_IMPORT_ROWS + 1);
    const res = await post(
      '/api/import/sites',
      `externalId,machines,loadMw,status,firstObserved,lon,lat\n${rows}`,
      'text/csv',
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('answers 404 for an unknown layer, zones included', async () => {
    for (const layer of ['farms', 'zones']) {
      const res = await post(`/api/import/${layer}`, collection());
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('refuses __proto__ in a feature’s properties with 400 naming the path', async () => {
    const body = collection(siteFeature('L-1')).replace(
      '"properties":{',
      '"properties":{"__proto__":{"x":1},',
    );
    for (const type of ['application/json', 'application/geo+json']) {
      const res = await post('/api/import/sites', body, type);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'the key "__proto__" is not allowed',
          details: [{ in: 'body', path: '/features/0/properties/__proto__', message: expect.any(String) }],
        },
      });
    }
  });

  it('imports substations, lines, pylons and regions with their references, idempotently', async () => {
    const imports: [string, unknown][] = [
      [
        'substations',
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [88.5, 44.5] },
          properties: {
            externalId: 'S-9',
            name: 'Nine',
            voltageKv: 220,
            capacityMva: 180,
            utilityExternalId: 'U-E',
          },
        },
      ],
      [
        'lines',
        {
          type: 'Feature',
          geometry: {
            type: 'MultiLineString',
            coordinates: [
              [
                [87.5, 44],
                [88.5, 44.5],
              ],
            ],
          },
          properties: {
            externalId: 'L-9',
            name: 'Beta–Nine',
            voltageKv: 220,
            fromSubstationExternalId: 'S-2',
            toSubstationExternalId: 'S-9',
          },
        },
      ],
      [
        'pylons',
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [88, 44.25] },
          properties: { externalId: 'PY-9', lineExternalId: 'L-9', seq: 1 },
        },
      ],
      [
        'regions',
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [90, 43],
                [91, 43],
                [91, 44],
                [90, 44],
                [90, 43],
              ],
            ],
          },
          properties: {
            externalId: 'R-9',
            code: '650500',
            name: 'Far East',
            nameZh: '远东',
            level: 'prefecture',
          },
        },
      ],
    ];
    for (const [layer, feature] of imports) {
      const first = await post(`/api/import/${layer}`, collection(feature));
      expect([layer, first.json()]).toEqual([layer, { created: 1, updated: 0, unchanged: 0, errors: [] }]);
      const again = await post(`/api/import/${layer}`, collection(feature));
      expect([layer, again.json()]).toEqual([layer, { created: 0, updated: 0, unchanged: 1, errors: [] }]);
    }
    const lines = (await t.app.inject({ method: 'GET', url: '/api/layers/lines' })).json().features as {
      properties: Props;
    }[];
    expect(lines.find((f) => f.properties.externalId === 'L-9')?.properties).toMatchObject({
      fromSubstationId: 2,
      toSubstationId: 4,
    });
    const moved = imports[0]![1] as { geometry: { coordinates: number[] } };
    moved.geometry.coordinates = [88.6, 44.5];
    expect((await post('/api/import/substations', collection(moved))).json().updated).toBe(1);
  });

  it('files imported points under the regions that hold them, and refiles them when a region is reshaped', async () => {
    const inRegion = async (layer: string, regionId: number) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/layers/${layer}?region=${regionId}` });
      return (res.json().features as { properties: Props }[]).map((f) => f.properties.externalId);
    };
    // R-W (id 1) spans lon 86–88, R-E (id 2) 88–90.
    expect(
      (await post('/api/import/sites', collection(siteFeature('M-R', {}, [87.5, 44])))).json().created,
    ).toBe(1);
    expect(await inRegion('sites', 1)).toContain('M-R');
    expect(await inRegion('sites', 2)).not.toContain('M-R');
    // A dry run of a move changes nothing; the move itself refiles the site.
    const moved = collection(siteFeature('M-R', {}, [88.5, 44]));
    expect((await post('/api/import/sites?dryRun=true', moved)).json().updated).toBe(1);
    expect(await inRegion('sites', 1)).toContain('M-R');
    expect((await post('/api/import/sites', moved)).json().updated).toBe(1);
    expect(await inRegion('sites', 1)).not.toContain('M-R');
    expect(await inRegion('sites', 2)).toContain('M-R');
    // R-W widened to lon 89 now also holds the site (on both regions now), and the substation S-9 at 88.6.
    const westWide = {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [86, 43],
            [89, 43],
            [89, 45],
            [86, 45],
            [86, 43],
          ],
        ],
      },
      properties: { externalId: 'R-W', code: '650100', name: 'West', nameZh: '西区', level: 'prefecture' },
    };
    expect((await post('/api/import/regions', collection(westWide))).json().updated).toBe(1);
    expect(await inRegion('sites', 1)).toContain('M-R');
    expect(await inRegion('sites', 2)).toContain('M-R');
    expect(await inRegion('substations', 1)).toContain('S-9');
    // The tiles filter alike (the z8 tile of lon 88.5, lat 44).
    const tile = await t.app.inject({ method: 'GET', url: '/api/tiles/sites/8/190/93.mvt?region=1' });
    expect(tile.statusCode).toBe(200);
    const tiled = decodeTile(tile.rawPayload, 'sites').features.map((f) => f.properties.externalId);
    expect(tiled).toContain('M-R');
  });
});
