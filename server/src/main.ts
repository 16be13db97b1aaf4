import cluster from 'node:cluster';
import { generateSeed } from '@gridwatch/geodata';
import { buildApp } from './app';
import { ensureFirstAdmin } from './auth/first-admin';
import { ConfigError, loadConfig, type Config } from './config';
import { openStore } from './store/open-store';
import { superviseWorkers } from './workers';

/** Opens the store: migrates it and, in the one process that prepares the database, seeds it. */
function open(config: Config, prepare: boolean) {
  return openStore(config.store, {
    // With the demo seed, its year of readings unless GRIDWATCH_SEED_READINGS says otherwise (config.ts).
    seed:
      prepare && config.seed === 'demo' ? () => generateSeed({ readings: config.seedReadings }) : undefined,
    sqliteReaders: config.sqliteReaders,
    replica: config.replica,
  });
}

/**
 * Reads the config, opens (migrates, seeds) the store, builds the app and listens. With GRIDWATCH_WORKERS > 1
 * the primary prepares the database once (migrations, seed, first admin) and then only supervises the workers,
 * which each open the store and listen on the shared port (server/src/workers.ts).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const supervising = config.workers > 1 && cluster.isPrimary;
  if (supervising) {
    const store = await open(config, true);
    await ensureFirstAdmin(store, config.adminPassword, { info: (message) => console.log(message) });
    await store.close();
    console.log(
      `gridwatch: database ready in ${Date.now() - started} ms; starting ${config.workers} workers`,
    );
    superviseWorkers(config.workers, (message) => console.log(message));
    return;
  }
  const store = await open(config, cluster.isPrimary);
  const app = await buildApp({ config, store });
  if (cluster.isPrimary) await ensureFirstAdmin(store, config.adminPassword, app.log);
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
