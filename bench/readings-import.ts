/**
 * The readings import (issue 18) on each store: a SCADA-style CSV of N hourly readings (seeded: the demo's
 * metered substations, consecutive hours, Beijing timestamps with offset) read, checked and written in one
 * transaction through the import's own code (domain/import/read-readings.ts, services/import-readings.ts), as
 * POST /api/import/readings runs it. The baseline in the same process is the same import of N/10 readings, so
 * the ratio says whether the cost grows linearly (≈ 10).
 *   npx tsx bench/readings-import.ts [--readings 1000000] [--backend sqlite|postgis|both]
 */
import { parseArgs } from 'node:util';
import { generateSeed } from '@gridwatch/geodata';
import { loadConfig } from '../server/src/config';
import { readReadingsCsv } from '../server/src/domain/import/read-readings';
import { importReadings } from '../server/src/services/import-readings';
import { openStore } from '../server/src/store/open-store';
import type { Backend } from '../server/src/store/store';
import { createThrowawayStore } from '../server/test/throwaway-database';

const { values } = parseArgs({
  options: {
    readings: { type: 'string', default: '1000000' },
    backend: { type: 'string', default: 'both' },
  },
});
const total = Number(values.readings);
const BACKENDS: Backend[] = ['sqlite', 'postgis'];
const backends = values.backend === 'both' ? BACKENDS : BACKENDS.filter((b) => b === values.backend);

const seed = generateSeed({ readings: false });
const meters = seed.substations.filter((s) => s.meteredPeakMw !== null).map((s) => s.externalId);
const START_MS = Date.parse('2025-01-01T00:00:00+08:00');

/** n readings: each meter's consecutive hours, as a SCADA export lists them. */
function csv(n: number): string {
  const perMeter = Math.ceil(n / meters.length);
  const lines = ['substationExternalId,timestamp,mw'];
  for (let i = 0; i < n; i++) {
    const meter = meters[Math.floor(i / perMeter)]!;
    const at = new Date(START_MS + (i % perMeter) * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 19);
    lines.push(`${meter},${at}+08:00,${(50 + (i % 97) / 7).toFixed(3)}`);
  }
  return lines.join('\n');
}

for (const backend of backends) {
  const database = await createThrowawayStore(backend, 'bench');
  const config = loadConfig({ DATABASE_URL: database.url, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' });
  const store = await openStore(config.store, { seed: () => ({ ...seed, readings: [] }) });
  const run = async (n: number) => {
    const text = csv(n);
    const started = performance.now();
    const read = readReadingsCsv(text);
    if (!read.ok) throw new Error(read.reason);
    const outcome = await importReadings(store, read, false);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems.slice(0, 3)));
    return performance.now() - started;
  };
  const baseline = await run(Math.round(total / 10));
  const ms = await run(total);
  console.log(`\n${backend}: ${total.toLocaleString('en')} readings over ${meters.length} meters`);
  console.log('| import | seconds | readings/s | × baseline |\n| --- | ---: | ---: | ---: |');
  console.log(
    `| ${(total / 10).toLocaleString('en')} (baseline) | ${(baseline / 1000).toFixed(1)} | ${Math.round(total / 10 / (baseline / 1000)).toLocaleString('en')} | 1.0 |`,
  );
  console.log(
    `| ${total.toLocaleString('en')} | ${(ms / 1000).toFixed(1)} | ${Math.round(total / (ms / 1000)).toLocaleString('en')} | ${(ms / baseline).toFixed(1)} |`,
  );
  await store.close();
  await database.drop();
}
