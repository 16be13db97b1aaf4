/**
 * Where hotspots "now" at 10 km spend their time, in one process on PostGIS (docs/performance.md, "Fix 9"): the
 * route through app.inject, the store call, and the raw SQL over the per-substation aggregate, the pairs table and
 * the spatial join, interleaved, medians; then the upkeep a status change pays at the densest site (the site whose
 * paired substations hold the most pairs): the recomputation alone, and a whole status change with it. The same
 * for unexplained load today ("Fix 14"): the route, the store call, the read over the records (a hair under 10 km)
 * and the raw SQL over the served loads, and as of a past day the same over the served days ("Fix 26") and over
 * the records; and the served-load upkeep of a site at the meter serving the most sites
 * (its term out and back in).
 *   npx tsx bench/peers/profile-hotspots.ts [sites=100000] [rounds=9] [database URL]
 * A database URL given (one seeded already, such as a copy of bench:peers' kept one): no seeding, not dropped.
 */
import { unlicensedStatuses } from '../../server/src/domain/summaries';
import { sqltag as sql } from '@prisma/client/runtime/client';
import {
  putSitesInHotspotLoads,
  takeSitesOutOfHotspotLoads,
} from '../../server/src/store/sql/hotspot-loads-sql';
import {
  putSitesInServedLoads,
  takeSitesOutOfServedLoads,
} from '../../server/src/store/sql/served-loads-sql';
import { KNOWN_ILLEGAL, readingDay } from '../../server/src/domain/unexplained-load';
import { endOfDayIso, todayInBeijing } from '@gridwatch/contract';
import type { ImportClient } from '../../server/src/store/sql/import-client';
import { median } from './load';
import { openProfiledApp } from './profiled-app';
import { RawSql } from './raw-sql';

