import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { PYLON_STYLE } from './palette';
import { PYLON_MIN_ZOOM } from './map-layers';
import { byZoom } from './expressions';

/**
 * Pylons: small hollow dots, only from the zoom where they are fetched. A tile with more pylons than the server's
 * cap comes as clusters; those are drawn as dots too (at their cells' mean position), since they stand on lines.
 */
export const pylonLayers: LayerSpecification[] = [
  {
    id: 'pylons',
    type: 'circle',
    source: 'pylons',
    'source-layer': 'pylons',
    minzoom: PYLON_MIN_ZOOM,
    paint: {
      'circle-color': PYLON_STYLE.fill,
      'circle-radius': byZoom([
        [PYLON_MIN_ZOOM, 1.8],
        [15, 3.5],
      ]),
      'circle-stroke-color': PYLON_STYLE.stroke,
      'circle-stroke-width': 1,
    },
  },
];
