/**
 * Scenario 5 in a process of its own (scenario-analysis.ts says why): the app and a raw client on a seeded
 * database, the rows and the comparisons as JSON on the last line of stdout.
 *   npx tsx bench/peers/analysis-process.ts <database URL> <substations> <repeat>
 */
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { openStore } from '../../server/src/store/open-store';
import { RawSql } from './raw-sql';
import { analysisScenario } from './scenario-analysis';

const [url, substations, repeat] = process.argv.slice(2);
if (!url || !substations || !repeat)
  throw new Error('usage: analysis-process.ts <url> <substations> <repeat>');
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
const result = await analysisScenario(app, raw, Number(substations), Number(repeat));
await raw.close();
await app.close();
await store.close();
console.log(JSON.stringify(result));
process.exit(0);
