import type { SeedData } from '@gridwatch/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';
import { EXPORT_CHUNK_CHARS, geojsonExport, type ExportRequest } from './export-layer';

/**
 * The GeoJSON export streams chunks of about 64 KB (not a chunk per feature), and its bytes are those of the
 * features JSON.stringify writes, whether the database wrote a point layer's text or not.
 */
// The small seed's sites, copied 100 times over (about 250 KB of GeoJSON).
const SEED: SeedData = {
  ...SMALL_SEED,
  sites: Array.from({ length: 100 }, (_, i) =>
    SMALL_SEED.sites.map((s) => ({ ...s, externalId: `${s.externalId}-${i}`, lon: s.lon + i * 1e-3 })),
  ).flat(),
  statusChanges: [],
};

describe.each(BACKENDS)('GeoJSON export chunks on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SEED, backend);
  });
  afterAll(async () => t.close());

  const request = (layer: ExportRequest['layer']): ExportRequest => ({
    layer,
    filter: {},
    zone: null,
    filters: {},
  });

  it.each(['sites', 'substations', 'lines'] as const)('writes %s in chunks of about 64 KB', async (layer) => {
    const chunks: string[] = [];
    for await (const chunk of geojsonExport(t.store, request(layer))) chunks.push(chunk);
    const text = chunks.join('');
    const { features, meta } = JSON.parse(text) as { features: unknown[]; meta: { count: number } };
    const expected = (await t.store.queryLayer(layer, { limit: 100_000 })).features;
    expect(meta.count).toBe(expected.length);
    expect(text.split('\n],"meta":')[0]).toBe(
      `{"type":"FeatureCollection","features":[\n${expected.map((f) => JSON.stringify(f)).join(',\n')}`,
    );
    expect(features.length).toBe(expected.length);
    // Every chunk but the last holds at least 64 KB and at most one feature more.
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(EXPORT_CHUNK_CHARS);
      expect(chunk.length).toBeLessThan(EXPORT_CHUNK_CHARS + 20_000);
    }
    if (layer === 'sites') expect(chunks.length).toBeGreaterThan(2);
  });

  it('sums the load of the sites written', async () => {
    let text = '';
    for await (const chunk of geojsonExport(t.store, request('sites'))) text += chunk;
    const { meta } = JSON.parse(text) as { meta: { totalLoadMw: number } };
    const sites = (await t.store.queryLayer('sites', { limit: 100_000 })).features;
    const total = sites.reduce((sum, s) => sum + s.properties.loadMw, 0);
    expect(meta.totalLoadMw).toBeCloseTo(total, 3);
  });
});
