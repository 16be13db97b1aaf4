import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { BASEMAP_COLORS as C } from '../palette';

// The province itself is the basemap's outline; drawing it here too would cover the whole region.
const belowProvince: FilterSpecification = ['!=', ['get', 'level'], 'province'];

/** Prefectures: a faint fill that can be clicked, and a thin dashed boundary. */
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
];
