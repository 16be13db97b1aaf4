import type { SeedData } from '@gridwatch/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';
import { roundTo3 } from '../domain/geo/haversine';
import { termWatts, wattsToMw } from '../domain/sum-term';
import { EXPORT_CHUNK_CHARS, geojsonExport, type ExportRequest } from './export-layer';

/**
 * The GeoJSON export streams chunks of about 64 KB (not a chunk per feature), and its bytes are those of the
 * features JSON.stringify writes, whether the database wrote a point layer's text or not.
 */
// The small seed's sites, copied 100 times over (about 250 KB of GeoJSON).
const SEED: SeedData = {
  ...SMALL_SEED,
  sites: Array.from({ length: 100 }, (_, i) =>
    SMALL_SEED.sites.map((s, j) => ({
      ...s,
      externalId: `${s.externalId}-${i}`,
      lon: s.lon + i * 1e-3,
      // Now and then a load the database writes unlike JavaScript (2e-05): that row's text is made in JavaScript.
      ...((i * SMALL_SEED.sites.length + j) % 37 === 0 ? { loadMw: 0.00002 } : {}),
    })),
  ).flat(),
  statusChanges: [],
};

/** The export's chunks as one text: the paged export yields strings, PostGIS's copy bytes (cut anywhere). */
const textOf = (chunks: (string | Uint8Array)[]) =>
  Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8');

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
    const chunks: (string | Uint8Array)[] = [];
    for await (const chunk of geojsonExport(t.store, request(layer))) chunks.push(chunk);
    const text = textOf(chunks);
    // PostGIS copies a point layer as bytes (store copyLayerJson), in chunks of up to about twice the size.
    const bytes = chunks.some((c) => typeof c !== 'string');
    const sizes = chunks.map((c) => c.length);
    expect(bytes).toBe(backend === 'postgis' && layer !== 'lines');
    const { features, meta } = JSON.parse(text) as { features: unknown[]; meta: { count: number } };
    const expected = (await t.store.queryLayer(layer, { limit: 100_000 })).features;
    expect(meta.count).toBe(expected.length);
    expect(text.split('\n],"meta":')[0]).toBe(
      `{"type":"FeatureCollection","features":[\n${expected.map((f) => JSON.stringify(f)).join(',\n')}`,
    );
    expect(features.length).toBe(expected.length);
    // Every chunk but the last holds at least 64 KB and at most one feature more.
    for (const size of sizes.slice(0, -1)) {
      expect(size).toBeGreaterThanOrEqual(EXPORT_CHUNK_CHARS);
      expect(size).toBeLessThan((bytes ? 2 : 1) * EXPORT_CHUNK_CHARS + 20_000);
    }
    if (layer === 'sites') expect(chunks.length).toBeGreaterThan(2);
  });

  it('sums the load of the sites written', async () => {
    const chunks: (string | Uint8Array)[] = [];
    for await (const chunk of geojsonExport(t.store, request('sites'))) chunks.push(chunk);
    const text = textOf(chunks);
    const { meta } = JSON.parse(text) as { meta: { totalLoadMw: number } };
    const sites = (await t.store.queryLayer('sites', { limit: 100_000 })).features;
    // Exactly the sum in id order that the paged export makes, also where the database sums (PostGIS's copy).
    const total = wattsToMw(sites.reduce((sum, s) => sum + termWatts(s.properties.loadMw), 0));
    expect(meta.totalLoadMw).toBe(roundTo3(total));
  });
});

describe('PostGIS copy of a layer, left half-way', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SEED, 'postgis');
  });
  afterAll(async () => t.close());

  it('gives its connection up when the reader goes, so the pool never runs dry', async () => {
    // More abandoned copies than the pool holds connections: one kept would leave the later reads waiting.
    for (let i = 0; i < 12; i++) {
      const copy = t.store.copyLayerJson('sites', {}, 1024)!;
      for await (const chunk of copy.chunks) {
        expect(chunk.byteLength).toBeGreaterThan(0);
        break;
      }
      expect(() => copy.totals()).toThrow(/read to the end/);
    }
    const page = await t.store.queryLayer('sites', { limit: 5 });
    expect(page.features).toHaveLength(5);
    const copy = t.store.copyLayerJson('sites', { statuses: ['SUSPECTED'] }, 1024)!;
    let rows = 0;
    for await (const chunk of copy.chunks) rows += Buffer.from(chunk).toString('utf8').split('\n').length - 1;
    expect(copy.totals().count).toBe(rows);
  });
});
