import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { SeedData } from '../../geodata/src/seed-types';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openStore } from '../src/store/open-store';
import type { Backend, Store } from '../src/store/store';
import { createThrowawayDatabase } from './throwaway-postgres';

/** Both stores: every API and conformance test runs against each. */
export const BACKENDS: Backend[] = ['sqlite', 'postgis'];

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

/** A real app on a real, throwaway database (an SQLite file or a PostgreSQL database), seeded with the data. */
export async function makeTestApp(seed: SeedData | null, backend: Backend = 'sqlite'): Promise<TestApp> {
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  if (backend === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-test-'));
    databaseUrl = `file:${path.join(dir, 'test.db')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const db = await createThrowawayDatabase();
    databaseUrl = db.url;
    cleanup = db.drop;
  }
  const config = loadConfig({ DATABASE_URL: databaseUrl, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' });
  const store = await openStore(config.store, seed ? { seed: () => seed } : {});
  const app = await buildApp({ config, store, serveStatic: false });
  await app.ready();
  return {
    app,
    store,
    async close() {
      await app.close();
      await store.close();
      await cleanup();
    },
  };
}
