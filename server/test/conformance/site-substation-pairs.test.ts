import { ALLOWED_TRANSITIONS, type Status } from '@gridwatch/contract';
import { generateSeed, mulberry32 } from '@gridwatch/geodata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAIR_TABLE_KM } from '../../src/store/sql/site-substation-pairs-sql';
import { substationCollection } from '../substation-features';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';
import { onStoreDatabase, refillDerived } from '../store-database';

/**
 * The pairs table (migration 0019, docs/performance.md "Fix 4") is derived data that hotspots and unexplained
 * load read for radii up to PAIR_TABLE_KM. After random writes through the API — status changes, sites moved and
 * added by imports, substations moved and added by imports, retirements and a restore — it must equal the table
 * filled anew from the rows, and the answers read from it must equal the ones the spatial join computes (a
 * radius a hair above PAIR_TABLE_KM takes the join: no pair lies in between), now and as of several days.
 */
const SEED = generateSeed({ sites: 1500, readings: false });
const JUST_ABOVE = PAIR_TABLE_KM + 1e-9;
const DAYS = ['2026-01-15', '2026-04-01', '2026-07-01', '2026-11-01'];

type Props = Record<string, unknown> & { externalId: string; status: Status; version: number };
type Feature = { id: number; geometry: { coordinates: [number, number] }; properties: Props };
type PairRow = { substation_id: number; site_id: number; distance_km: number };

const pairsOf = (t: TestApp) =>
  onStoreDatabase<PairRow>(
    t,
    'SELECT substation_id, site_id, distance_km FROM site_substation_pairs ORDER BY 1, 2',
  );

/** The same random writes on either store: every choice comes from the seeded generator. */
async function randomWrites(t: TestApp): Promise<void> {
  const random = mulberry32(16);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const cookie = await t.login('admin');
  const send = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload: unknown) => {
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
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    return res.json() as Record<string, unknown>;
  };
  const sites = async () =>
    ((await t.app.inject({ url: '/api/layers/sites?limit=10000' })).json().features as Feature[]).sort(
      (a, b) => a.id - b.id,
    );
  const substations = SEED.substations;
  // Somewhere within ~12 km of a substation: in the table's reach, or just beyond it.
  const near = (): [number, number] => {
    const s = pick(substations);
    return [s.lon + (random() - 0.5) * 0.3, s.lat + (random() - 0.5) * 0.2];
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
          loadMw: props?.loadMw ?? Math.round(random() * 5000) / 100,
          status: props?.status ?? pick(['SUSPECTED', 'UNLICENSED', 'LICENSED'] as const),
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
    // Sites moved (some out of every substation's reach, some into it) and sites added.
    const moved = (await sites()).filter(() => random() < 0.01);
    await siteImport([
      ...moved.map((f) => ({ props: f.properties, at: near(), externalId: f.properties.externalId })),
      ...Array.from({ length: 8 }, (_, i) => ({ props: null, at: near(), externalId: `PAIR-${round}-${i}` })),
    ]);
    // A substation moved, and one added.
    const s = substations[Math.floor(random() * substations.length)]!;
    await send(
      'POST',
      '/api/import/substations',
      substationCollection([
        { ...s, lon: s.lon + 0.05, externalId: s.externalId },
        { ...s, externalId: `PAIR-S-${round}`, name: `New ${round}` },
      ]),
    );
    // Retirements, and a restore.
    const retired = (await sites()).filter(() => random() < 0.01);
    const answers = [];
    for (const site of retired)
      answers.push(
        await send('DELETE', `/api/sites/${site.id}`, { version: site.properties.version, reason: 'random' }),
      );
    const back = retired[0];
    if (back) {
      const { version } = answers[0] as { version: number };
      await send('POST', `/api/sites/${back.id}/restore`, { version, reason: 'random' });
    }
  }
}

const apps = new Map<string, TestApp>();
const answers = new Map<string, unknown>();
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

describe.each(BACKENDS)('the substation–site pairs on %s, after random writes', (backend) => {
  it('give the answers of the spatial join, now and as of several days', async () => {
    const t = apps.get(backend)!;
    const get = async (url: string) => {
      const res = await t.app.inject({ url });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as unknown[];
    };
    const mine: Record<string, unknown> = {};
    for (const asOf of [null, ...DAYS]) {
      const q = asOf ? `&asOf=${asOf}` : '';
      for (const suspected of [false, true]) {
        const url = (r: number) =>
          `/api/analysis/hotspots?radiusKm=${r}&limit=1000&includeSuspected=${suspected}${q}`;
        const fromPairs = await get(url(PAIR_TABLE_KM));
        expect(fromPairs.length).toBeGreaterThan(0);
        expect(fromPairs).toEqual(await get(url(JUST_ABOVE)));
        mine[`hotspots ${asOf} ${suspected}`] = fromPairs;
      }
      if (asOf) {
        const url = (r: number) => `/api/analysis/unexplained-load?radiusKm=${r}&asOf=${asOf}`;
        const fromPairs = await get(url(PAIR_TABLE_KM));
        expect(fromPairs).toEqual(await get(url(JUST_ABOVE)));
        mine[`unexplained ${asOf}`] = fromPairs;
      }
    }
    answers.set(backend, mine);
    // Both stores made the same writes: the same answers.
    if (answers.size === BACKENDS.length) expect(answers.get('postgis')).toEqual(answers.get('sqlite'));
  }, 120_000); // 28 answers (hotspots, unexplained load), half of them through the spatial join

  // Last: it refills the table.
  it('equal the table filled anew from the rows', async () => {
    const t = apps.get(backend)!;
    const kept = await pairsOf(t);
    expect(kept.length).toBeGreaterThan(500);
    await refillDerived(t, 'site_substation_pairs');
    expect(kept).toEqual(await pairsOf(t));
  });
});
