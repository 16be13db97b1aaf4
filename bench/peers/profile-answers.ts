/**
 * What the hotspot and unexplained-load answers cost on top of their store calls (docs/performance.md, "Fix 27"),
 * in one process on a seeded PostGIS database: each of the route (app.inject, its answer decoded into a string
 * as inject does, or its bytes read: injectBytes), the store call and the raw read of our kept table
 * (raw-sql.ts) called in a loop of its own, medians of `calls` after 20 untimed. Not interleaved: the loop shows
 * the fixed costs that scenario 5's rounds add up.
 *   npx tsx bench/peers/profile-answers.ts <database URL> [calls=100]
 */
import { todayInBeijing } from '@gridwatch/contract';
import { unlicensedStatuses } from '../../server/src/domain/summaries';
import { KNOWN_ILLEGAL, readingDay } from '../../server/src/domain/unexplained-load';
import { injectBytes, median, timed } from './load';
import { openProfiledApp } from './profiled-app';
import { RawSql } from './raw-sql';

const url = process.argv[2];
if (!url) throw new Error('usage: profile-answers.ts <database URL> [calls]');
const calls = Number(process.argv[3] ?? 100);
const { store, app } = await openProfiledApp(0, url);
const raw = await RawSql.connect(url);
const today = readingDay(todayInBeijing(Date.now()));
const sides: [string, () => Promise<unknown>][] = [
  [
    'hotspots now, route',
    () => app.inject({ method: 'GET', url: '/api/analysis/hotspots?radiusKm=10&limit=1000' }),
  ],
  [
    'hotspots now, route, bytes read',
    () => injectBytes(app, { method: 'GET', url: '/api/analysis/hotspots?radiusKm=10&limit=1000' }),
  ],
  ['hotspots now, store', () => store.hotspots(10, unlicensedStatuses(false), 1000)],
  ['hotspots now, raw over the aggregate', () => raw.hotspotsFromLoads(1000)],
  [
    'unexplained load today, route',
    () => app.inject({ method: 'GET', url: '/api/analysis/unexplained-load?radiusKm=10' }),
  ],
  [
    'unexplained load today, route, bytes read',
    () => injectBytes(app, { method: 'GET', url: '/api/analysis/unexplained-load?radiusKm=10' }),
  ],
  ['unexplained load today, store', () => store.substationLoads(10, KNOWN_ILLEGAL, today)],
  ['unexplained load today, raw over the served loads', () => raw.unexplainedFromServed(today.fromHour)],
  ['GET /api/health, route', () => app.inject({ method: 'GET', url: '/api/health' })],
];
for (const [name, call] of sides) {
  for (let i = 0; i < 20; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) await timed(call, times);
  console.log(`${name}: ${median(times).toFixed(2)} ms`);
}
await raw.close();
await app.close();
await store.close();
process.exit(0);
