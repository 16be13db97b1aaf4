import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openStore } from '../../src/store/open-store';

/**
 * A second app instance as another `npm start` process would be: its own store (its own connections, its own
 * memory) on the first instance's database, sharing nothing with it in the process.
 */
export async function secondInstance(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    GRIDWATCH_SEED: 'none',
    LOG_LEVEL: 'silent',
    GRIDWATCH_PUBLIC_READ: 'false',
    ...env,
  });
  const store = await openStore(config.store, { sqliteReaders: 1 });
  const app = await buildApp({ config, store, serveStatic: false, checkResponses: true });
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
