/**
 * A scenario timed in-process, in a process of its own (scenario-analysis.ts says why): the app and a raw client on
 * a seeded database; what the scenario returns as JSON on the last line of stdout.
 *   npx tsx bench/peers/scenario-process.ts analysis <database URL> <substations> <repeat>
 *   npx tsx bench/peers/scenario-process.ts within <database URL> <polygons as JSON> <repeat>
 *   npx tsx bench/peers/scenario-process.ts unlicensed <database URL> <{"sqlite": URL, "ids": […]} as JSON> <repeat>
 */
import type { Polygon } from 'geojson';
import { openProfiledApp } from './profiled-app';
import { RawSql } from './raw-sql';
import { analysisScenario } from './scenario-analysis';
import { withinScenario } from './scenario-within';
import { unlicensedScenario } from './scenario-unlicensed';

const [scenario, url, what, repeat] = process.argv.slice(2);
if (!['analysis', 'within', 'unlicensed'].includes(scenario ?? '') || !url || !what || !repeat)
  throw new Error('usage: scenario-process.ts analysis|within|unlicensed <url> <what> <repeat>');
/** The app on a seeded database, as the profiles open it (profiled-app.ts: no seed, logs silent, public read). */
async function openApp(databaseUrl: string) {
  const { app, store } = await openProfiledApp(0, databaseUrl);
  return { app, close: async () => (await app.close(), await store.close()) };
}
const postgis = await openApp(url);
const raw = await RawSql.connect(url);
let result: unknown;
if (scenario === 'analysis') result = await analysisScenario(postgis.app, raw, Number(what), Number(repeat));
else if (scenario === 'within')
  result = await withinScenario(postgis.app, raw, JSON.parse(what) as Polygon[], Number(repeat));
else {
  const { sqlite: sqliteUrl, ids } = JSON.parse(what) as { sqlite: string; ids: number[] };
  const sqlite = await openApp(sqliteUrl);
  result = await unlicensedScenario(postgis.app, sqlite.app, raw, ids, Number(repeat));
  await sqlite.close();
}
await raw.close();
await postgis.close();
// Written whole before the exit: a pipe takes a long line in pieces, and process.exit does not wait for them.
await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(result)}\n`, () => resolve()));
process.exit(0);
