import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP_COLORS as C } from './palette';
import { LABEL_FONT } from './fonts';
import { byVoltage, byZoom, localName } from './expressions';

/** The SDF square the substations are drawn with (map-view adds it), and its size in CSS pixels. */
export const SUBSTATION_ICON = 'substation-square';
export const SUBSTATION_ICON_SIDE = 16;

const iconSize = (scale: number) => byVoltage((c) => (c.substationSize * scale) / SUBSTATION_ICON_SIDE);
const voltage = ['to-number', ['get', 'voltageKv'], 0] as const;

/** Substations: squares coloured and sized by voltage, named from zoom 8. */
export const substationLayers: LayerSpecification[] = [
  {
    id: 'substations',
    type: 'symbol',
    source: 'substations',
    layout: {
      'icon-image': SUBSTATION_ICON,
      'icon-size': byZoom([
        [4, iconSize(0.5)],
        [10, iconSize(1.3)],
      ]),
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      // Higher voltage on top: a lower key is drawn first.
      'symbol-sort-key': [...voltage],
    },
    paint: {
      'icon-color': byVoltage((c) => c.color),
      'icon-halo-color': '#ffffff',
      'icon-halo-width': 1.2,
    },
  },
  {
    id: 'substations-label',
    type: 'symbol',
    source: 'substations',
    minzoom: 8,
    layout: {
      'text-field': localName,
      'text-font': [LABEL_FONT],
      'text-size': 11,
      'text-anchor': 'top',
      'text-offset': [0, 0.9],
      'text-optional': true,
      'symbol-sort-key': ['-', 0, [...voltage]],
    },
    paint: { 'text-color': C.label, 'text-halo-color': C.halo, 'text-halo-width': 1.3 },
  },
];
