import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { badRows, badRowsOfCheck, formatOf, IMPORT_LAYERS, importQuery } from './import-request';

describe('the import request', () => {
  it('offers every import layer, those referred to before those referring', () => {
    expect(IMPORT_LAYERS).toEqual(['regions', 'substations', 'lines', 'pylons', 'sites']);
  });

  it('tells the format by the file name', () => {
    expect(formatOf('report.CSV')).toBe('csv');
    expect(formatOf('sites.geojson')).toBe('geojson');
    expect(formatOf('sites.json')).toBe('geojson');
    expect(formatOf('sites.xlsx')).toBeNull();
  });

  it('sends the encoding chosen for CSV only, since JSON is always UTF-8', () => {
    const options = { crs: 'gcj02', encoding: 'gb18030' } as const;
    expect(importQuery('csv', options, true)).toEqual({ dryRun: true, crs: 'gcj02', encoding: 'gb18030' });
    expect(importQuery('geojson', options, false)).toEqual({ dryRun: false, crs: 'gcj02', encoding: 'utf8' });
  });
});

describe('badRowsOfCheck', () => {
  it('reads the bad rows of a dry run, which answers 200 with them', () => {
    const rows = [{ index: 2, externalId: 'S-3', message: 'loadMw must be a number' }];
    expect(badRowsOfCheck({ created: 0, updated: 0, unchanged: 0, errors: rows })).toEqual(rows);
  });

  it('is null for a clean file', () => {
    expect(badRowsOfCheck({ created: 2, updated: 0, unchanged: 1, errors: [] })).toBeNull();
  });
});

describe('badRows', () => {
  it('reads every bad row of a 422 IMPORT_INVALID', () => {
    const rows = [
      { index: 0, externalId: 'S-1', message: 'loadMw must be a number' },
      { index: 3, message: 'line 5: status is not a status' },
    ];
    const error = new ApiError(422, { code: 'IMPORT_INVALID', message: '2 rows are invalid', details: rows });
    expect(badRows(error)).toEqual(rows);
  });

  it('is null for any other failure', () => {
    expect(badRows(new ApiError(400, { code: 'VALIDATION_FAILED', message: 'x', details: [] }))).toBeNull();
    expect(badRows(new Error('x'))).toBeNull();
  });
});
