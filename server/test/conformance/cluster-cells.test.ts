import { ALLOWED_TRANSITIONS, type Status } from '@gridwatch/contract';
import { generateSeed, mulberry32 } from '@gridwatch/geodata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileOf } from '../../src/domain/geo/tile-math';
import { CELL_MAX_ZOOM } from '../../src/store/sql/cluster-cells-sql';
import { decodeTile, type DecodedFeature } from '../decode-tile';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';
import { onStoreDatabase, refillDerived } from '../store-database';

/**
 * The cluster cells (migration 0020, docs/storage.md "Cluster cells") are derived data the sites' tiles at
 * z ≤ 8 read instead of the sites. After random writes through the API — status changes, sites moved and added
 * by imports, retirements (one refused as stale) and a restore — the table must equal the table filled anew from
 * the rows, and every tile of z0–8 over the sites drawn from the cells must hold the clusters the sites
 * themselves give. Each write path's upkeep call is needed: without any one of them the table drifts.
 */
const SEED = generateSeed({ sites: 1500, readings: false });

type Props = Record<string, unknown> & { externalId: string; status: Status; version: number };
type Feature = { id: number; geometry: { coordinates: [number, number] }; properties: Props };
type CellRow = Record<string, number | string>;

const cellsOf = async (t: TestApp): Promise<CellRow[]> =>
  (await onStoreDatabase<CellRow>(t, `SELECT * FROM site_cluster_cells ORDER BY zoom, cx, cy`)).map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])),
  );

/** The same random writes on either store: every choice comes from the seeded generator. */
async function randomWrites(t: TestApp): Promise<void> {
  const random = mulberry32(20);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const cookie = await t.login('admin');
  const send = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload: unknown, status = 200) => {
    const res = await t.app.inject({
      method,
      url,
      payload: JSON.stringify(payload),
      headers: {
        'content-type':
          method === 'POST' && url.startsWith('/api/import') ? 'application/geo+json' : 'application/json',
        cookie,
      },
    });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json() as Record<string, unknown>;
  };
  const sites = async () =>
    ((await t.app.inject({ url: '/api/layers/sites?limit=10000' })).json().features as Feature[]).sort(
      (a, b) => a.id - b.id,
    );
  // Near another site: the cells it leaves and enters hold other sites too.
  const near = (all: Feature[]): [number, number] => {
    const [lon, lat] = pick(all).geometry.coordinates;
    return [lon + (random() - 0.5) * 0.4, lat + (random() - 0.5) * 0.3];
  };
  const siteImport = (features: { props: Props | null; at: [number, number]; externalId: string }[]) =>
    send('POST', '/api/import/sites', {
      type: 'FeatureCollection',
      features: features.map(({ props, at, externalId }) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: at },
        properties: {
          externalId,
          name: props?.name ?? externalId,
          machines: props?.machines ?? 10,
          // Loads with more than 3 decimals: the kW rounding of each site shows in the sums.
          loadMw: random() < 0.5 && props ? props.loadMw : Math.round(random() * 5_000_000) / 100_000,
          // An edited site keeps its status or takes an allowed next one.
          status: props
            ? random() < 0.5
              ? props.status
              : pick(ALLOWED_TRANSITIONS[props.status])
            : pick(['SUSPECTED', 'UNLICENSED', 'LICENSED'] as const),
          firstObserved: props?.firstObserved ?? '2026-03-01',
        },
      })),
    });

  for (let round = 0; round < 3; round++) {
    // Status changes along allowed transitions.
    for (const site of (await sites()).filter(() => random() < 0.03)) {
      const to = pick(ALLOWED_TRANSITIONS[site.properties.status]);
      await send('PATCH', `/api/sites/${site.id}`, {
        status: to,
        note: 'random',
        version: site.properties.version,
      });
    }
    // Sites moved and edited (load, status), and sites added.
    const all = await sites();
    const moved = all.filter(() => random() < 0.02);
    await siteImport([
      ...moved.map((f) => ({ props: f.properties, at: near(all), externalId: f.properties.externalId })),
      ...Array.from({ length: 8 }, (_, i) => ({
        props: null,
        at: near(all),
        externalId: `CELL-${round}-${i}`,
      })),
    ]);
    // Retirements, one refused as stale (the site stays in its cells), and a restore (then one refused).
    const retired = (await sites()).filter(() => random() < 0.01);
    const stale = retired[0]!;
    await send(
      'DELETE',
      `/api/sites/${stale.id}`,
      { version: stale.properties.version + 1, reason: 'stale' },
      409,
    );
    const answers = [];
    for (const site of retired)
      answers.push(
        await send('DELETE', `/api/sites/${site.id}`, { version: site.properties.version, reason: 'random' }),
      );
    const { version } = answers[0] as { version: number };
    await send('POST', `/api/sites/${stale.id}/restore`, { version, reason: 'random' });
    // A restore of a live site is refused (404) and leaves it in its cells once.
    await send('POST', `/api/sites/${stale.id}/restore`, { version: version + 1, reason: 'again' }, 404);
  }
}

