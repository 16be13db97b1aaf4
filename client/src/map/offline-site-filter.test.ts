import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { THEMES } from '@gridwatch/contract';
import { NO_FILTERS } from '../filters/map-filters';
import { offlineSiteQuery, originalFilters, siteLayerFilter } from './offline-site-filter';

/** Whether a tile feature passes a filter, as MapLibre evaluates it (its own style-spec evaluator). */
function passes(filter: ReturnType<typeof siteLayerFilter>, feature: { id: number; properties: object }) {
  const compiled = featureFilter(filter ?? undefined, 'layers[0].filter');
  return compiled.filter({ zoom: 13 }, { type: 1, id: feature.id, properties: feature.properties } as never);
}

describe('offlineSiteQuery', () => {
  it('is none without a filter the saved sites can answer', () => {
    expect(offlineSiteQuery(NO_FILTERS)).toBeNull();
    expect(offlineSiteQuery({ ...NO_FILTERS, region: 3, asOf: '2026-11-01' })).toBeNull();
  });

  it('keeps status, utility and load, never a region or a past day', () => {
    expect(
      offlineSiteQuery({ ...NO_FILTERS, status: ['SHUT_DOWN'], utility: 2, minLoadMw: 1, region: 5 }),
    ).toEqual({ status: ['SHUT_DOWN'], utility: 2, minLoadMw: 1, maxLoadMw: undefined });
  });
});

describe('siteLayerFilter', () => {
  const original = originalFilters(THEMES.sites);
  const site = (id: number) => ({ id, properties: { status: 'ACTIVE', name: `S${id}` } });
  const cluster = { id: 99, properties: { cluster: true, count: 4 } };

  it('is the style layer own filter when nothing narrows', () => {
    expect(siteLayerFilter(original.get('sites'), null)).toBeNull();
    expect(siteLayerFilter(original.get('sites-label'), null)).toEqual(original.get('sites-label'));
  });

  it('draws only the sites named, no cluster, and keeps the layer own filter', () => {
    const filter = siteLayerFilter(original.get('sites'), [3, 5, 5]);
    expect(passes(filter, site(3))).toBe(true);
    expect(passes(filter, site(5))).toBe(true);
    expect(passes(filter, site(4))).toBe(false);
    expect(passes(filter, cluster)).toBe(false);
    const count = siteLayerFilter(original.get('sites-cluster-count'), [3]);
    expect(passes(count, site(3))).toBe(false);
  });

  it('draws no site when none is kept', () => {
    expect(passes(siteLayerFilter(original.get('sites'), []), site(3))).toBe(false);
  });
});
