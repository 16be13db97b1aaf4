/**
 * The floor of scenario 5's reads of now as an HTTP answer (docs/performance.md, "Fix 30"): the leanest route
 * Fastify can make of the raw read — no plugin, hook or validation; the raw read's rows as JSON.stringify writes
 * them — timed as scenario 5 times ours (app.inject, the bytes read: injectBytes), against the raw read and ours,
 * interleaved (each call of a round starting in turn), medians of `rounds` after 30 untimed. What the lean route
 * costs over the raw read is what any route over that read would; its ratio is the best the target's ratio could
 * be on this machine. Not profile-sides.ts' loop: its CPU accounting reads /proc for every backend around each
 * side's batch, and with a batch of one call that tripled every side's time (the raw read 3.0 against 1.0 ms).
 *   npx tsx bench/peers/profile-floor.ts <database URL> [rounds=300]
 */
import Fastify from 'fastify';
import { todayInBeijing } from '@gridwatch/contract';
import { readingDay } from '../../server/src/domain/unexplained-load';
import { injectBytes, median, timed } from './load';
import { openProfiledApp } from './profiled-app';
import { RawSql } from './raw-sql';

const url = process.argv[2];
if (!url) throw new Error('usage: profile-floor.ts <database URL> [rounds]');
const rounds = Number(process.argv[3] ?? 300);
const { store, app } = await openProfiledApp(0, url);
const raw = await RawSql.connect(url);
// The lean route's own connection, as ours has its pool.
const leanRaw = await RawSql.connect(url);
const fromHour = readingDay(todayInBeijing(Date.now())).fromHour;

const reads = [
  {
    name: 'hotspots now',
    url: '/api/analysis/hotspots?radiusKm=10&limit=1000',
    raw: (sql: RawSql) => sql.hotspotsFromLoads(1000),
  },
  {
    name: 'unexplained load today',
    url: '/api/analysis/unexplained-load?radiusKm=10',
    raw: (sql: RawSql) => sql.unexplainedFromServed(fromHour),
  },
];
const lean = Fastify();
for (const [i, read] of reads.entries())
  lean.get(`/${i}`, async (_request, reply) =>
    reply.type('application/json').send(JSON.stringify((await read.raw(leanRaw)).rows)),
  );
await lean.ready();

for (const [i, read] of reads.entries()) {
  const sides: [string, () => Promise<unknown>][] = [
    ['ours (route)', () => injectBytes(app, { method: 'GET', url: read.url })],
    ['lean Fastify route over the raw read', () => injectBytes(lean, { method: 'GET', url: `/${i}` })],
    ['raw read', () => read.raw(raw)],
  ];
  const times = sides.map(() => [] as number[]);
  for (let round = 0; round < 30; round++) for (const [, call] of sides) await call();
  for (let round = 0; round < rounds; round++)
    for (let j = 0; j < sides.length; j++) {
      const k = (round + j) % sides.length;
      await timed(sides[k]![1], times[k]!);
    }
  const rawMs = median(times[2]!);
  for (const [k, [name]] of sides.entries()) {
    const ms = median(times[k]!);
    console.log(`${read.name}, ${name}: ${ms.toFixed(3)} ms (${(ms / rawMs).toFixed(2)}× the raw read)`);
  }
}
await lean.close();
await leanRaw.close();
await raw.close();
await app.close();
await store.close();
process.exit(0);