const sites = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 9);
const existing = process.argv[4];
/** The past day of scenario 5's as-of cases. */
const PAST_DAY = '2026-05-01';
let t = performance.now();
const { seed, db, store, app } = await openProfiledApp(sites, existing);
console.log(
  `${seed ? 'seeded' : 'opened'} ${sites} sites in ${((performance.now() - t) / 1000).toFixed(0)} s`,
);
try {
  const raw = await RawSql.connect(db.url);
  await raw.query('VACUUM ANALYZE');

  const sides: [string, () => Promise<unknown>][] = [
    [
      'route (app.inject)',
      () => app.inject({ method: 'GET', url: '/api/analysis/hotspots?radiusKm=10&limit=1000' }),
    ],
    ['store.hotspots', () => store.hotspots(10, unlicensedStatuses(false), 1000)],
    // A hair under 10 km no pair lies in between, so this is the same answer by the read before the aggregate.
    [
      'route at r = 10 − 1e-9 km (the pairs read)',
      () => app.inject({ method: 'GET', url: '/api/analysis/hotspots?radiusKm=9.999999999&limit=1000' }),
    ],
    [
      'store.hotspots at r = 10 − 1e-9 km (the pairs read)',
      () => store.hotspots(10 - 1e-9, unlicensedStatuses(false), 1000),
    ],
    ['raw SQL over the aggregate', () => raw.hotspotsFromLoads(1000)],
    ['raw SQL over the pairs table', () => raw.hotspotsFromPairs(10, 1000)],
    ['raw SQL (ST_DWithin)', () => raw.hotspots(10, 1000)],
    [
      'unexplained load, route (app.inject)',
      () => app.inject({ method: 'GET', url: '/api/analysis/unexplained-load?radiusKm=10' }),
    ],
    [
      'unexplained load, store.substationLoads',
      () => store.substationLoads(10, KNOWN_ILLEGAL, readingDay(todayInBeijing(Date.now()))),
    ],
    [
      'unexplained load, route at r = 10 − 1e-9 km (the records read)',
      () => app.inject({ method: 'GET', url: '/api/analysis/unexplained-load?radiusKm=9.999999999' }),
    ],
    [
      'unexplained load, raw SQL over the served loads',
      () => raw.unexplainedFromServed(readingDay(todayInBeijing(Date.now())).fromHour),
    ],
    [
      `unexplained load as of ${PAST_DAY}, route (app.inject)`,
      () => app.inject({ method: 'GET', url: `/api/analysis/unexplained-load?radiusKm=10&asOf=${PAST_DAY}` }),
    ],
    [
      `unexplained load as of ${PAST_DAY}, route at r = 10 − 1e-9 km (the records read)`,
      () =>
        app.inject({
          method: 'GET',
          url: `/api/analysis/unexplained-load?radiusKm=9.999999999&asOf=${PAST_DAY}`,
        }),
    ],
    [
      `unexplained load as of ${PAST_DAY}, raw SQL over the served days`,
      () => raw.unexplainedFromServedDays(PAST_DAY, readingDay(PAST_DAY).fromHour),
    ],
    [
      `unexplained load as of ${PAST_DAY}, raw SQL over the records and pairs`,
      () => raw.unexplainedAsOfFromPairs(10, endOfDayIso(PAST_DAY), readingDay(PAST_DAY).fromHour),
    ],
  ];
  const times = new Map(sides.map(([name]) => [name, [] as number[]]));
  for (const [, fn] of sides) await fn();
  for (let i = 0; i < rounds; i++)
    for (const [name, fn] of sides) {
      t = performance.now();
      await fn();
      times.get(name)!.push(performance.now() - t);
    }
  for (const [name, xs] of times) console.log(`r=10 km, ${name}: ${median(xs).toFixed(2)} ms`);

  // The densest site: its substations' pairs are the rows its upkeep reads.
  const { rows } = await raw.query(
    `SELECT q.site_id AS id, sum(n.pairs)::int AS pairs, count(*)::int AS substations
       FROM site_substation_pairs q JOIN (SELECT substation_id, count(*) AS pairs FROM site_substation_pairs
         GROUP BY substation_id) n ON n.substation_id = q.substation_id
       JOIN sites t ON t.id = q.site_id AND t.retired_at IS NULL AND t.status IN ('LICENSED', 'UNLICENSED')
       GROUP BY q.site_id ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  const densest = rows[0] as { id: number; pairs: number; substations: number };
  const prisma = (store as unknown as { prisma: ImportClient }).prisma;
  const upkeep: number[] = [];
  const change: number[] = [];
  for (let i = 0; i < rounds + 1; i++) {
    t = performance.now();
    // The upkeep of a write that changes nothing: the site's terms out of its substations' rows and back in.
    await prisma.$transaction(async (tx) => {
      await takeSitesOutOfHotspotLoads(tx, 'postgis', sql`t.id = ${densest.id}`);
      await putSitesInHotspotLoads(tx, 'postgis', sql`t.id = ${densest.id}`);
    });
    if (i > 0) upkeep.push(performance.now() - t);
    const feature = (await store.getFeature('sites', densest.id))!;
    const { status, version } = feature.properties as { status: string; version: number };
    t = performance.now();
    const outcome = await store.sites.changeStatus(
      densest.id,
      {
        status: status === 'LICENSED' ? 'UNLICENSED' : 'LICENSED',
        version,
        note: 'profile',
        zoneId: null,
        attachmentIds: [],
      },
      'profile',
    );
    if (!outcome.ok) throw new Error(`status change refused: ${JSON.stringify(outcome)}`);
    if (i > 0) change.push(performance.now() - t);
  }
  console.log(
    `densest site ${densest.id} (${densest.substations} substations, ${densest.pairs} pairs around it): ` +
      `upkeep alone ${median(upkeep).toFixed(2)} ms, a whole status change with it ${median(change).toFixed(2)} ms`,
  );
  // The meter serving the most live sites: the served-load row its sites' writes move.
  const busiest = (
    await raw.query(
      `SELECT t.id, m.n FROM (SELECT feeder_substation_id AS sid, count(*)::int AS n FROM sites
         WHERE retired_at IS NULL AND feeder_substation_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1) m
       JOIN sites t ON t.feeder_substation_id = m.sid AND t.retired_at IS NULL ORDER BY t.id LIMIT 1`,
    )
  ).rows[0] as { id: number; n: number };
  const served: number[] = [];
  for (let i = 0; i < rounds + 1; i++) {
    t = performance.now();
    await prisma.$transaction(async (tx) => {
      await takeSitesOutOfServedLoads(tx, 'postgis', sql`t.id = ${busiest.id}`);
      await putSitesInServedLoads(tx, 'postgis', sql`t.id = ${busiest.id}`);
    });
    if (i > 0) served.push(performance.now() - t);
  }
  console.log(
    `site ${busiest.id} at the meter serving the most sites (${busiest.n}): ` +
      `served-load upkeep alone ${median(served).toFixed(2)} ms`,
  );
  await raw.close();
  await app.close();
  await store.close();
} finally {
  await db.drop();
}
