import { filterSearch, type Bbox } from '../api';
import { layerFilter, type MapFilters } from '../filters/map-filters';

/** GIS files too (docs/gis-clients.md): a GeoPackage and a FlatGeobuf carry their spatial index. */
export const EXPORT_FORMATS = ['geojson', 'csv', 'gpkg', 'fgb'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What to export: the sites in a box with the planner's filters, or the sites of one zone. */
export type ExportScope = { bbox: Bbox; filters: MapFilters } | { zoneId: number };

/** The export route for a scope: the same filters as the map's, so the file holds what the map shows. */
export function exportUrl(format: ExportFormat, scope: ExportScope): string {
  const path = `/api/export/sites.${format}`;
  // The API refuses `bbox` together with `zone`.
  if ('zoneId' in scope) return `${path}?${new URLSearchParams({ zone: String(scope.zoneId) })}`;
  return `${path}${filterSearch({ bbox: scope.bbox, ...layerFilter('sites', scope.filters) })}`;
}
