import { describe, expect, it } from 'vitest';
import type { ApiFeature } from '../api';
import { sortSites } from './sort-sites';

const site = (id: number, name: string, loadMw: number, status = 'UNLICENSED'): ApiFeature<'sites'> =>
  ({
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [87, 43] },
    properties: { name, nameZh: '', loadMw, status, operator: 'op', externalId: `S${id}` },
  }) as ApiFeature<'sites'>;

const SITES = [site(1, 'beta', 10), site(2, 'Alpha', 30), site(3, 'gamma', 10), site(4, 'alpha', 5)];
const collator = new Intl.Collator('en');
const ids = (column: 'name' | 'loadMw', descending: boolean) =>
  sortSites(SITES, { column, descending }, (s) => s.properties.name, collator).map((s) => s.id);

describe('sortSites', () => {
  it('sorts numbers as numbers, ties by id', () => {
    expect(ids('loadMw', false)).toEqual([4, 1, 3, 2]);
    expect(ids('loadMw', true)).toEqual([2, 1, 3, 4]);
  });

  it("sorts names in the language's collation", () => {
    expect(ids('name', false)).toEqual([4, 2, 1, 3]);
  });
});
