import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { BASEMAP_COLORS as C, SITE_RADIUS_BY_LOAD, statusStroke, STATUS_COLORS } from '../palette';
import { LABEL_FONT } from '../fonts';
import { byStatus, byZoom, localName } from './expressions';

const load: ExpressionSpecification = ['to-number', ['get', 'loadMw'], 0];

const radius = (scale: number): ExpressionSpecification =>
  [
    'interpolate',
    ['linear'],
    load,
    ...SITE_RADIUS_BY_LOAD.flatMap(([mw, px]) => [mw, px * scale]),
  ] as ExpressionSpecification;

/** Mining sites: colour by compliance status, an outline on the illegal ones, radius by load. */
export const siteLayers: LayerSpecification[] = [
  {
    id: 'sites',
    type: 'circle',
    source: 'sites',
    layout: {
      // Small sites are drawn over big ones so that none is hidden.
      'circle-sort-key': ['-', 0, load],
    },
    paint: {
      'circle-color': byStatus((s) => STATUS_COLORS[s], '#000000'),
      'circle-stroke-color': byStatus((s) => statusStroke(s).color, '#ffffff'),
      'circle-stroke-width': byStatus((s) => statusStroke(s).width, 1),
      'circle-radius': byZoom([
        [4, radius(0.65)],
        [9, radius(1)],
        [13, radius(1.5)],
      ]),
      'circle-opacity': 0.92,
    },
  },
  {
    id: 'sites-label',
    type: 'symbol',
    source: 'sites',
    minzoom: 10,
    layout: {
      'text-field': localName,
      'text-font': [LABEL_FONT],
      'text-size': 11,
      'text-anchor': 'left',
      'text-offset': [0.9, 0],
      'text-optional': true,
    },
    paint: { 'text-color': C.label, 'text-halo-color': C.halo, 'text-halo-width': 1.3 },
  },
];
