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
const CLOCKWISE = [
  [
    [86.9, 43.9],
    [86.9, 44.1],
    [87.1, 44.1],
    [87.1, 43.9],
    [86.9, 43.9],
  ],
];

describe.each(BACKENDS)('enforcement workflow on %s', (backend) => {
  let t: TestApp;
  let enforcer: string;
  let viewer: string;
  let admin: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    [enforcer, viewer, admin] = [await t.login('enforcer'), await t.login('viewer'), await t.login('admin')];
  });
  afterAll(async () => t.close());

  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    cookie?: string,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: cookie ? { cookie } : {},
    });
  const history = async (id: number) =>
    (await send('GET', `/api/sites/${id}/history`)).json() as { toStatus: string }[];
  const zoneCount = async () => (await send('GET', '/api/layers/zones')).json().features.length as number;

  describe('status changes', () => {
    it('are refused to anonymous users (401) and viewers (403)', async () => {
      const body = { status: 'UNLICENSED', note: 'seen', version: 1 };
      expect((await send('PATCH', '/api/sites/4', undefined, body)).statusCode).toBe(401);
      const res = await send('PATCH', '/api/sites/4', viewer, body);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      expect(await history(4)).toHaveLength(1);
    });

    it('change the status along an allowed transition, bump the version and write one audit record', async () => {
      const res = await send('PATCH', '/api/sites/4', enforcer, {
        status: 'UNLICENSED',
        note: '现场无营业执照',
        version: 1,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().properties).toMatchObject({ status: 'UNLICENSED', version: 2 });
      const [newest, ...older] = await history(4);
      expect(newest).toMatchObject({
        fromStatus: 'SUSPECTED',
        toStatus: 'UNLICENSED',
        note: '现场无营业执照',
        username: 'enforcer',
      });
      expect(older).toHaveLength(1);
      const audit = (await send('GET', '/api/audit?entity=site&id=4', admin)).json();
      expect(audit[0]).toMatchObject({
        entity: 'site',
        entityId: 4,
        username: 'enforcer',
        details: { to: 'UNLICENSED' },
      });
    });

    it.each([
      ['no note', { status: 'SHUTDOWN_ORDERED', version: 2 }, 400, 'NOTE_REQUIRED'],
      ['a blank note', { status: 'SHUTDOWN_ORDERED', note: '  ', version: 2 }, 400, 'NOTE_REQUIRED'],
      ['a stale version', { status: 'SHUTDOWN_ORDERED', note: 'x', version: 1 }, 409, 'VERSION_CONFLICT'],
      [
        'a forbidden transition',
        { status: 'SHUT_DOWN', note: 'x', version: 2 },
        409,
        'TRANSITION_NOT_ALLOWED',
      ],
      [
        'an unknown zone',
        { status: 'SHUTDOWN_ORDERED', note: 'x', version: 2, zoneId: 999 },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a field a client may not set',
        { status: 'SHUTDOWN_ORDERED', note: 'x', version: 2, username: 'boss' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a status wrapped in a list',
        { status: ['SHUTDOWN_ORDERED'], note: 'x', version: 2 },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a version as a string',
        { status: 'SHUTDOWN_ORDERED', note: 'x', version: '2' },
        400,
        'VALIDATION_FAILED',
      ],
    ])('refuse %s and write nothing', async (_name, body, status, code) => {
      const res = await send('PATCH', '/api/sites/4', enforcer, body);
      expect(res.statusCode).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(await history(4)).toHaveLength(2);
      expect((await send('GET', '/api/sites/4')).json().properties).toMatchObject({
        status: 'UNLICENSED',
        version: 2,
      });
    });

    it('say what is allowed when a transition is refused, and the current version on a conflict', async () => {
      const forbidden = await send('PATCH', '/api/sites/4', enforcer, {
        status: 'SHUT_DOWN',
        note: 'x',
        version: 2,
      });
      expect(forbidden.json().error.details).toEqual([
        { from: 'UNLICENSED', to: 'SHUT_DOWN', allowed: ['LICENSED', 'SHUTDOWN_ORDERED'] },
      ]);
      const stale = await send('PATCH', '/api/sites/4', enforcer, {
        status: 'LICENSED',
        note: 'x',
        version: 1,
      });
      expect(stale.json().error.details).toEqual([{ currentVersion: 2 }]);
    });

    it('let one of two concurrent edits of the same version win; the other gets 409', async () => {
      const body = (status: string) => ({ status, note: 'concurrent', version: 2 });
      const results = await Promise.all([
        send('PATCH', '/api/sites/4', enforcer, body('SHUTDOWN_ORDERED')),
        send('PATCH', '/api/sites/4', enforcer, body('LICENSED')),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(await history(4)).toHaveLength(3);
      expect((await send('GET', '/api/sites/4')).json().properties.version).toBe(3);
    });

    it('answer 404 for an unknown site', async () => {
      expect(
        (await send('PATCH', '/api/sites/999', enforcer, { status: 'LICENSED', note: 'x', version: 1 }))
          .statusCode,
      ).toBe(404);
      expect((await send('GET', '/api/sites/999/history')).statusCode).toBe(404);
    });
  });

  describe('inspection zones', () => {
    let zoneId: number;

    it('are created with version 1, the clockwise shell rewound, and audited', async () => {
      const res = await send('POST', '/api/zones', enforcer, {
        name: 'Fukang sweep',
        geometry: { type: 'Polygon', coordinates: CLOCKWISE },
        team: 'Team 3',
        dueDate: '2026-12-15',
      });
      expect(res.statusCode, res.body).toBe(201);
      const zone = res.json();
      zoneId = zone.id;
      expect(zone.properties).toMatchObject({
        name: 'Fukang sweep',
        state: 'planned',
        team: 'Team 3',
        version: 1,
      });
      expect(zone.geometry.coordinates[0]).toEqual([...CLOCKWISE[0]!].reverse());
      const audit = (await send('GET', `/api/audit?entity=zone&id=${zoneId}`, admin)).json();
      expect(audit[0]).toMatchObject({ action: 'create', username: 'enforcer' });
    });

    it('summarise the sites inside, and follow an edit of the geometry', async () => {
      const before = (await send('GET', `/api/zones/${zoneId}/sites`)).json();
      expect(before.summary).toMatchObject({ siteCount: 2, totalLoadMw: 52.5 });
      const bigger = [
        [
          [86, 43],
          [88, 43],
          [88, 45],
          [86, 45],
          [86, 43],
        ],
      ];
      const edit = await send('PATCH', `/api/zones/${zoneId}`, enforcer, {
        geometry: { type: 'Polygon', coordinates: bigger },
        version: 1,
      });
      expect(edit.statusCode, edit.body).toBe(200);
      expect(edit.json().properties.version).toBe(2);
      const after = (await send('GET', `/api/zones/${zoneId}/sites`)).json();
      expect(after.summary.siteCount).toBe(4);
    });

    it.each([
      [
        'a bowtie',
        {
          name: 'x',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [86, 43],
                [88, 45],
                [88, 43],
                [86, 45],
                [86, 43],
              ],
            ],
          },
        },
        422,
        'INVALID_GEOMETRY',
      ],
      [
        'a hole outside its shell',
        {
          name: 'x',
          geometry: {
            type: 'Polygon',
            coordinates: [
              SQUARE[0],
              [
                [80, 40],
                [80, 41],
                [81, 41],
                [80, 40],
              ],
            ],
          },
        },
        422,
        'INVALID_GEOMETRY',
      ],
      [
        'a ring of three positions',
        {
          name: 'x',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [86, 43],
                [88, 43],
                [86, 43],
              ],
            ],
          },
        },
        422,
        'INVALID_GEOMETRY',
      ],
      [
        'a version on create',
        { name: 'x', geometry: { type: 'Polygon', coordinates: SQUARE }, version: 1 },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a createdBy field',
        { name: 'x', geometry: { type: 'Polygon', coordinates: SQUARE }, createdBy: 'boss' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'an unknown state',
        { name: 'x', geometry: { type: 'Polygon', coordinates: SQUARE }, state: 'done' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a crs member',
        { name: 'x', geometry: { type: 'Polygon', coordinates: SQUARE, crs: { type: 'name' } } },
        400,
        'VALIDATION_FAILED',
      ],
    ])('refuse %s and write nothing', async (_name, body, status, code) => {
      const count = await zoneCount();
      const res = await send('POST', '/api/zones', enforcer, body);
      expect(res.statusCode).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(await zoneCount()).toBe(count);
    });

    it.each([
      ['not JSON', '{name: "x"}', 400, 'VALIDATION_FAILED'],
      [
        'NaN',
        '{"name":"x","geometry":{"type":"Polygon","coordinates":[[[NaN,44],[87,44],[87,45],[NaN,44]]]}}',
        400,
        'VALIDATION_FAILED',
      ],
      [
        'duplicate keys',
        '{"name":"x","name":"y","geometry":{"type":"Polygon","coordinates":[]}}',
        400,
        'VALIDATION_FAILED',
      ],
      ['a __proto__ key', '{"name":"x","__proto__":{"role":"admin"}}', 400, 'VALIDATION_FAILED'],
      ['a constructor key', '{"name":"x","geometry":{"constructor":{}}}', 400, 'VALIDATION_FAILED'],
      [
        'an unknown geometry type',
        '{"name":"x","geometry":{"type":"Polygonz","coordinates":[]}}',
        400,
        'VALIDATION_FAILED',
      ],
      ['missing coordinates', '{"name":"x","geometry":{"type":"Polygon"}}', 400, 'VALIDATION_FAILED'],
      [
        'the wrong nesting depth',
        '{"name":"x","geometry":{"type":"Polygon","coordinates":[[87,44],[88,44],[88,45],[87,44]]}}',
        400,
        'VALIDATION_FAILED',
      ],
      [
        'an empty ring',
        '{"name":"x","geometry":{"type":"Polygon","coordinates":[[]]}}',
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a position with one number',
        '{"name":"x","geometry":{"type":"Polygon","coordinates":[[[87],[88,44],[88,45],[87,44]]]}}',
        400,
        'VALIDATION_FAILED',
      ],
      [
        'positions as strings',
        '{"name":"x","geometry":{"type":"Polygon","coordinates":[[["87","44"],[88,44],[88,45],["87","44"]]]}}',
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a Feature for a geometry',
        '{"name":"x","geometry":{"type":"Feature","geometry":{"type":"Polygon","coordinates":[]}}}',
        400,
        'VALIDATION_FAILED',
      ],
      [
        'latitude 91',
        '{"name":"x","geometry":{"type":"Polygon","coordinates":[[[87,44],[88,44],[88,91],[87,44]]]}}',
        422,
        'INVALID_GEOMETRY',
      ],
      [
        '1e999',
        '{"name":"x","geometry":{"type":"Polygon","coordinates":[[[87,44],[1e999,44],[88,45],[87,44]]]}}',
        422,
        'INVALID_GEOMETRY',
      ],
      [
        'latitude and longitude swapped',
        '{"name":"x","geometry":{"type":"Polygon","coordinates":[[[44,87],[44,88],[45,88],[44,87]]]}}',
        422,
        'INVALID_GEOMETRY',
      ],
      [
        'projected metres',
        '{"name":"x","geometry":{"type":"Polygon","coordinates":[[[9700000,5400000],[9800000,5400000],[9800000,5500000],[9700000,5400000]]]}}',
        422,
        'INVALID_GEOMETRY',
      ],
    ])('refuse %s as a zone and write nothing', async (_name, payload, status, code) => {
      const count = await zoneCount();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/zones',
        headers: { cookie: enforcer, 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(await zoneCount()).toBe(count);
    });

    it('refuse a GeometryCollection nested 10,000 deep and a polygon over the vertex cap with 413, then answer on', async () => {
      let deep = '{"type":"Point","coordinates":[87,44]}';
      for (let i = 0; i < 10_000; i++) deep = `{"type":"GeometryCollection","geometries":[${deep}]}`;
      const nested = await t.app.inject({
        method: 'POST',
        url: '/api/zones',
        headers: { cookie: enforcer, 'content-type': 'application/json' },
        payload: `{"name":"deep","geometry":${deep}}`,
      });
      expect(nested.statusCode).toBe(413);
      const ring = Array.from({ length: 150_001 }, (_, i) => [
        87 + Math.cos(i / 24_000) / 10,
        44 + Math.sin(i / 24_000) / 10,
      ]);
      ring.push(ring[0]!);
      const huge = await send('POST', '/api/zones', enforcer, {
        name: 'huge',
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
      expect((await send('GET', '/api/health')).statusCode).toBe(200);
    });

    it('refuse a 100 MB body by its Content-Length before reading it', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/zones',
        headers: {
          cookie: enforcer,
          'content-type': 'application/json',
          'content-length': String(100 * 1024 * 1024),
        },
        payload: '{}',
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('answer 409 on a stale version and refuse viewers', async () => {
      const stale = await send('PATCH', `/api/zones/${zoneId}`, enforcer, { name: 'renamed', version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.details).toEqual([{ currentVersion: 2 }]);
      expect(
        (await send('PATCH', `/api/zones/${zoneId}`, viewer, { name: 'renamed', version: 2 })).statusCode,
      ).toBe(403);
      expect(
        (
          await send('POST', '/api/zones', viewer, {
            name: 'x',
            geometry: { type: 'Polygon', coordinates: SQUARE },
          })
        ).statusCode,
      ).toBe(403);
    });

    it('keep a zone that status changes were recorded in (409), and delete an unused one, audited', async () => {
      const site = (await send('GET', '/api/sites/1')).json();
      const change = await send('PATCH', '/api/sites/1', enforcer, {
        status: 'NO_CONTRACT',
        note: 'contract expired',
        version: site.properties.version,
        zoneId,
      });
      expect(change.statusCode, change.body).toBe(200);
      expect((await send('DELETE', `/api/zones/${zoneId}?version=2`, enforcer)).json().error.code).toBe(
        'ZONE_IN_USE',
      );
      const spare = (
        await send('POST', '/api/zones', enforcer, {
          name: 'spare',
          geometry: { type: 'Polygon', coordinates: SQUARE },
        })
      ).json();
      expect((await send('DELETE', `/api/zones/${spare.id}?version=5`, enforcer)).statusCode).toBe(409);
      expect((await send('DELETE', `/api/zones/${spare.id}?version=1`, enforcer)).statusCode).toBe(204);
      expect((await send('GET', `/api/zones/${spare.id}`)).statusCode).toBe(404);
      const audit = (await send('GET', `/api/audit?entity=zone&id=${spare.id}`, admin)).json();
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['delete', 'create']);
    });
  });
});
