/**
 * What MapServer's `CLOSE_CONNECTION=DEFER` is worth (docs/performance.md, "Fix 15"): scenario 2's z12 tiles
 * fetched one after another from MapServer with and without it, over the same database, three passes each; the
 * median time per tile, with the bytes and statuses so that a fast error would show.
 *   npx tsx bench/peers/mapserver-connections.ts <database URL>   (one seeded already, such as a copy of the kept one)
 */
import { median } from './load';
import { startMapServer } from './mapserver';
import { cleanupAll } from './processes';
import { readLiveSites, tilesOfSites } from './requests';

const url = process.argv[2];
if (!url) throw new Error('usage: npx tsx bench/peers/mapserver-connections.ts <database URL>');
const live = await readLiveSites(url);
const tiles = tilesOfSites(live, 12, 50);
try {
  for (const defer of [true, false]) {
    const ms = await startMapServer(url, 2, defer);
    for (let pass = 1; pass <= 3; pass++) {
      const times: number[] = [];
      let bytes = 0;
      const statuses = new Set<number>();
      for (const t of tiles) {
        const started = performance.now();
        const res = await fetch(ms.baseUrl + ms.tilePath(t.z, t.x, t.y));
        bytes += (await res.arrayBuffer()).byteLength;
        statuses.add(res.status);
        times.push(performance.now() - started);
      }
      console.log(
        `${defer ? 'DEFER' : 'a connection per request'}, pass ${pass}: p50 ${median(times).toFixed(1)} ms, ` +
          `${bytes} bytes, statuses ${[...statuses].join(',')}`,
      );
    }
  }
} finally {
  await cleanupAll();
}
