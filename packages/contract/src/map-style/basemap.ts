import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP_COLORS as C } from './palette';
import { LABEL_FONT } from './fonts';
import { byZoom, localName } from './expressions';

const population: ['to-number', ['get', 'population'], number] = ['to-number', ['get', 'population'], 0];

/** Land, water and borders: drawn below every data layer. */
export const basemapLayers: LayerSpecification[] = [
  { id: 'background', type: 'background', paint: { 'background-color': C.background } },
  { id: 'countries-fill', type: 'fill', source: 'basemap-countries', paint: { 'fill-color': C.land } },
  { id: 'outline-fill', type: 'fill', source: 'basemap-outline', paint: { 'fill-color': C.region } },
  { id: 'lakes', type: 'fill', source: 'basemap-lakes', paint: { 'fill-color': C.water } },
  {
    id: 'rivers',
    type: 'line',
    source: 'basemap-rivers',
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': C.waterLine,
      'line-width': byZoom([
        [4, 0.6],
        [10, 2],
      ]),
    },
  },
  {
    id: 'countries-border',
    type: 'line',
    source: 'basemap-countries',
    paint: { 'line-color': C.countryBorder, 'line-width': 0.8 },
  },
];

/** The region's own border, above the prefectures so it stays unbroken. */
export const outlineLayers: LayerSpecification[] = [
  {
    id: 'outline-line',
    type: 'line',
    source: 'basemap-outline',
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': C.regionOutline,
      'line-width': byZoom([
        [4, 1.2],
        [10, 2.5],
      ]),
    },
  },
];

/** Place names, above the data so they stay readable. */
export const basemapLabelLayers: LayerSpecification[] = [
  {
    id: 'countries-label',
    type: 'symbol',
    source: 'basemap-countries',
    maxzoom: 7,
    // The host country is not labelled: its polygon spans many tiles, each of which would repeat the
    // name, and the map is about the region whose outline is drawn anyway.
    filter: ['!=', ['get', 'name'], 'China'],
    layout: {
      'text-field': localName,
      'text-font': [LABEL_FONT],
      'text-size': 13,
      'text-transform': 'uppercase',
      'text-letter-spacing': 0.1,
    },
    paint: { 'text-color': C.labelMuted, 'text-halo-color': C.halo, 'text-halo-width': 1.2 },
  },
  {
    id: 'cities-dot',
    type: 'circle',
    source: 'basemap-cities',
    paint: {
      'circle-radius': ['interpolate', ['linear'], population, 0, 2, 1_000_000, 4],
      'circle-color': C.halo,
      'circle-stroke-color': C.label,
      'circle-stroke-width': 1.2,
    },
  },
  {
    id: 'cities-label',
    type: 'symbol',
    source: 'basemap-cities',
    layout: {
      'text-field': localName,
      'text-font': [LABEL_FONT],
      'text-size': ['interpolate', ['linear'], population, 0, 11, 1_000_000, 14],
      'text-anchor': 'left',
      'text-offset': [0.6, 0],
      'text-optional': true,
      // Bigger towns win the collisions.
      'symbol-sort-key': ['-', 0, population],
    },
    paint: { 'text-color': C.label, 'text-halo-color': C.halo, 'text-halo-width': 1.5 },
  },
];
