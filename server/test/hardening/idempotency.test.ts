/**
 * Issue 10, item 10: a committed status change answered "503, try again" while PostGIS connections were being
 * killed, and the retry got 409. With an `Idempotency-Key`, a retried write gets the first answer — sent again
 * byte for byte, or, when it was lost after the commit, made again from what the first transaction stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';

interface RawSql {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

const square = (lon: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, 44],
      [lon + 0.1, 44],
      [lon + 0.1, 44.1],
      [lon, 44.1],
      [lon, 44],
    ],
  ],
});

describe.each(BACKENDS)('Idempotency-Key on %s', (backend) => {
  let t: TestApp;
  let enforcer: string;
  let admin: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    enforcer = await t.login('enforcer');
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  /** The state a connection killed at COMMIT leaves: the key and the outcome committed, the answer not kept. */
  const loseAnswers = () =>
    (t.store as unknown as { prisma: RawSql }).prisma
      .$executeRaw`UPDATE idempotency_keys SET answer_status = NULL, answer_body = NULL`;

  const history = async (id: number) => (await t.app.inject(`/api/sites/${id}/history`)).json().length;
  const site = async (id: number) => (await t.app.inject(`/api/sites/${id}`)).json();
  const changeStatus = (id: number, key: string | null, payload: object, cookie = enforcer) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${id}`,
      headers: { cookie, ...(key === null ? {} : { 'idempotency-key': key }) },
      payload,
    });

  it('a retried status change answers as the first did, and writes once', async () => {
    const { version } = (await site(4)).properties; // M-4, SUSPECTED
    const before = await history(4);
    const body = { status: 'UNLICENSED', note: 'seen running at night', version };
    const first = await changeStatus(4, 'change-m4-1', body);
    expect(first.statusCode).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await changeStatus(4, 'change-m4-1', body);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(first.body);
    expect(await history(4)).toBe(before + 1);
    expect((await site(4)).properties.version).toBe(version + 1);
    // Without the key, the same request is a new write, refused as the stale version it now is.
    expect((await changeStatus(4, null, body)).statusCode).toBe(409);
  });

  it('a status change committed with its answer lost: the retry gets 200 and the same site, not 409', async () => {
    const { version } = (await site(2)).properties; // M-2, UNLICENSED
    const before = await history(2);
    const body = { status: 'SHUTDOWN_ORDERED', note: 'order served', version };
    const first = await changeStatus(2, 'change-m2-1', body);
    expect(first.statusCode).toBe(200);
    await loseAnswers();
    const retry = await changeStatus(2, 'change-m2-1', body);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await history(2)).toBe(before + 1);
  });

  it('the same key with another request is refused with 422 and writes nothing', async () => {
    const { version } = (await site(3)).properties; // M-3, NO_CONTRACT
    const first = await changeStatus(3, 'change-m3-1', {
      status: 'LICENSED',
      note: 'contract shown',
      version,
    });
    expect(first.statusCode).toBe(200);
    const before = await history(3);
    const other = await changeStatus(3, 'change-m3-1', {
      status: 'SHUTDOWN_ORDERED',
      note: 'another request',
      version: version + 1,
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await history(3)).toBe(before);
  });

  it('concurrent attempts with one key write once and all answer alike', async () => {
    const { version } = (await site(6)).properties; // M-6, SHUTDOWN_ORDERED
    const before = await history(6);
    const body = { status: 'SHUT_DOWN', note: 'power cut at the transformer', version };
    const answers = await Promise.all(Array.from({ length: 6 }, () => changeStatus(6, 'change-m6-1', body)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(200));
    expect(new Set(answers.map((a) => JSON.stringify(a.json()))).size).toBe(1);
    expect(await history(6)).toBe(before + 1);
  });

  it('a malformed key is refused with 400 before anything is written', async () => {
    const { version } = (await site(1)).properties;
    const before = await history(1);
    for (const key of ['', 'has space', 'x'.repeat(256), 'non-ascii-键']) {
      const res = await changeStatus(1, key, { status: 'UNLICENSED', note: 'licence lapsed', version });
      expect(res.statusCode, key).toBe(400);
      expect(res.json().error.details[0].path).toBe('/idempotency-key');
    }
    expect(await history(1)).toBe(before);
  });

  it('keys are per user: another user with the same key makes another write', async () => {
    const zones = async () => (await t.app.inject('/api/layers/zones')).json().features.length;
    const before = await zones();
    const create = (cookie: string, lon: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/zones',
        headers: { cookie, 'idempotency-key': 'zone-1' },
        payload: { name: 'Kuitun east', geometry: square(lon) },
      });
    const mine = await create(enforcer, 84);
    expect(mine.statusCode).toBe(201);
    expect((await create(enforcer, 84)).body).toBe(mine.body);
    await loseAnswers();
    const again = await create(enforcer, 84);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(mine.json());
    const theirs = await create(admin, 84);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect(await zones()).toBe(before + 2);
    // A deletion retried: 204 again, not 404.
    const remove = () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/zones/${mine.json().id}?version=${mine.json().properties.version}`,
        headers: { cookie: enforcer, 'idempotency-key': 'zone-1-delete' },
      });
    expect((await remove()).statusCode).toBe(204);
    const repeated = await remove();
    expect(repeated.statusCode).toBe(204);
    expect(repeated.headers['idempotent-replayed']).toBe('true');
  });

  it('a retried import answers with the first counts (not "unchanged") and is audited once', async () => {
    const imports = async () =>
      (await t.app.inject({ url: '/api/audit?entity=import', headers: { cookie: admin } })).json().length;
    const before = await imports();
    const csv =
      'externalId,name,lon,lat,machines,loadMw,status,firstObserved\nM-90,Farm Ninety,88.1,44.2,100,2.5,SUSPECTED,2026-05-01\n';
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/import/sites',
        headers: { cookie: admin, 'content-type': 'text/csv', 'idempotency-key': 'import-m90' },
        payload: csv,
      });
    const first = await post();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 1, updated: 0 });
    await loseAnswers();
    const retry = await post();
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(await imports()).toBe(before + 1);
  });
});
