/**
 * Where a z12 site tile spends its time, in one process on PostGIS (docs/performance.md, "Fix 15"): the route
 * through app.inject, the store call (its statement sent by pg, past Prisma) and the same statement through
 * the store's Prisma client, interleaved over the tiles scenario 2 measures; wall time and the CPU of this
 * process and of the database's backends per tile (CPU is what bounds throughput on two cores).
 *   npx tsx bench/peers/profile-tiles.ts [sites=100000] [rounds=5] [database URL]
 * A database URL given (one seeded already, such as a copy of bench:peers' kept one): no seeding, not dropped.
 */
import type { RawClient } from '../../server/src/store/sql/sql-store';
import type { BboxCondition } from '../../server/src/store/sql/tile-sql';
import { renderPostgisTile, textTileRows } from '../../server/src/store/postgis/postgis-tiles';
import { openProfiledApp } from './profiled-app';
import { profileSides, type Side } from './profile-sides';
import { readLiveSites, tilesOfSites } from './requests';

const sites = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 5);
const existing = process.argv[4];
const { db, store, app } = await openProfiledApp(sites, existing);
try {
  const live = await readLiveSites(db.url);
  const tiles = tilesOfSites(live, 12, 50);

  // The store's statements through its Prisma client, as store.tile sent them before fix 15.
  const internals = store as unknown as { db: RawClient; bboxCondition: BboxCondition };
  const prisma = internals.db;
  const bbox: BboxCondition = (layer, box) => internals.bboxCondition(layer, box);

  const sides: Side<(typeof tiles)[number]>[] = [
    [
      'route (app.inject)',
      (t) => app.inject({ method: 'GET', url: `/api/tiles/sites/${t.z}/${t.x}/${t.y}.mvt` }),
    ],
    ['store.tile', (t) => store.tile({ layer: 'sites', tile: t, filter: {} })],
    [
      'the same statements by Prisma',
      (t) => renderPostgisTile(textTileRows(prisma), { layer: 'sites', tile: t, filter: {} }, bbox),
    ],
    ['data versions (store)', () => store.dataVersions()],
  ];
  console.log(`${tiles.length} z12 tiles, ${rounds} rounds, ${sites} sites`);
  await profileSides(sides, tiles, rounds);
  await app.close();
} finally {
  await db.drop();
}
