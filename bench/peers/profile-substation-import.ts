/**
 * What an import of substations costs at N sites, stage by stage (docs/performance.md, "Fix 26"): `moved` of the
 * seed's metered substations, spread over the region (every k-th), each moved 0.02° east with all its columns as
 * seeded, imported through importLayer into a seeded database, then moved back in a second import. An import of
 * substations refiles their pairs and recomputes the hotspot and served-load rows around them.
 *   npx tsx bench/peers/profile-substation-import.ts [sites=100000] [moved=5] [database URL]
 * The database URL: PostGIS, seeded already with `sites` generated sites (a copy of bench:peers' kept one); the
 * substations end where they were.
 */
import { generateSeed } from '@gridwatch/geodata';
import { loadConfig } from '../../server/src/config';
import { readFeatureCollection } from '../../server/src/domain/import/read-rows';
import { importLayer } from '../../server/src/services/import-layer';
import { openStore } from '../../server/src/store/open-store';
import { importStages, type ImportStage } from '../../server/src/store/sql/import-stages';

const seed = generateSeed({ sites: Number(process.argv[2] ?? 100_000) });
const count = Number(process.argv[3] ?? 5);
const url = process.argv[4];
if (!url) throw new Error('a seeded PostGIS database URL is needed (a copy of the kept one)');

const metered = seed.substations.filter((s) => s.baseLoadMw !== null && s.meteredPeakMw !== null);
const step = Math.max(1, Math.floor(metered.length / count));
const picked = metered.filter((_, i) => i % step === 0).slice(0, count);

const collection = (dLon: number) => ({
  type: 'FeatureCollection',
  // `synthetic` marks the generated rows in the seed; an import does not take it.
  features: picked.map(({ lon, lat, synthetic: _synthetic, ...properties }) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon + dLon, lat] },
    properties,
  })),
});

const printStage = (message: unknown) => {
  const { stage, ms } = message as ImportStage;
  console.log(`    write: ${stage}: ${ms.toFixed(0)} ms`);
};

const config = loadConfig({ DATABASE_URL: url, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' });
const store = await openStore(config.store, {});
for (const [what, dLon] of [
  ['moved 0.02° east', 0.02],
  ['moved back', 0],
] as const) {
  const read = readFeatureCollection('substations', collection(dLon), 'wgs84');
  if (!read.ok) throw new Error(read.reason);
  if (read.problems.length > 0) throw new Error(JSON.stringify(read.problems.slice(0, 3)));
  console.log(`${picked.length} substations ${what} at ${seed.sites.length} sites:`);
  importStages.subscribe(printStage);
  const t = performance.now();
  const outcome = await importLayer(store, 'substations', read.rows, read.problems, {
    username: 'profile',
    at: new Date().toISOString(),
    dryRun: false,
  });
  importStages.unsubscribe(printStage);
  console.log(`  whole import: ${(performance.now() - t).toFixed(0)} ms`);
  console.log(`  ${JSON.stringify(outcome.ok ? outcome.counts : outcome.problems.slice(0, 3))}`);
}
await store.close();
process.exit(0);
