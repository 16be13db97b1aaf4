/**
 * Fix 6 (docs/performance.md): what ordering the sites table by its spatial index (CLUSTER) does to the tiles of
 * a z8 pan. Two copies of one seeded PostGIS database: one CLUSTERed on the GiST index of geom, one with its sites
 * rewritten in random order (the seed's order is no spatial order either); the pan's tiles are rendered
 * in-process by the store, interleaved (ordered, random, ordered, …), and each tile's median is reported.
 *
 *   npx tsx bench/pan-order.ts [--sites 100000] [--rounds 5]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generateSeed } from '@gridwatch/geodata';
import { loadConfig } from '../server/src/config';
import { openStore } from '../server/src/store/open-store';
import type { Store } from '../server/src/store/store';
import { createThrowawayDatabase } from '../server/test/throwaway-postgres';
import { median } from './peers/load';
import { panRow } from './peers/requests';

const { values } = parseArgs({
  options: { sites: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '5' } },
});
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const open = (url: string, seed?: () => ReturnType<typeof generateSeed>) =>
  openStore(loadConfig({ DATABASE_URL: url, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' }).store, {
    seed: seed ?? (() => generateSeed({ sites: 0, readings: false })),
  });

/** The sites rewritten in random order: every column but the generated ones, foreign keys not checked. */
async function shuffleSites(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_name = 'sites' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
  );
  const columns = rows.map((r) => `"${r.name}"`).join(', ');
  await client.query('BEGIN');
  await client.query('SET LOCAL session_replication_role = replica');
  await client.query(`CREATE TEMP TABLE shuffled AS SELECT ${columns} FROM sites ORDER BY random()`);
  await client.query('DELETE FROM sites');
  await client.query(`INSERT INTO sites (${columns}) SELECT ${columns} FROM shuffled`);
  await client.query('COMMIT');
  await client.query('VACUUM ANALYZE sites');
  await client.end();
}

async function main() {
  const seed = generateSeed({ sites: Number(values.sites), readings: false });
  const ordered = await createThrowawayDatabase();
  const random = await createThrowawayDatabase();
  try {
    const a = await open(ordered.url, () => seed);
    await a.close();
    // The copy starts from the seeded database (a template must have no connections).
    const admin = new pg.Client({ connectionString: ordered.url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    const name = (url: string) => new URL(url).pathname.slice(1);
    await admin.query(`DROP DATABASE ${name(random.url)}`);
    await admin.query(`CREATE DATABASE ${name(random.url)} TEMPLATE ${name(ordered.url)}`);
    await admin.end();
    await shuffleSites(random.url);
    const cluster = new pg.Client({ connectionString: ordered.url });
    await cluster.connect();
    await cluster.query('CLUSTER sites USING sites_geom_idx');
    await cluster.query('ANALYZE sites');
    await cluster.end();
    const stores: [string, Store][] = [
      ['ordered', await open(ordered.url)],
      ['random', await open(random.url)],
    ];
    const pan = panRow(seed.sites, 8);
    const times = new Map<string, number[]>();
    const load = loadavg();
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const tile of pan) {
        for (const [label, store] of stores) {
          const started = performance.now();
          await store.tile({ layer: 'sites', tile, filter: {} });
          const key = `${label} ${tile.x}`;
          times.set(key, [...(times.get(key) ?? []), performance.now() - started]);
        }
      }
    }
    const rows = pan.map((t) => ({
      tile: `8/${t.x}/${t.y}`,
      orderedMs: Math.round(median(times.get(`ordered ${t.x}`)!) * 10) / 10,
      randomMs: Math.round(median(times.get(`random ${t.x}`)!) * 10) / 10,
    }));
    console.table(rows);
    for (const label of ['ordered', 'random'] as const) {
      const ms = rows.map((r) => r[`${label}Ms`]);
      console.log(
        `${label}: slowest ${Math.max(...ms)} ms, median ${median(ms)} ms, spread ${(Math.max(...ms) / median(ms)).toFixed(2)}×, sum ${ms.reduce((s, x) => s + x, 0).toFixed(0)} ms`,
      );
    }
    console.log(`load average before the rounds: ${load}; after: ${loadavg()}`);
    for (const [, store] of stores) await store.close();
  } finally {
    await ordered.drop();
    await random.drop();
  }
}

await main();
