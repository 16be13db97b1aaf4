import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../filters/map-filters';
import { exportUrl } from './export-url';

describe('exportUrl', () => {
  it('exports a zone by its id alone', () => {
    expect(exportUrl('geojson', { zoneId: 12 })).toBe('/api/export/sites.geojson?zone=12');
    expect(exportUrl('csv', { zoneId: 12 })).toBe('/api/export/sites.csv?zone=12');
    expect(exportUrl('fgb', { zoneId: 12 })).toBe('/api/export/sites.fgb?zone=12');
  });

  it('exports the view with the filters chosen', () => {
    const filters = { ...NO_FILTERS, status: ['UNLICENSED', 'NO_CONTRACT'] as const, maxLoadMw: 20 };
    expect(exportUrl('csv', { bbox: [86, 43.5, 88.25, 44], filters })).toBe(
      '/api/export/sites.csv?bbox=86.000000%2C43.500000%2C88.250000%2C44.000000&status=UNLICENSED%2CNO_CONTRACT&maxLoadMw=20',
    );
  });

  it('sends no filter when nothing is narrowed', () => {
    expect(exportUrl('geojson', { bbox: [86, 43, 87, 44], filters: NO_FILTERS })).toBe(
      '/api/export/sites.geojson?bbox=86.000000%2C43.000000%2C87.000000%2C44.000000',
    );
  });
});
