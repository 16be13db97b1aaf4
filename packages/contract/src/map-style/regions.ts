import type { FilterSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP_COLORS as C } from './palette';

// The province itself is the basemap's outline; drawing it here too would cover the whole region.
const belowProvince: FilterSpecification = ['!=', ['get', 'level'], 'province'];

/** No region: the filter of the chosen-region outline while the region filter is off. */
export const NO_REGION: FilterSpecification = ['==', ['id'], -1];

/** The outline of the region the filters narrow the points to (use-chosen-region.ts sets its filter). */
export function chosenRegionFilter(regionId: number | null): FilterSpecification {
  return regionId === null ? NO_REGION : ['==', ['id'], regionId];
}

/** Prefectures: a faint fill that can be clicked, a thin dashed boundary, and the chosen one outlined. */
export const regionLayers: LayerSpecification[] = [
  {
    id: 'regions-fill',
    type: 'fill',
    source: 'regions',
    filter: belowProvince,
    paint: { 'fill-color': '#c9c3b3', 'fill-opacity': 0.12 },
  },
  {
    id: 'regions-line',
    type: 'line',
    source: 'regions',
    filter: belowProvince,
    paint: { 'line-color': C.prefectureOutline, 'line-width': 0.8, 'line-dasharray': [3, 2] },
  },
  {
    id: 'regions-chosen',
    type: 'line',
    source: 'regions',
    filter: NO_REGION,
    paint: { 'line-color': C.chosenRegion, 'line-width': 2.5 },
  },
];
