/**
 * The store and the app a profile script or a scenario in its own process measures (profile-*.ts,
 * scenario-process.ts): a throwaway PostGIS database seeded with `sites` generated sites, or, given a URL (one
 * seeded already, such as a copy of bench:peers' kept PostGIS or SQLite database), that database, neither seeded
 * nor dropped. Public read, tile cache off, logs silent.
 */
import type { SeedData } from '@gridwatch/contract';
import { generateSeed } from '@gridwatch/geodata';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { openStore } from '../../server/src/store/open-store';
import { createThrowawayStore } from '../../server/test/throwaway-database';

export async function openProfiledApp(sites: number, existing?: string) {
  const seed: SeedData | null = existing ? null : generateSeed({ sites });
  const db = existing
    ? { url: existing, drop: async () => {} }
    : await createThrowawayStore('postgis', 'prof');
  const config = loadConfig({
    DATABASE_URL: db.url,
    GRIDWATCH_SEED: 'none',
    LOG_LEVEL: 'silent',
    GRIDWATCH_PUBLIC_READ: 'true',
    GRIDWATCH_TILE_CACHE_MB: '0',
  });
  const store = await openStore(config.store, seed ? { seed: () => seed } : {});
  const app = await buildApp({ config, store, serveStatic: false });
  return { seed, db, store, app };
}
