/**
 * The signatures ranking (issue 18) and the seed load on each store, on the demo seed's year of hourly readings
 * (2.5M rows): the seed's load with readings against the baseline of the same seed without them, then
 * GET /api/analysis/signatures's service against the baseline of the dated unexplained load of one day (the
 * ratio says how many days' worth of work the ranking costs).
 *   npx tsx bench/signatures.ts [--backend sqlite|postgis|both] [--runs 3]
 */
import { parseArgs } from 'node:util';
import { endOfDayMs, startOfDayMs, type SeedData } from '@gridwatch/contract';
import { generateSeed } from '@gridwatch/geodata';
import { loadConfig } from '../server/src/config';
import { signatures } from '../server/src/services/readings';
import { unexplainedLoad } from '../server/src/services/spatial-queries';
import { openStore } from '../server/src/store/open-store';
import type { Backend, Store } from '../server/src/store/store';
import { createThrowawayStore } from '../server/test/throwaway-database';

const { values } = parseArgs({
  options: { backend: { type: 'string', default: 'both' }, runs: { type: 'string', default: '3' } },
});
const runs = Number(values.runs);
const HOUR = 3_600_000;
const BACKENDS: Backend[] = ['sqlite', 'postgis'];
const backends = values.backend === 'both' ? BACKENDS : BACKENDS.filter((b) => b === values.backend);

const generating = performance.now();
const withReadings = generateSeed();
console.log(`generating the seed with readings: ${((performance.now() - generating) / 1000).toFixed(1)} s`);
const rows = (withReadings.readings ?? []).reduce((n, s) => n + s.mw.length, 0);
const without = { ...withReadings, readings: [] };

async function open(backend: Backend, seed: SeedData) {
  const database = await createThrowawayStore(backend, 'bench');
  const config = loadConfig({ DATABASE_URL: database.url, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' });
  const started = performance.now();
  const store = await openStore(config.store, { seed: () => seed });
  return { store, database, ms: performance.now() - started };
}

const best = async (f: () => Promise<unknown>) => {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
};

for (const backend of backends) {
  const base = await open(backend, without);
  await base.store.close();
  await base.database.drop();
  const full = await open(backend, withReadings);
  const store: Store = full.store;
  const day = await best(() => unexplainedLoad(store, 10, '2026-12-31'));
  const ranked = await best(() => signatures(store, { radiusKm: 10, minStepMw: 5 }, '2026-12-31'));
  const days = await best(() =>
    store.meterDays(startOfDayMs('2026-01-01') / HOUR, endOfDayMs('2026-12-31') / HOUR),
  );
  const sites = await best(() => store.explainingSites(10));
  console.log(`\n${backend}: ${rows.toLocaleString('en')} readings (best of ${runs})`);
  console.log('| measure | seconds | × baseline |\n| --- | ---: | ---: |');
  console.log(`| seed load without readings (baseline) | ${(base.ms / 1000).toFixed(1)} | 1.0 |`);
  console.log(
    `| seed load with readings | ${(full.ms / 1000).toFixed(1)} | ${(full.ms / base.ms).toFixed(1)} |`,
  );
  console.log(`| unexplained load of one day (baseline) | ${(day / 1000).toFixed(3)} | 1.0 |`);
  console.log(
    `| signatures as of 2026-12-31 | ${(ranked / 1000).toFixed(3)} | ${(ranked / day).toFixed(1)} |`,
  );
  console.log(
    `| … of which the meters' days (store.meterDays) | ${(days / 1000).toFixed(3)} | ${(days / day).toFixed(1)} |`,
  );
  console.log(
    `| … of which the sites' assignment (store.explainingSites) | ${(sites / 1000).toFixed(3)} | ${(sites / day).toFixed(1)} |`,
  );
  await store.close();
  await full.database.drop();
}
