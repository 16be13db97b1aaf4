import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { isCluster } from '@gridwatch/contract';
import type { LayerFilter } from '../api';
import { layerFilter, type MapFilters } from '../filters/map-filters';

/**
 * Offline, the map draws the saved (unfiltered) site tiles and applies the planner's filters itself, as a MapLibre
 * layer `filter` on the sites' ids (docs/offline.md, "The map's sites filtered offline"). The saved tiles hold
 * the status and the load but not the utility, so the test is the one the table and the search use offline
 * (offline-search.ts `filterSites` over the saved sites), and the map keeps the sites it names: map, table and
 * search agree. A cluster counts sites the filter may leave out, so clusters are not drawn while filtered.
 */

/** The sites query the saved sites can answer offline: the filters but a region and a past day (server only). */
export function offlineSiteQuery(filters: MapFilters): LayerFilter | null {
  const { region: _region, asOf: _asOf, ...query } = layerFilter('sites', filters);
  const narrowed = Object.values(query).some((v) => v !== undefined);
  return narrowed ? query : null;
}

/**
 * A site style layer's filter: its own (`original`, from the style), and, when `ids` is given, only those sites.
 * `match` on the id is a lookup, not a scan of the list (a saved area holds up to 5,000 sites).
 */
export function siteLayerFilter(
  original: FilterSpecification | undefined,
  ids: readonly number[] | null,
): FilterSpecification | null {
  if (ids === null) return original ?? null;
  const unique = [...new Set(ids)];
  const chosen: ExpressionSpecification = unique.length
    ? ['match', ['id'], unique, true, false]
    : ['==', ['id'], -1];
  const only: ExpressionSpecification = ['all', ['!', isCluster], chosen];
  // The style's site filters are expressions (the contract's map-style), never the legacy syntax.
  return original ? ['all', original as ExpressionSpecification, only] : only;
}

/** The filter each style layer of the sites has in the style. */
export function originalFilters(
  layers: readonly LayerSpecification[],
): Map<string, FilterSpecification | undefined> {
  return new Map(layers.map((l) => [l.id, 'filter' in l ? l.filter : undefined]));
}
