import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { SMALL_SEED } from '../fixtures/small-seed';
import { freePort } from '../free-port';
import { PrivatePostgres } from '../private-postgres';

/** QUALITY.md: the PostgreSQL server restarts while the app runs: 503 for a moment, then answers again. */
describe('a PostgreSQL restart while the app runs', () => {
  let cluster: PrivatePostgres;
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    cluster = PrivatePostgres.start(await freePort());
    const config = loadConfig({
      DATABASE_URL: cluster.url,
      GRIDWATCH_SEED: 'none',
      LOG_LEVEL: 'silent',
      GRIDWATCH_PUBLIC_READ: 'true',
    });
    store = await openStore(config.store, { seed: () => SMALL_SEED });
    app = await buildApp({ config, store, serveStatic: false, checkResponses: true });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close().catch(() => {});
    cluster?.destroy();
  });

  it('answers 503 UNAVAILABLE while the server is down, then works again without a restart of the app', async () => {
    expect((await app.inject('/api/sites/1')).statusCode).toBe(200);
    cluster.pgCtl('stop');
    for (const url of [
      '/api/sites/1',
      '/api/layers/sites',
      '/api/sites/1/history',
      '/api/substations/1/unlicensed-load',
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(503);
      expect(res.json().error.code).toBe('UNAVAILABLE');
      expect(res.headers['retry-after']).toBe('1');
    }
    expect((await app.inject('/api/health')).statusCode).toBe(200);
    cluster.pgCtl('start');
    expect((await app.inject('/api/sites/1')).statusCode).toBe(200);
    expect((await app.inject('/api/sites/1/history')).statusCode).toBe(200);
  });
});
