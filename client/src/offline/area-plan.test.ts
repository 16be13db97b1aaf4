import { describe, expect, it } from 'vitest';
import { countTiles, ESTIMATED_BYTES, planArea, tilesOver, type AreaInput } from './area-plan';
import type { Bbox } from '../api';

// About 20 km × 20 km near Hami, one of the demo's busy places.
const BOX: Bbox = [93.4, 42.7, 93.65, 42.88];

const input = (over: Partial<AreaInput> = {}): AreaInput => ({
  bbox: BOX,
  known: [{ url: '/api/layers/lines?limit=50000', bytes: 100_000 }],
  siteTiles: 'http://x/api/tiles/sites/{z}/{x}/{y}.mvt',
  pylonTiles: 'http://x/api/tiles/pylons/{z}/{x}/{y}.mvt',
  pylonMinZoom: 11,
  basemap: { tiles: 'http://x/api/basemap/{z}/{x}/{y}.mvt', minzoom: 0, maxzoom: 15 },
  siteIds: [1, 2, 3],
  budgetBytes: 200_000_000,
  ...over,
});

describe('tiles over a box', () => {
  it('covers the box with the tiles of each zoom (x east, y south)', () => {
    expect(tilesOver(BOX, 0)).toEqual([{ z: 0, x: 0, y: 0 }]);
    // z8: 1.40625° a tile; 93.4–93.65 is x 194, 42.7–42.88 is y 94 (checked against MapLibre's tile grid).
    expect(tilesOver(BOX, 8)).toEqual([{ z: 8, x: 194, y: 94 }]);
    const z15 = tilesOver(BOX, 15);
    expect(z15.length).toBe(countTiles(BOX, 15, 15));
    expect(new Set(z15.map((t) => t.x)).size).toBeGreaterThan(20);
  });

  it('counts the tiles of a range of zooms without listing them', () => {
    const listed = [0, 1, 2, 3].reduce((n, z) => n + tilesOver(BOX, z).length, 0);
    expect(countTiles(BOX, 0, 3)).toBe(listed);
  });
});

describe('planning an area', () => {
  it("lists the known answers, each site's detail and history, the data tiles and the basemap to z15", () => {
    const plan = planArea(input());
    const urls = plan.urls.map((u) => u.url);
    expect(urls).toContain('/api/layers/lines?limit=50000');
    expect(urls).toContain('/api/sites/2/history');
    expect(urls).toContain('http://x/api/tiles/sites/8/194/94.mvt');
    expect(urls).not.toContain('http://x/api/tiles/pylons/8/194/94.mvt');
    expect(plan.basemapMaxZoom).toBe(15);
    expect(urls.some((u) => u.startsWith('http://x/api/basemap/15/'))).toBe(true);
    expect(plan.fits).toBe(true);
    const basemapTiles = plan.urls.filter((u) => u.kind === 'basemapTile').length;
    expect(basemapTiles).toBe(countTiles(BOX, 0, 15));
    expect(plan.estimatedBytes).toBe(
      100_000 +
        3 * (ESTIMATED_BYTES.siteDetail + ESTIMATED_BYTES.siteHistory) +
        plan.urls.filter((u) => u.kind === 'siteTile').length * ESTIMATED_BYTES.siteTile +
        plan.urls.filter((u) => u.kind === 'pylonTile').length * ESTIMATED_BYTES.pylonTile +
        basemapTiles * ESTIMATED_BYTES.basemapTile,
    );
  });

  it('stops the basemap at a shallower zoom when z15 would not fit the budget', () => {
    const plan = planArea(input({ budgetBytes: 5_000_000 }));
    expect(plan.basemapMaxZoom).toBeLessThan(15);
    expect(plan.fits).toBe(true);
    expect(plan.estimatedBytes).toBeLessThanOrEqual(5_000_000);
    expect(plan.urls.some((u) => u.url.includes(`/basemap/${plan.basemapMaxZoom! + 1}/`))).toBe(false);
  });

  it('never asks the archive for deeper tiles than it has, and says when even the data does not fit', () => {
    expect(
      planArea(input({ basemap: { tiles: 'b/{z}/{x}/{y}', minzoom: 0, maxzoom: 7 } })).basemapMaxZoom,
    ).toBe(7);
    const tooBig = planArea(input({ budgetBytes: 10_000 }));
    expect(tooBig.fits).toBe(false);
  });

  it('has no basemap tiles without a PMTiles basemap', () => {
    const plan = planArea(input({ basemap: null }));
    expect(plan.basemapMaxZoom).toBeNull();
    expect(plan.urls.some((u) => u.kind === 'basemapTile')).toBe(false);
  });
});
