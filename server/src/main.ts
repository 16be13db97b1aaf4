import { generateSeed } from '@gridwatch/geodata';
import { buildApp } from './app';
import { ensureFirstAdmin } from './auth/first-admin';
import { ConfigError, loadConfig } from './config';
import { openStore } from './store/open-store';

/** Reads the config, opens (migrates, seeds) the store, builds the app and listens. */
async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const store = await openStore(config.store, {
    // The demo seed's year of hourly readings (2.5M rows) adds ~10 s to the first start on SQLite and ~40–65 s on
    // PostGIS (docs/detection.md, "Seed load time"), so it is opt-in: GRIDWATCH_SEED_READINGS=year. Without it, unexplained load
    // falls back on the reported peaks and the signatures list is empty.
    seed:
      config.seed === 'demo'
        ? () => generateSeed({ readings: process.env.GRIDWATCH_SEED_READINGS === 'year' })
        : undefined,
    sqliteReaders: config.sqliteReaders,
    replica: config.replica,
  });
  const app = await buildApp({ config, store });
  await ensureFirstAdmin(store, config.adminPassword, app.log);
  app.log.info({ backend: store.backend, ms: Date.now() - started }, 'store ready');

  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: closing`);
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `gridwatch: ${error.message}` : error);
  process.exit(1);
});
