import { sqltag as sql } from '@prisma/client/runtime/client';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStoreUrl } from '../config';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { createThrowawayStore, type ThrowawayStore } from '../../test/throwaway-database';
import { BACKENDS } from '../../test/test-app';
import { openStore } from './open-store';
import type { PostgisStore } from './postgis/postgis-store';
import type { RawClient } from './sql/sql-store';
import type { SqliteStore } from './sqlite/sqlite-store';
import type { Store } from './store';

const raw = (store: Store) => (store as SqliteStore | PostgisStore).prisma as unknown as RawClient;
const sitesIn = async (store: Store, regionId: number) =>
  (await store.queryLayer('sites', { limit: 100, regionId })).features.map((f) => f.properties.externalId);

describe.each(BACKENDS)('region memberships of a database made before them (%s)', (backend) => {
  let db: ThrowawayStore;
  afterAll(async () => db?.drop());

  it('are filed on the next start', async () => {
    db = await createThrowawayStore(backend, 'members');
    const first = await openStore(parseStoreUrl(db.url), { seed: () => SMALL_SEED });
    const west = await sitesIn(first, 1);
    expect(west.length).toBeGreaterThan(0);
    // As migration 0003 leaves an older database: the table there, empty.
    await raw(first).$queryRaw(sql`DELETE FROM region_members`);
    expect(await sitesIn(first, 1)).toEqual([]);
    await first.close();
    const again = await openStore(parseStoreUrl(db.url));
    try {
      expect(await sitesIn(again, 1)).toEqual(west);
    } finally {
      await again.close();
    }
  });
});
