/**
 * Where a within-a-polygon answer's time goes (docs/performance.md, "Fix 28"), in one process on a seeded
 * PostGIS database, the sides interleaved (medians of `calls` rounds after one untimed): raw `ST_Covers` (pg
 * parses the rows), the store's COPY read to the end (no HTTP), the route through app.inject (which decodes the
 * answer into a string) and through a socket (fetch, the bytes only), over a ~100 km octagon around a live site.
 *   npx tsx bench/peers/profile-within.ts <database URL> [calls=7]
 */
import { median, postCounting, timed } from './load';
import { openProfiledApp } from './profiled-app';
import { RawSql } from './raw-sql';
import { octagon } from './requests';

const url = process.argv[2];
if (!url) throw new Error('usage: profile-within.ts <database URL> [calls]');
const calls = Number(process.argv[3] ?? 7);
const { store, app } = await openProfiledApp(0, url);
const raw = await RawSql.connect(url);
const { rows } = await raw.query(
  'SELECT lon, lat FROM sites WHERE retired_at IS NULL ORDER BY id OFFSET 123456 LIMIT 1',
);
const geometry = octagon(rows[0] as { lon: number; lat: number }, 50);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
const post = (headers: Record<string, string> = {}) =>
  fetch(`${address}/api/query/within`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ geometry }),
  });
const sides: [string, () => Promise<unknown>][] = [
  ['raw ST_Covers (pg parses the rows)', () => raw.coveredBy(geometry)],
  [
    'store copySitesInPolygon, chunks read',
    async () => {
      const copy = store.copySitesInPolygon(geometry, null, 64 * 1024)!;
      let bytes = 0;
      for await (const chunk of copy.chunks) bytes += chunk.length;
      return bytes;
    },
  ],
  ['store sitesInPolygonJson (rows through Prisma)', () => store.sitesInPolygonJson(geometry, null)],
  [
    'route, app.inject',
    () => app.inject({ method: 'POST', url: '/api/query/within', payload: { geometry } }),
  ],
  [
    'route, http.request over a socket (chunks counted)',
    () => postCounting(address, '/api/query/within', { geometry }),
  ],
  [
    'route, fetch over a socket (bytes, not compressed)',
    async () => (await post({ 'accept-encoding': 'identity' })).arrayBuffer(),
  ],
  ['route, fetch over a socket (bytes, compressed as fetch asks)', async () => (await post()).arrayBuffer()],
];
const times = sides.map((): number[] => []);
for (const [, call] of sides) await call();
// Interleaved: each round calls every side once, starting from another side each round.
for (let round = 0; round < calls; round++) {
  for (let k = 0; k < sides.length; k++) {
    const i = (round + k) % sides.length;
    await timed(sides[i]![1], times[i]!);
  }
}
for (const [i, [name]] of sides.entries()) {
  const xs = times[i]!;
  console.log(`${name}: ${median(xs).toFixed(1)} ms (${xs.map((t) => t.toFixed(0)).join(', ')})`);
}
await raw.close();
await app.close();
await store.close();
process.exit(0);
