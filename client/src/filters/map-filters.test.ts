import { describe, expect, it } from 'vitest';
import { filterSearch } from '../api';
import { layerFilter, NO_FILTERS, type MapFilters } from './map-filters';

const search = (layer: Parameters<typeof layerFilter>[0], filters: MapFilters) =>
  filterSearch(layerFilter(layer, filters));

describe('layerFilter', () => {
  it('sends nothing when nothing is narrowed', () => {
    for (const layer of ['sites', 'substations', 'lines', 'pylons', 'regions', 'zones'] as const)
      expect(search(layer, NO_FILTERS)).toBe('');
  });

  it('gives each layer only the filters the API takes for it', () => {
    const filters: MapFilters = {
      status: ['UNLICENSED'],
      voltageKv: [220],
      utility: 4,
      region: 7,
      minLoadMw: 2,
      maxLoadMw: 30,
      asOf: '2026-05-01',
    };
    expect(search('sites', filters)).toBe(
      '?status=UNLICENSED&minLoadMw=2&maxLoadMw=30&utility=4&region=7&asOf=2026-05-01',
    );
    expect(search('substations', filters)).toBe('?voltageKv=220&utility=4&region=7');
    expect(search('lines', filters)).toBe('?voltageKv=220');
    expect(search('pylons', filters)).toBe('?region=7');
    expect(search('regions', filters)).toBe('');
  });

  it('leaves out a load range whose minimum is above its maximum', () => {
    expect(search('sites', { ...NO_FILTERS, minLoadMw: 50, maxLoadMw: 10 })).toBe('');
    expect(search('sites', { ...NO_FILTERS, minLoadMw: 0 })).toBe('?minLoadMw=0');
  });
});
