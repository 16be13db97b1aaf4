import type { StoreUrl } from '../config';
import type { SeedData } from '@gridwatch/contract';
import type { Store } from './store';
import { openPostgisStore } from './postgis/postgis-store';
import { openSqliteStore } from './sqlite/sqlite-store';

export interface OpenStoreOptions {
  /** Called for the seed only when the store is empty. */
  seed?: () => SeedData;
  /** SQLite: reader threads (GRIDWATCH_SQLITE_READERS); null or absent: one per core. */
  sqliteReaders?: number | null;
  /** PostGIS: a streaming replica for the read routes (DATABASE_REPLICA_URL). */
  replica?: { url: string; maxLagMs: number } | null;
}

/** The store that DATABASE_URL names, migrated and (when empty) seeded. */
export async function openStore(url: StoreUrl, options: OpenStoreOptions = {}): Promise<Store> {
  switch (url.kind) {
    case 'sqlite':
      return openSqliteStore(url.file, {
        ...(options.seed ? { seed: options.seed } : {}),
        ...(options.sqliteReaders ? { readers: options.sqliteReaders } : {}),
      });
    case 'postgis':
      return openPostgisStore(url.url, options);
  }
}
