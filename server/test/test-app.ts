import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { SeedData } from '../../geodata/src/seed-types';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openStore } from '../src/store/open-store';
import type { Store } from '../src/store/store';

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

/** A real app on a real, throwaway SQLite file, seeded with the given data. */
export async function makeTestApp(seed: SeedData | null): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-test-'));
  const file = path.join(dir, 'test.db');
  const config = loadConfig({ DATABASE_URL: `file:${file}`, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' });
  const store = await openStore(config.store, seed ? { seed: () => seed } : {});
  const app = await buildApp({ config, store, serveStatic: false });
  await app.ready();
  return {
    app,
    store,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
