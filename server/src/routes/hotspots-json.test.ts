import type { SeedData } from '@gridwatch/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDGE_SITES, edge } from '../../test/fixtures/edge-sites';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';
import { unlicensedStatuses } from '../domain/summaries';
import { asOfInstant } from '../http/day-param';
import { hotspots } from '../services/spatial-queries';

/**
 * PostGIS writes the hotspots answer's JSON itself (store hotspotsJson, postgis/hotspots-json-sql.ts): its text
 * must be JSON.stringify's of the answer the service makes from the rows, byte for byte, and the route's on both
 * stores. Besides the small seed, a substation for each edge name (escapes, control characters, an emoji, U+2028,
 * Chinese) with sites 1 km east whose loads sum to the cases of roundTo3: halves (500 W, 1,500 W, 2,000,500 W),
 * just under one, nothing (a load under half a watt), the largest a site may hold, sums of two sites.
 */
const LOADS: number[][] = [
  [0.0005],
  [0.0015],
  [2.0005],
  [0.0025],
  [1e-7],
  [0.000499],
  [999.9995],
  [123.4567890123456],
  [0.1, 0.2],
  [0.0004, 0.0001],
  [2000, 2000, 1999.9995],
];
const NAMES = [...EDGE_SITES.map((s) => [s.name, s.nameZh]), ['Plain', '平']];
const base = SMALL_SEED.substations[0]!;
const EDGE_SUBSTATIONS: SeedData['substations'] = LOADS.map((_, i) => ({
  ...base,
  externalId: `HS-${i + 1}`,
  name: NAMES[i % NAMES.length]![0]!,
  nameZh: NAMES[i % NAMES.length]![1]!,
  lon: 86.2 + i * 0.3,
  lat: 43.3,
}));
const STATUSES = ['UNLICENSED', 'NO_CONTRACT', 'SHUTDOWN_ORDERED', 'SUSPECTED'] as const;
const EDGE_LOAD_SITES: SeedData['sites'] = LOADS.flatMap((loads, i) =>
  loads.map((loadMw, j) => ({
    ...edge(
      `HS-${i + 1}-${j + 1}`,
      `Site ${i}-${j}`,
      '站',
      loadMw,
      86.2 + i * 0.3 + 0.0123,
      43.3 + j * 0.001,
    ),
    status: STATUSES[(i + j) % STATUSES.length]!,
  })),
);
const SEED: SeedData = {
  ...SMALL_SEED,
  substations: [...SMALL_SEED.substations, ...EDGE_SUBSTATIONS],
  sites: [...SMALL_SEED.sites, ...EDGE_LOAD_SITES],
};

const QUESTIONS: [string, { limit: number; suspected: boolean; asOf?: string }][] = [
  ['now', { limit: 1000, suspected: false }],
  ['now, with suspected', { limit: 1000, suspected: true }],
  ['now, the first 3', { limit: 3, suspected: true }],
  ['as of a day', { limit: 1000, suspected: true, asOf: '2026-12-01' }],
  ['as of a day before any site', { limit: 1000, suspected: false, asOf: '2020-01-01' }],
];

describe.each(BACKENDS)('the hotspots answer as the database writes it on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SEED, backend);
  });
  afterAll(async () => t.close());

  it.each(QUESTIONS)('%s: the route answers JSON.stringify of the rows', async (_what, q) => {
    const url =
      `/api/analysis/hotspots?radiusKm=10&limit=${q.limit}&includeSuspected=${q.suspected}` +
      (q.asOf ? `&asOf=${q.asOf}` : '');
    const res = await t.app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const expected = await hotspots(t.store, 10, q.limit, q.suspected, asOfInstant(q.asOf));
    expect(res.body).toBe(JSON.stringify(expected));
  });

  it.each(QUESTIONS)('%s: PostGIS writes the text itself, SQLite leaves it to the rows', async (_what, q) => {
    const at = asOfInstant(q.asOf);
    const text = await t.store.hotspotsJson(10, unlicensedStatuses(q.suspected), q.limit, at);
    if (backend === 'sqlite') return expect(text).toBeNull();
    expect(text).toBe(JSON.stringify(await hotspots(t.store, 10, q.limit, q.suspected, at)));
  });

  it('holds every edge substation and its rounding in the answer now', async () => {
    const answer = await hotspots(t.store, 10, 1000, true);
    const names = answer.map((h) => h.name);
    for (const s of EDGE_SUBSTATIONS) expect(names).toContain(s.name);
    expect(answer.some((h) => h.totalLoadMw === 0.001)).toBe(true);
    expect(answer.some((h) => h.totalLoadMw === 1000)).toBe(true);
  });

  it('leaves a question the kept tables do not hold to the rows (another radius)', async () => {
    expect(await t.store.hotspotsJson(7, unlicensedStatuses(true), 1000)).toBeNull();
  });
});
