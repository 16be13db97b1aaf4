import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { byVoltage, byZoom } from './expressions';

const width = (scale: number) => byVoltage((c) => c.lineWidth * scale);
const join = { 'line-join': 'round', 'line-cap': 'round' } as const;

/** Transmission lines: colour and width by voltage, higher voltage drawn on top, on a light casing. */
export const lineLayers: LayerSpecification[] = [
  {
    id: 'lines-casing',
    type: 'line',
    source: 'lines',
    layout: join,
    paint: {
      'line-color': '#ffffff',
      'line-opacity': 0.8,
      'line-width': byZoom([
        [4, width(0.8)],
        [12, width(3)],
      ]),
    },
  },
  {
    id: 'lines',
    type: 'line',
    source: 'lines',
    layout: { ...join, 'line-sort-key': ['to-number', ['get', 'voltageKv'], 0] },
    paint: {
      'line-color': byVoltage((c) => c.color),
      'line-width': byZoom([
        [4, width(0.5)],
        [12, width(2)],
      ]),
    },
  },
];
