/**
 * A scenario timed in-process, in a process of its own (scenario-analysis.ts says why): the app and a raw client on
 * a seeded database; what the scenario returns as JSON on the last line of stdout.
 *   npx tsx bench/peers/scenario-process.ts analysis <database URL> <substations> <repeat>
 *   npx tsx bench/peers/scenario-process.ts within <database URL> <polygons as JSON> <repeat>
 */
import type { Polygon } from 'geojson';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { openStore } from '../../server/src/store/open-store';
import { RawSql } from './raw-sql';
import { analysisScenario } from './scenario-analysis';
import { withinScenario } from './scenario-within';

const [scenario, url, what, repeat] = process.argv.slice(2);
if (!(scenario === 'analysis' || scenario === 'within') || !url || !what || !repeat)
  throw new Error('usage: scenario-process.ts analysis|within <url> <substations|polygons> <repeat>');
// As the bench's own app: no seed, logs silent, public read.
const config = loadConfig({
  DATABASE_URL: url,
  GRIDWATCH_SEED: 'none',
  LOG_LEVEL: 'silent',
  GRIDWATCH_PUBLIC_READ: 'true',
});
const store = await openStore(config.store, {});
const app = await buildApp({ config, store, serveStatic: false });
const raw = await RawSql.connect(url);
const result =
  scenario === 'analysis'
    ? await analysisScenario(app, raw, Number(what), Number(repeat))
    : await withinScenario(app, raw, JSON.parse(what) as Polygon[], Number(repeat));
await raw.close();
await app.close();
await store.close();
// Written whole before the exit: a pipe takes a long line in pieces, and process.exit does not wait for them.
await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(result)}\n`, () => resolve()));
process.exit(0);
