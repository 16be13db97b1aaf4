/**
 * Where scenario 1's bbox GeoJSON (~5,000 sites) spends its time, in one process on PostGIS: the route through
 * app.inject, the store call, and the store's statement sent alone by pg (no rows made into features), over the
 * boxes bench:peers measures; wall time and CPU per box of this process and of the database (profile-sides.ts).
 *   npx tsx bench/peers/profile-bbox.ts [sites=100000] [rounds=5] [database URL]
 * A database URL given (one seeded already, such as a copy of bench:peers' kept one): no seeding, not dropped.
 */
import pg from 'pg';
import { sqltag as sql } from '@prisma/client/runtime/client';
import type { Bbox } from '../../server/src/domain/geo/bbox';
import { featureJsonSelect } from '../../server/src/store/sql/feature-json-sql';
import { filterWhere, pageOrder } from '../../server/src/store/sql/filter-sql';
import { LAYER_SQL } from '../../server/src/store/sql/layer-sql';
import { openProfiledApp } from './profiled-app';
import { profileSides, type Side } from './profile-sides';
import { boxesHolding, readLiveSites } from './requests';

const sites = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 5);
const existing = process.argv[4];
const { db, store, app } = await openProfiledApp(sites, existing);
try {
  const pool = new pg.Pool({ connectionString: db.url });
  const live = await readLiveSites(db.url);
  const boxes = boxesHolding(live, 5000, 8) as unknown as Bbox[];
  const internals = store as unknown as {
    bboxCondition: (layer: 'sites', box: Bbox) => ReturnType<typeof sql>;
  };
  const statement = (box: Bbox) => {
    const filter = { bbox: box, limit: 10_000 };
    const where = filterWhere('sites', filter, internals.bboxCondition('sites', box));
    return sql`SELECT ${featureJsonSelect('postgis', 'sites')}, t.load_mw AS "loadMw" FROM ${LAYER_SQL.sites.from} ${where} ${pageOrder(filter)}`;
  };
  const sides: Side<Bbox>[] = [
    [
      'route (app.inject)',
      (b) => app.inject({ method: 'GET', url: `/api/layers/sites?bbox=${b.join(',')}` }),
    ],
    ['store.queryLayerJson', (b) => store.queryLayerJson('sites', { bbox: b, limit: 10_000 })],
    ['its statement alone (pg)', (b) => pool.query(statement(b).text, statement(b).values)],
    ['data versions (store)', () => store.dataVersions()],
  ];
  console.log(`${boxes.length} boxes of ~5,000 sites, ${rounds} rounds, ${sites} sites`);
  await profileSides(sides, boxes, rounds);
  await pool.end();
  await app.close();
} finally {
  await db.drop();
}
