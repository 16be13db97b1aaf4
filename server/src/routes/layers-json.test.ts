import type { SeedData } from '@gridwatch/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';
import { toLayerFilter } from '../http/layer-filter';
import type { LayerQuery } from '@gridwatch/contract';

/**
 * The point layers' features are written as JSON by the database (store/sql/feature-json-sql.ts): the answer
 * must be the bytes JSON.stringify writes of the features queryLayer reads, on both stores. Besides the small
 * seed, sites with what the databases write unlike JavaScript: escapes, unicode, negative and zero coordinates,
 * integral, long and tiny reals (the tiny ones take the fallback), a null reference.
 */
const EDGE_SITES: SeedData['sites'] = [
  edge('E-1', 'Quote " backslash \\ slash /', '控制\u0001\u001f\t\n字符', 0, -73.123456, -33.5),
  edge('E-2', 'Emoji 😀 and \u2028 separator', '中文名 ✓', 0.1 + 0.2, 0, 0),
  edge('E-3', 'Tiny load', 'é', 0.00001, -0.000051, 1e-7),
  edge('E-4', 'Long load', '长', 123.4567890123456, 179.999999, -89.999999),
  edge('E-5', 'Integral', '整', 2000, -180, 90),
  edge('E-6', 'Below a ten-thousandth', '小', 0.000099, 12.0001, -0.0001),
];

const SEED: SeedData = { ...SMALL_SEED, sites: [...SMALL_SEED.sites, ...EDGE_SITES] };

function edge(
  externalId: string,
  name: string,
  nameZh: string,
  loadMw: number,
  lon: number,
  lat: number,
): SeedData['sites'][number] {
  return {
    externalId,
    name,
    nameZh,
    operator: '',
    machines: 7,
    loadMw,
    status: 'SUSPECTED',
    feederSubstationExternalId: null,
    firstObserved: '2026-01-05',
    lon,
    lat,
    footprint: null,
    synthetic: false,
  };
}

const QUERIES: [string, LayerQuery][] = [
  ['all', {}],
  ['a bbox', { bbox: '86.9,43.9,87.6,44.1' }],
  ['a bbox over the edge cases', { bbox: '-180,-90,180,90' }],
  ['a status', { status: 'SUSPECTED,UNLICENSED' }],
  ['a truncated page', { limit: 3 }],
];

describe.each(BACKENDS)('point layers written by the database on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SEED, backend);
  });
  afterAll(async () => t.close());

  for (const layer of ['sites', 'substations', 'pylons'] as const) {
    it.each(QUERIES)(`answers ${layer} for %s with JSON.stringify's bytes`, async (_what, query) => {
      if (query.status && layer !== 'sites') return;
      const search = new URLSearchParams(query as Record<string, string>).toString();
      const res = await t.app.inject({ method: 'GET', url: `/api/layers/${layer}?${search}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const page = await t.store.queryLayer(layer, toLayerFilter(layer, query));
      const expected = JSON.stringify({
        type: 'FeatureCollection',
        features: page.features,
        ...(page.truncated ? { truncated: true } : {}),
      });
      expect(page.features.length).toBeGreaterThan(0);
      expect(res.body).toBe(expected);
    });
  }

  it('gives the export its load beside each text', async () => {
    const page = await t.store.queryLayerJson('sites', { limit: 100 });
    const features = await t.store.queryLayer('sites', { limit: 100 });
    expect(page.features.map((f) => f.loadMw)).toEqual(features.features.map((f) => f.properties.loadMw));
  });
});
