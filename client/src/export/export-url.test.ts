import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../../server/src/domain/status';
import { exportUrl } from './export-url';

describe('exportUrl', () => {
  it('exports a zone by its id alone', () => {
    expect(exportUrl('geojson', { zoneId: 12 }, STATUSES)).toBe('/api/export/sites.geojson?zone=12');
    expect(exportUrl('csv', { zoneId: 12 }, STATUSES)).toBe('/api/export/sites.csv?zone=12');
  });

  it('exports the view with the statuses chosen', () => {
    const url = exportUrl(
      'csv',
      { bbox: [86, 43.5, 88.25, 44], status: ['UNLICENSED', 'NO_CONTRACT'] },
      STATUSES,
    );
    expect(url).toBe(
      '/api/export/sites.csv?bbox=86.000000%2C43.500000%2C88.250000%2C44.000000&status=UNLICENSED%2CNO_CONTRACT',
    );
  });

  it('sends no status filter when every status is chosen', () => {
    expect(exportUrl('geojson', { bbox: [86, 43, 87, 44], status: STATUSES }, STATUSES)).toBe(
      '/api/export/sites.geojson?bbox=86.000000%2C43.000000%2C87.000000%2C44.000000',
    );
  });
});
