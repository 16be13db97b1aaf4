import { filterSearch, type Bbox, type Status } from '../api';

export const EXPORT_FORMATS = ['geojson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What to export: the sites in view with the statuses chosen, or the sites of one zone. */
export type ExportScope = { bbox: Bbox; status: readonly Status[] } | { zoneId: number };

/**
 * The export route for a scope. The API refuses `bbox` together with `zone`, and reads no status list as every
 * status, so choosing all of them sends none.
 */
export function exportUrl(format: ExportFormat, scope: ExportScope, allStatuses: readonly Status[]): string {
  const path = `/api/export/sites.${format}`;
  if ('zoneId' in scope) return `${path}?${new URLSearchParams({ zone: String(scope.zoneId) })}`;
  const everyStatus = allStatuses.every((s) => scope.status.includes(s));
  return `${path}${filterSearch({ bbox: scope.bbox, status: everyStatus ? [] : scope.status })}`;
}
