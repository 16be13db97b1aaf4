/**
 * Issue 17, reads from a streaming replica (PostGIS): a real primary and a real replica (pg_basebackup -R) of the
 * test's own. The read routes go to the replica; a writer's next reads see the write at once (the WAL position in
 * a cookie sends them to the primary until the replica has replayed it); another user sees it after the replica
 * catches up; a replica that lags beyond the bound, or is down, is skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@gridwatch/contract';
import { PostgresServer } from '../../../deploy/topology/postgres';
import { mallocSettingsOf, POSTGRES_MALLOC_ENV } from '../../../deploy/topology/postgres-malloc';
import { buildApp } from '../../src/app';
import { hashPassword } from '../../src/auth/password';
import { SESSION_COOKIE } from '../../src/auth/session-token';
import { loadConfig } from '../../src/config';
import { WRITE_POSITION_COOKIE } from '../../src/http/read-routing';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { SMALL_SEED } from '../fixtures/small-seed';
import { freePort } from '../free-port';
import { testPassword } from '../test-app';

const MAX_LAG_MS = 2000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reads from a streaming replica (postgis)', () => {
  let folder: string;
  let primary: PostgresServer;
  let replica: PostgresServer;
  let store: Store;
  let app: FastifyInstance;
  let onReplica: pg.Client;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'gridwatch-replica-'));
    primary = PostgresServer.primary(await freePort(), path.join(folder, 'primary'));
    const config = loadConfig({
      DATABASE_URL: primary.url,
      GRIDWATCH_SEED: 'none',
      LOG_LEVEL: 'silent',
      GRIDWATCH_PUBLIC_READ: 'false',
    });
    // Migrate and seed the primary, then copy it.
    const seeded = await openStore(config.store, { seed: () => SMALL_SEED });
    for (const role of ROLES) {
      await seeded.users.create(
        { username: role, role, passwordHash: await hashPassword(testPassword(role)) },
        'test',
      );
    }
    await seeded.close();
    replica = PostgresServer.replicaOf(primary, await freePort(), path.join(folder, 'replica'));
    const routed = loadConfig({
      DATABASE_URL: primary.url,
      DATABASE_REPLICA_URL: replica.url,
      GRIDWATCH_REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
      GRIDWATCH_SEED: 'none',
      LOG_LEVEL: 'silent',
      GRIDWATCH_PUBLIC_READ: 'false',
    });
    store = await openStore(routed.store, { replica: routed.replica });
    app = await buildApp({ config: routed, store, serveStatic: false, checkResponses: true });
    await app.ready();
    for (const role of ['viewer', 'enforcer'] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: 'http://localhost:80' },
        payload: { username: role, password: testPassword(role) },
      });
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
      cookies[role] = `${cookie.name}=${cookie.value}`;
    }
    onReplica = new pg.Client({ connectionString: replica.url });
    await onReplica.connect();
  }, 120_000);

  afterAll(async () => {
    await onReplica?.end().catch(() => {});
    await app?.close();
    await store?.close();
    replica?.stop();
    primary?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const read = (cookie: string) =>
    app.inject({ method: 'GET', url: '/api/layers/sites', headers: { cookie } });
  const statusOf = (res: LightMyRequestResponse, id: number) =>
    (res.json().features as { id: number; properties: { status: string } }[]).find((f) => f.id === id)!
      .properties.status;
  const until = async (what: () => Promise<boolean>, ms = 20_000) => {
    const end = Date.now() + ms;
    while (!(await what())) {
      if (Date.now() > end) throw new Error('timed out');
      await sleep(100);
    }
  };
  const servedBy = (res: LightMyRequestResponse) => res.headers['x-gridwatch-read-from'];

  it("runs both servers with the deployment's malloc settings (deploy/topology/postgres-malloc.ts)", () => {
    const expected = Object.entries(POSTGRES_MALLOC_ENV).map(([name, value]) => `${name}=${value}`);
    for (const server of [primary, replica])
      expect(mallocSettingsOf(server.dir), server.url).toEqual(expect.arrayContaining(expected));
  });

  it('serves the read routes from the replica, and the rest from the primary', async () => {
    await until(async () => servedBy(await read(cookies.viewer!)) === 'replica');
    const tile = await app.inject({
      url: '/api/tiles/sites/8/190/94.mvt',
      headers: { cookie: cookies.viewer! },
    });
    expect(servedBy(tile)).toBe('replica');
    // Reads whose SQL starts with WITH (a point tile's one statement; unexplained load over the served loads and
    // over the records): read-only to the scoped adapter, so the replica answers them (scoped-adapter.ts).
    for (const url of [
      '/api/tiles/sites/12/3037/1489.mvt',
      '/api/analysis/unexplained-load?radiusKm=10',
      '/api/analysis/unexplained-load?radiusKm=9.5',
    ]) {
      const res = await app.inject({ url, headers: { cookie: cookies.viewer! } });
      expect(res.statusCode, url).toBe(200);
      expect(servedBy(res), url).toBe('replica');
    }
    const panel = await app.inject({ url: '/api/sites/4', headers: { cookie: cookies.viewer! } });
    expect(panel.statusCode).toBe(200);
    expect(servedBy(panel)).toBeUndefined();
    const health = (await app.inject({ url: '/api/health' })).json();
    expect(health.replica).toEqual({ usable: true, lagMs: expect.any(Number) });
  });

  it("the writer sees the write at once; another user after the replica's lag, or from the primary beyond the bound", async () => {
    const before = statusOf(await read(cookies.viewer!), 4);
    await onReplica.query('SELECT pg_wal_replay_pause()');
    try {
      const { version } = (
        await app.inject({ url: '/api/sites/4', headers: { cookie: cookies.enforcer! } })
      ).json().properties;
      const write = await app.inject({
        method: 'PATCH',
        url: '/api/sites/4',
        headers: { cookie: cookies.enforcer!, origin: 'http://localhost:80' },
        payload: { status: 'UNLICENSED', note: 'replica test', version },
      });
      expect(write.statusCode).toBe(200);
      const mark = write.cookies.find((c) => c.name === WRITE_POSITION_COOKIE);
      expect(mark?.value).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      // The writer, with the mark: the primary, the new status.
      const mine = await read(`${cookies.enforcer!}; ${WRITE_POSITION_COOKIE}=${mark!.value}`);
      expect(servedBy(mine)).toBe('primary');
      expect(statusOf(mine, 4)).toBe('UNLICENSED');
      // Another user, within the bound: the replica, which has not replayed it yet.
      const theirs = await read(cookies.viewer!);
      if (servedBy(theirs) === 'replica') expect(statusOf(theirs, 4)).toBe(before);
      // Beyond the bound the paused replica is skipped: the primary answers, with the write.
      await sleep(MAX_LAG_MS + 600);
      const later = await read(cookies.viewer!);
      expect(servedBy(later)).toBe('primary');
      expect(statusOf(later, 4)).toBe('UNLICENSED');
      const health = (await app.inject({ url: '/api/health' })).json();
      expect(health.replica.usable).toBe(false);
      expect(health.replica.lagMs).toBeGreaterThan(MAX_LAG_MS);
    } finally {
      await onReplica.query('SELECT pg_wal_replay_resume()');
    }
    // Caught up, the replica serves again, with the write.
    await until(async () => servedBy(await read(cookies.viewer!)) === 'replica');
    expect(statusOf(await read(cookies.viewer!), 4)).toBe('UNLICENSED');
  });

  it('a read that the replica fails while it runs is answered from the primary', async () => {
    await until(async () => servedBy(await read(cookies.viewer!)) === 'replica');
    // An exclusive lock on the primary is replayed on the replica: its read of the sites waits there behind it.
    const locker = new pg.Client({ connectionString: primary.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE sites IN ACCESS EXCLUSIVE MODE');
      const { rows } = await locker.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
      // The lock's record is sent once the WAL is flushed past it: another transaction's synchronous commit does
      // that now (the walwriter would within seconds).
      const flusher = new pg.Client({ connectionString: primary.url });
      await flusher.connect();
      await flusher.query('SET synchronous_commit = on');
      await flusher.query('SELECT txid_current()');
      await flusher.end();
      await until(
        async () =>
          (
            await onReplica.query<{ replayed: boolean }>(
              'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS replayed',
              [rows[0]!.lsn],
            )
          ).rows[0]!.replayed,
      );
      const waitingOnReplica = async () =>
        (
          await onReplica.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
          )
        ).rows;
      const pending = read(cookies.viewer!);
      await until(async () => (await waitingOnReplica()).length > 0);
      // The replica ends the read's connection, as its shutdown would.
      for (const { pid } of await waitingOnReplica())
        await onReplica.query('SELECT pg_terminate_backend($1)', [pid]);
      await locker.query('ROLLBACK');
      const res = await pending;
      expect(res.statusCode).toBe(200);
      expect(servedBy(res)).toBe('primary');
      expect(res.json().features.length).toBeGreaterThan(0);
    } finally {
      await locker.end();
    }
    // The replica is up: the next probe finds it, and it serves again.
    await until(async () => servedBy(await read(cookies.viewer!)) === 'replica');
  });

  it('a replica that is down is skipped, and used again once it is back', async () => {
    await onReplica.end();
    replica.stop();
    await sleep(600);
    for (let i = 0; i < 5; i++) {
      const res = await read(cookies.viewer!);
      expect(res.statusCode).toBe(200);
      expect(servedBy(res)).toBe('primary');
    }
    expect((await app.inject({ url: '/api/health' })).json().replica.usable).toBe(false);
    replica.start();
    await until(async () => servedBy(await read(cookies.viewer!)) === 'replica');
  });
});
