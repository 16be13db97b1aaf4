/**
 * The export's read-ahead (server/src/services/every-page.ts), A/B in one process: every page of the sites'
 * feature texts read one after another, against everyPage (the next page asked for as soon as a page arrives),
 * each consumed the same way (the texts joined into ~64 KB strings, as the export does). Interleaved, medians.
 *   npx tsx bench/export-read-ahead.ts [sites=50000] [rounds=5]
 */
import { generateSeed } from '@gridwatch/geodata';
import { loadConfig } from '../server/src/config';
import { openStore } from '../server/src/store/open-store';
import type { FeatureJson } from '../server/src/store/store';
import { everyPage, PAGE } from '../server/src/services/every-page';
import { createThrowawayStore } from '../server/test/throwaway-database';
import { median } from './peers/load';

const sites = Number(process.argv[2] ?? 50000);
const rounds = Number(process.argv[3] ?? 5);
const db = await createThrowawayStore('postgis', 'readahead');
try {
  const config = loadConfig({ DATABASE_URL: db.url, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' });
  const store = await openStore(config.store, { seed: () => generateSeed({ sites }) });
  const read = (filter: Parameters<typeof store.queryLayerJson>[1]) => store.queryLayerJson('sites', filter);

  async function* oneAfterAnother(): AsyncGenerator<FeatureJson> {
    let afterId: number | undefined;
    for (;;) {
      const page = await read({ limit: PAGE, ...(afterId ? { afterId } : {}) });
      yield* page.features;
      if (!page.truncated) return;
      afterId = page.features[page.features.length - 1]!.id;
    }
  }
  const consume = async (texts: AsyncGenerator<FeatureJson>) => {
    const started = performance.now();
    let chunk: string[] = [];
    let size = 0;
    let bytes = 0;
    for await (const f of texts) {
      chunk.push(f.json);
      size += f.json.length;
      if (size >= 64 * 1024) {
        bytes += chunk.join(',').length;
        chunk = [];
        size = 0;
      }
    }
    bytes += chunk.join(',').length;
    return { ms: performance.now() - started, bytes };
  };
  await consume(oneAfterAnother()); // warm the buffers for both
  const sequential: number[] = [];
  const ahead: number[] = [];
  for (let i = 0; i < rounds; i++) {
    sequential.push((await consume(oneAfterAnother())).ms);
    ahead.push((await consume(everyPage({}, read))).ms);
  }
  const [s, a] = [median(sequential), median(ahead)];
  console.log(
    `${sites} sites, ${rounds} rounds: one page after another ${s.toFixed(0)} ms, read-ahead ${a.toFixed(0)} ms ` +
      `(${(a / s).toFixed(2)}×); load average ${(await import('node:os'))
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')}`,
  );
  await store.close();
} finally {
  await db.drop();
}