/** Every tile of z0–CELL_MAX_ZOOM over the seed's sites (and a ring around them). */
function tilesOverSites(): { z: number; x: number; y: number }[] {
  const lons = SEED.sites.map((s) => s.lon);
  const lats = SEED.sites.map((s) => s.lat);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const tiles = [];
  for (let z = 0; z <= CELL_MAX_ZOOM; z++) {
    const nw = tileOf(w, n, z);
    const se = tileOf(e, s, z);
    for (let x = Math.max(0, nw.x - 1); x <= Math.min(2 ** z - 1, se.x + 1); x++)
      for (let y = Math.max(0, nw.y - 1); y <= Math.min(2 ** z - 1, se.y + 1); y++) tiles.push({ z, x, y });
  }
  return tiles;
}

async function clustersOf(t: TestApp, tile: { z: number; x: number; y: number }, liveClusters: boolean) {
  const bytes = await t.store.tile({ layer: 'sites', tile, filter: {}, liveClusters });
  return bytes ? decodeTile(bytes, 'sites').features : [];
}

const apps = new Map<string, TestApp>();
const tileAnswers = new Map<string, unknown>();
beforeAll(async () => {
  for (const backend of BACKENDS) {
    const t = await makeTestApp(SEED, backend);
    apps.set(backend, t);
    await randomWrites(t);
  }
}, 240_000);
afterAll(async () => {
  for (const t of apps.values()) await t.close();
});

describe.each(BACKENDS)('the cluster cells on %s, after random writes', (backend) => {
  it("give every z0–8 tile the clusters of the sites' own", async () => {
    const t = apps.get(backend)!;
    const tiles = tilesOverSites();
    const mine: Record<string, DecodedFeature[]> = {};
    let clusters = 0;
    for (const tile of tiles) {
      const fromCells = await clustersOf(t, tile, false);
      expect(fromCells, `${tile.z}/${tile.x}/${tile.y}`).toEqual(await clustersOf(t, tile, true));
      clusters += fromCells.filter((f) => f.properties.cluster === true).length;
      mine[`${tile.z}/${tile.x}/${tile.y}`] = fromCells;
    }
    expect(clusters).toBeGreaterThan(500);
    tileAnswers.set(backend, mine);
    // Both stores made the same writes: the same tiles.
    if (tileAnswers.size === BACKENDS.length)
      expect(tileAnswers.get('postgis')).toEqual(tileAnswers.get('sqlite'));
  });

  // Last: it refills the table.
  it('equal the table filled anew from the rows', async () => {
    const t = apps.get(backend)!;
    const kept = await cellsOf(t);
    expect(kept.filter((c) => c.zoom === CELL_MAX_ZOOM).length).toBeGreaterThan(300);
    await refillDerived(t, 'site_cluster_cells');
    expect(kept).toEqual(await cellsOf(t));
  });
});
