/**
 * Where an import of sites spends its time, stage by stage, in one process on PostGIS: reading the CSV (parse
 * and per-row checks), the lookups of existing rows and references, the plan, and the write (applyImport).
 * What docs/performance.md ranks the import's fix by. The write's own stages are not split here: time them inside
 * applyImport while profiling (nothing in the app prints them).
 *   npx tsx bench/peers/profile-import.ts [sites=20000] [imported=20000]
 */
import { generateSeed } from '@gridwatch/geodata';
import { loadConfig } from '../../server/src/config';
import { readCsv } from '../../server/src/domain/import/read-rows';
import { importLayer } from '../../server/src/services/import-layer';
import { openStore } from '../../server/src/store/open-store';
import { createThrowawayStore } from '../../server/test/throwaway-database';
import { sitesCsv } from './requests';

const seed = generateSeed({ sites: Number(process.argv[2] ?? 20000) });
const n = Math.min(Number(process.argv[3] ?? 20000), seed.sites.length);
const db = await createThrowawayStore('postgis', 'prof');
try {
  const config = loadConfig({ DATABASE_URL: db.url, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' });
  const store = await openStore(config.store, { seed: () => seed });
  const csv = Buffer.from(sitesCsv(seed.sites.slice(0, n), 'IMP-'));
  const at = new Date().toISOString();
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    console.log(`${name}: ${(now - t).toFixed(0)} ms`);
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
  const outcome = await importLayer(store, 'sites', read.rows, read.problems, {
    dryRun: true,
    username: 'p',
    at,
  });
  lap('look-ups and plan (a dry run)');
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems.slice(0, 3)));
  const written = await importLayer(store, 'sites', read.rows, read.problems, {
    dryRun: false,
    username: 'p',
    at,
  });
  lap('look-ups, plan and write');
  console.log(JSON.stringify(written.ok ? written.counts : written.problems.slice(0, 3)));
  await store.close();
} finally {
  await db.drop();
}
