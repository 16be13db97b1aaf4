import { describe, expect, it } from 'vitest';
import type { ApiFeature } from '../api';
import { filterOfSearch, filterSites, searchSites } from './offline-search';
import { filterSearch } from '../api/paths';
import { bboxOf, intersects } from './bbox';

const site = (
  id: number,
  name: string,
  nameZh: string,
  at: [number, number],
  over = {},
): ApiFeature<'sites'> =>
  ({
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: at },
    properties: {
      externalId: `MS-${String(id).padStart(6, '0')}`,
      name,
      nameZh,
      status: 'unlicensed',
      loadMw: 2,
      utilityId: 1,
      ...over,
    },
  }) as unknown as ApiFeature<'sites'>;

const SITES = [
  site(1, 'Zhundong Cloud Park 2', '准东云园二号', [88.1, 44.2]),
  site(2, 'Cloud Park North', '北云园', [88.3, 44.4], { status: 'licensed', loadMw: 8, utilityId: 2 }),
  site(3, 'Hami Data Hall', '哈密数据厅', [93.5, 42.8]),
];

describe('offline search over the saved sites', () => {
  it('finds by English name, Chinese name or external id, names starting with the text first', () => {
    expect(searchSites(SITES, 'cloud park', 10).map((h) => h.id)).toEqual([2, 1]);
    expect(searchSites(SITES, '哈密', 10).map((h) => h.id)).toEqual([3]);
    expect(searchSites(SITES, 'ms-000001', 10).map((h) => h.id)).toEqual([1]);
    expect(searchSites(SITES, '  ', 10)).toEqual([]);
    const [hit] = searchSites(SITES, 'hami', 1);
    expect(hit).toMatchObject({ layer: 'sites', id: 3, bbox: [93.5, 42.8, 93.5, 42.8] });
  });
});

describe('offline filters over the saved sites', () => {
  it("answers a layer URL's box, status, utility and load as the API would", () => {
    const query = (search: string) => filterOfSearch(new URLSearchParams(search));
    expect(filterSites(SITES, query('bbox=88,44,89,45')).map((s) => s.id)).toEqual([1, 2]);
    expect(filterSites(SITES, query('status=licensed')).map((s) => s.id)).toEqual([2]);
    expect(filterSites(SITES, query('utility=1&maxLoadMw=5')).map((s) => s.id)).toEqual([1, 3]);
    expect(filterSites(SITES, query('minLoadMw=5')).map((s) => s.id)).toEqual([2]);
  });

  it('reads back what the client writes (api/paths.ts)', () => {
    const filter = {
      bbox: [1, 2, 3, 4] as [number, number, number, number],
      status: ['licensed'],
      limit: 50,
    };
    expect(filterOfSearch(new URLSearchParams(filterSearch(filter)))).toMatchObject(filter);
  });
});

describe('boxes', () => {
  it('boxes a polygon and tells boxes that touch from boxes apart', () => {
    const box = bboxOf({
      type: 'Polygon',
      coordinates: [
        [
          [1, 1],
          [3, 1],
          [3, 2],
          [1, 1],
        ],
      ],
    });
    expect(box).toEqual([1, 1, 3, 2]);
    expect(intersects(box, [3, 2, 4, 4])).toBe(true);
    expect(intersects(box, [3.1, 0, 4, 4])).toBe(false);
  });
});
