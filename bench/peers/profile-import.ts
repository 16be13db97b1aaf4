/**
 * Where an import of sites spends its time, stage by stage, in one process: reading the CSV (parse and per-row
 * checks), the lookups of existing rows and references, the plan, and the write (applyImport) — first of new
 * rows, then of the same rows all changed (every load and name; every 10th moved, every 7th given another feeder,
 * every 5th a status change), which updates them. What docs/performance.md ranks the import's fixes by. The
 * write's own stages come from applyImport's diagnostics channel (store/sql/import-stages.ts).
 *   npx tsx bench/peers/profile-import.ts [sites=20000] [imported=20000] [postgis|sqlite] [database URL]
 * A database URL given (PostGIS, seeded already with `sites` generated sites, such as a copy of bench:peers' kept
 * one): no seeding, not dropped; the rows it imports stay in it.
 */
import { ALLOWED_TRANSITIONS, type SeedData } from '@gridwatch/contract';
import { generateSeed } from '@gridwatch/geodata';
import { loadConfig } from '../../server/src/config';
import { readCsv } from '../../server/src/domain/import/read-rows';
import { importLayer } from '../../server/src/services/import-layer';
import { openStore } from '../../server/src/store/open-store';
import type { Backend } from '../../server/src/store/store';
import { createThrowawayStore } from '../../server/test/throwaway-database';
import { sitesCsv } from './requests';
import { importStages, type ImportStage } from '../../server/src/store/sql/import-stages';

const seed = generateSeed({ sites: Number(process.argv[2] ?? 20000) });
const n = Math.min(Number(process.argv[3] ?? 20000), seed.sites.length);
const backend: Backend = process.argv[4] === 'sqlite' ? 'sqlite' : 'postgis';
const feeders = seed.substations.map((s) => s.externalId);

/** The same sites, every row changed (see above). */
const changed = (sites: readonly SeedData['sites'][number][]): SeedData['sites'][number][] =>
  sites.map((s, i) => ({
    ...s,
    name: `${s.name} (2)`,
    loadMw: s.loadMw + 1,
    lon: i % 10 === 0 ? s.lon + 0.01 : s.lon,
    feederSubstationExternalId: i % 7 === 0 ? feeders[i % feeders.length]! : s.feederSubstationExternalId,
    status: i % 5 === 0 ? (ALLOWED_TRANSITIONS[s.status][0] ?? s.status) : s.status,
  }));

/** The write's stages, as applyImport publishes them. */
const printStage = (message: unknown) => {
  const { stage, ms } = message as ImportStage;
  console.log(`    write: ${stage}: ${ms.toFixed(0)} ms`);
};

const existing = process.argv[5];
const db = existing ? { url: existing, drop: async () => {} } : await createThrowawayStore(backend, 'prof');
try {
  const config = loadConfig({ DATABASE_URL: db.url, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' });
  const store = await openStore(config.store, { seed: () => seed });
  const picked = seed.sites.slice(0, n);
  for (const [what, sites] of [
    ['new', picked],
    ['changed', changed(picked)],
  ] as const) {
    console.log(`${backend}, ${n} ${what} rows at ${seed.sites.length} sites:`);
    const csv = Buffer.from(sitesCsv(sites, 'IMP-'));
    const at = new Date().toISOString();
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      console.log(`  ${name}: ${(now - t).toFixed(0)} ms`);
      t = now;
    };
    const read = readCsv('sites', csv, 'utf8', 'wgs84');
    lap(`read ${n} rows (parse and check)`);
    if (!read.ok) throw new Error(read.reason);
    const existing = await store.findImportRecords(
      'sites',
      read.rows.map((r) => r.record.properties.externalId),
    );
    lap(`look up existing externalIds (${existing.size} found)`);
    const options = { username: 'p', at };
    const outcome = await importLayer(store, 'sites', read.rows, read.problems, { ...options, dryRun: true });
    lap('look-ups and plan (a dry run)');
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems.slice(0, 3)));
    const begun = performance.now();
    importStages.subscribe(printStage);
    const written = await importLayer(store, 'sites', read.rows, read.problems, {
      ...options,
      dryRun: false,
    });
    importStages.unsubscribe(printStage);
    lap('look-ups, plan and write');
    console.log(`  ${JSON.stringify(written.ok ? written.counts : written.problems.slice(0, 3))}`);
    console.log(
      `  ${what}: ${(n / ((performance.now() - begun) / 1000)).toFixed(0)} rows/s through importLayer`,
    );
  }
  await store.close();
} finally {
  await db.drop();
}
