/**
 * `npm run geodata`: writes the offline basemap to geodata/build/basemap/*.geojson; with `--sites N` also a
 * benchmark data set of N synthetic sites, streamed to geodata/build/bench/sites-N.ndjson (one site a line).
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBasemap } from '../src/basemap';
import { buildGrid, DEFAULT_SEED } from '../src/generate';
import { deriveSeed, Rng } from '../src/prng';
import { roundCoordinates } from '../src/rounding';
import { generateSites } from '../src/sites';

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');

function writeBasemap(): void {
  const dir = join(buildDir, 'basemap');
  mkdirSync(dir, { recursive: true });
  for (const [layer, collection] of Object.entries(buildBasemap())) {
    const file = join(dir, `${layer}.geojson`);
    writeFileSync(file, JSON.stringify(roundCoordinates(collection)));
    // The compressed copies the client build writes (client/build/precompress.ts) would now be stale.
    rmSync(`${file}.br`, { force: true });
    rmSync(`${file}.gz`, { force: true });
    console.log(`wrote ${file} (${collection.features.length} features)`);
  }
}

/** Same streams as generateSeed, so the first sites of a benchmark file equal the seed's sites. */
async function writeBench(count: number, seed: number): Promise<void> {
  const dir = join(buildDir, 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `sites-${count}.ndjson`);
  const out = createWriteStream(file);
  const started = Date.now();
  const grid = buildGrid(seed);
  for (const { site } of generateSites(grid, count, new Rng(deriveSeed(seed, 'sites')))) {
    if (!out.write(`${JSON.stringify(site)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  console.log(`wrote ${file} (${count} sites in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const { values } = parseArgs({
  options: { sites: { type: 'string' }, seed: { type: 'string' } },
});
writeBasemap();
if (values.sites !== undefined) {
  const count = Number(values.sites);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--sites needs a positive integer, got "${values.sites}"`);
  await writeBench(count, values.seed === undefined ? DEFAULT_SEED : Number(values.seed));
}
