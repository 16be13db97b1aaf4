import {
  ApiError,
  type ImportLayer,
  type ImportQuery,
  type ImportResult,
  type ImportRowProblem,
} from '../api';

/** Every layer the API imports into, in the order utility reports are best imported (references resolve). */
const ORDER: Record<ImportLayer, number> = { regions: 0, substations: 1, lines: 2, pylons: 3, sites: 4 };
export const IMPORT_LAYERS = (Object.keys(ORDER) as ImportLayer[]).sort((a, b) => ORDER[a] - ORDER[b]);

export type ImportFormat = 'geojson' | 'csv';

/** A file's format by its name, as the import dialog accepts them; null for anything else. */
export function formatOf(fileName: string): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.geojson') || name.endsWith('.json')) return 'geojson';
  return null;
}

export const CONTENT_TYPES: Record<ImportFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv',
};

/** The query of an import: the API reads `encoding` for CSV only and refuses it on JSON, which is always UTF-8. */
export function importQuery(
  format: ImportFormat,
  options: Omit<ImportQuery, 'dryRun'>,
  dryRun: boolean,
): ImportQuery {
  return { dryRun, crs: options.crs, encoding: format === 'csv' ? options.encoding : 'utf8' };
}

function isProblem(value: unknown): value is ImportRowProblem {
  if (typeof value !== 'object' || value === null) return false;
  return (
    'index' in value &&
    typeof value.index === 'number' &&
    'message' in value &&
    typeof value.message === 'string'
  );
}

/**
 * The bad rows a dry run found (it answers 200 with them in `errors`: a check that finds bad rows has not
 * failed), or null for a clean file.
 */
export function badRowsOfCheck(result: ImportResult): ImportRowProblem[] | null {
  return result.errors.length > 0 ? result.errors : null;
}

/** The bad rows of a refused import (422 IMPORT_INVALID), or null for any other failure. */
export function badRows(error: unknown): ImportRowProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_INVALID') return null;
  return error.details.filter(isProblem);
}
