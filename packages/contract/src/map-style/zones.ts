import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { LABEL_FONT } from './fonts';
import { BASEMAP_COLORS as C, ZONE_STYLE } from './palette';

const color: ExpressionSpecification = [
  'match',
  ['get', 'state'],
  'closed',
  ZONE_STYLE.closedColor,
  ZONE_STYLE.color,
];

/** Inspection zones: a faint fill that can be clicked, a solid edge (dashed while planned), and the name. */
export const zoneLayers: LayerSpecification[] = [
  {
    id: 'zones-fill',
    type: 'fill',
    source: 'zones',
    paint: { 'fill-color': color, 'fill-opacity': 0.1 },
  },
  {
    id: 'zones-line',
    type: 'line',
    source: 'zones',
    layout: { 'line-join': 'round' },
    paint: { 'line-color': color, 'line-width': 2 },
  },
  {
    id: 'zones-label',
    type: 'symbol',
    source: 'zones',
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [LABEL_FONT],
      'text-size': 12,
      'symbol-placement': 'point',
    },
    paint: { 'text-color': color, 'text-halo-color': C.halo, 'text-halo-width': 1.5 },
  },
];
