import type { SeedData } from '@gridwatch/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDGE_SITES } from '../../test/fixtures/edge-sites';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';
import { toLayerFilter } from '../http/layer-filter';
import type { LayerQuery } from '@gridwatch/contract';

/**
 * The point layers' features are written as JSON by the database (store/sql/feature-json-sql.ts): the answer
 * must be the bytes JSON.stringify writes of the features queryLayer reads, on both stores. Besides the small
 * seed, sites with what the databases write unlike JavaScript (test/fixtures/edge-sites.ts).
 */
const SEED: SeedData = { ...SMALL_SEED, sites: [...SMALL_SEED.sites, ...EDGE_SITES] };

const QUERIES: [string, LayerQuery][] = [
  ['all', {}],
  ['a bbox', { bbox: '86.9,43.9,87.6,44.1' }],
  ['a bbox over the edge cases', { bbox: '-180,-90,180,90' }],
  ['a status', { status: 'SUSPECTED,UNLICENSED' }],
  ['a truncated page', { limit: 3 }],
  ['a page of one', { limit: 1 }],
  ['a truncated bbox', { bbox: '86.9,43.9,87.6,44.1', limit: 2 }],
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

  it('answers an empty page, and a page exactly as long as the limit, untruncated', async () => {
    const empty = await t.app.inject({ method: 'GET', url: '/api/layers/sites?bbox=10,10,10.1,10.1' });
    expect(empty.body).toBe('{"type":"FeatureCollection","features":[]}');
    const all = (await t.store.queryLayer('sites', { limit: 100_000 })).features;
    const exact = await t.app.inject({ method: 'GET', url: `/api/layers/sites?limit=${all.length}` });
    expect(exact.body).toBe(JSON.stringify({ type: 'FeatureCollection', features: all }));
  });

  it('gives the export its load beside each text', async () => {
    const page = await t.store.queryLayerJson('sites', { limit: 100 });
    const features = await t.store.queryLayer('sites', { limit: 100 });
    expect(page.features.map((f) => f.loadMw)).toEqual(features.features.map((f) => f.properties.loadMw));
  });
});
