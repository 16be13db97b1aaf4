import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

/** Status changes sent from the offline queue carry the field time beside the server's (docs/offline.md). */
describe.each(BACKENDS)('observedAt of a status change on %s', (backend) => {
  let t: TestApp;
  let enforcer: string;
  let admin: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    [enforcer, admin] = [await t.login('enforcer'), await t.login('admin')];
  });
  afterAll(async () => t.close());

  const patch = (id: number, payload: object, key?: string) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${id}`,
      payload,
      headers: { cookie: enforcer, ...(key ? { 'idempotency-key': key } : {}) },
    });
  const history = async (id: number) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/sites/${id}/history`, headers: { cookie: enforcer } })
    ).json() as {
      at: string;
      observedAt: string | null;
      toStatus: string;
    }[];

  it('refuses a bad observedAt with 422 naming it, and writes nothing', async () => {
    const before = await history(4);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    for (const observedAt of ['yesterday', future, '2020-01-01T00:00:00Z', '2026-12-03T08:00:00']) {
      const res = await patch(4, {
        status: 'UNLICENSED',
        note: 'found in the field',
        version: 1,
        observedAt,
      });
      expect(res.statusCode, observedAt).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'OBSERVED_AT_INVALID',
        details: [{ in: 'body', path: '/observedAt' }],
      });
    }
    expect(await history(4)).toEqual(before);
  });

  it('stores the field time beside the server time, in the history and the audit trail', async () => {
    const observed = new Date(Date.now() - 2 * 3_600_000);
    const res = await patch(4, {
      status: 'UNLICENSED',
      note: 'found in the field',
      version: 1,
      observedAt: observed.toISOString().replace('Z', '+00:00'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const [newest] = await history(4);
    expect(newest).toMatchObject({ toStatus: 'UNLICENSED', observedAt: observed.toISOString() });
    expect(Date.parse(newest!.at)).toBeGreaterThan(observed.getTime());
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/audit?entity=site&id=4',
      headers: { cookie: admin },
    });
    expect(audit.json()[0]).toMatchObject({
      at: newest!.at,
      details: { observedAt: observed.toISOString() },
    });
  });

  it('leaves observedAt null for a change made online', async () => {
    const res = await patch(4, { status: 'SHUTDOWN_ORDERED', note: 'order served', version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    expect((await history(4))[0]).toMatchObject({ toStatus: 'SHUTDOWN_ORDERED', observedAt: null });
  });

  it('records a queued change sent twice with its client-made id once', async () => {
    const body = {
      status: 'SHUT_DOWN',
      note: 'power cut at the gate',
      version: 3,
      observedAt: new Date().toISOString(),
    };
    const first = await patch(4, body, 'offline-6f1c2a4e-0001');
    const again = await patch(4, body, 'offline-6f1c2a4e-0001');
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect((await history(4)).filter((c) => c.toStatus === 'SHUT_DOWN')).toHaveLength(1);
  });
});
