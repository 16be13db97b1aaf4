import type { FilterSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { FOCUS_STYLE } from './palette';

/** Features of the `focus` source say what they are in `role` (see focus-features.ts). */
const role = (value: 'radius' | 'site' | 'hover'): FilterSpecification => ['==', ['get', 'role'], value];

/**
 * The analysis overlay. The radius around the chosen substation: a faint fill under the data and a dashed edge
 * over the lines; a ring around the site picked from the list, above every site so that it is never hidden;
 * a wider ring around the site whose table row is under the pointer.
 */
export const focusLayers: LayerSpecification[] = [
  {
    id: 'focus-radius-fill',
    type: 'fill',
    source: 'focus',
    filter: role('radius'),
    paint: { 'fill-color': FOCUS_STYLE.radius, 'fill-opacity': 0.07 },
  },
  {
    id: 'focus-radius-line',
    type: 'line',
    source: 'focus',
    filter: role('radius'),
    layout: { 'line-join': 'round' },
    paint: { 'line-color': FOCUS_STYLE.radius, 'line-width': 2, 'line-dasharray': [4, 2] },
  },
  {
    id: 'focus-site',
    type: 'circle',
    source: 'focus',
    filter: role('site'),
    paint: {
      'circle-radius': 14,
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-stroke-color': FOCUS_STYLE.site,
      'circle-stroke-width': 2.5,
    },
  },
  {
    id: 'focus-hover',
    type: 'circle',
    source: 'focus',
    filter: role('hover'),
    paint: {
      'circle-radius': 18,
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-stroke-color': FOCUS_STYLE.hover,
      'circle-stroke-width': 3,
    },
  },
];
