import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  BASEMAP_COLORS as C,
  CLUSTER_RADIUS_BY_LOAD,
  SITE_RADIUS_BY_LOAD,
  statusStroke,
  STATUS_COLORS,
} from './palette';
import { LABEL_FONT } from './fonts';
import { byStatus, byStops, byZoom, localName } from './expressions';
import { drawnStatus, isCluster } from './site-clusters';

/** A cluster's `loadMw` is the sum over its sites, so one expression sizes both. */
const load: ExpressionSpecification = ['to-number', ['get', 'loadMw'], 0];
const status = drawnStatus();

/** Clusters keep one size at every zoom they appear at; single sites grow as the map zooms in. */
const radius = (scale: number): ExpressionSpecification => [
  'case',
  isCluster,
  byStops(load, CLUSTER_RADIUS_BY_LOAD),
  byStops(load, SITE_RADIUS_BY_LOAD, scale),
];

/**
 * Mining sites from the vector tiles: colour by compliance status, an outline on the illegal ones, radius by
 * load. One layer draws both single sites and the clusters of low zooms, coloured by their dominant status, so
 * that the layer's toggle, the legend and the tests treat "the sites" as one thing at every zoom.
 */
export const siteLayers: LayerSpecification[] = [
  {
    id: 'sites',
    type: 'circle',
    source: 'sites',
    'source-layer': 'sites',
    layout: {
      // Small sites are drawn over big ones so that none is hidden.
      'circle-sort-key': ['-', 0, load],
    },
    paint: {
      'circle-color': byStatus((s) => STATUS_COLORS[s], '#000000', status),
      'circle-stroke-color': byStatus((s) => statusStroke(s).color, '#ffffff', status),
      'circle-stroke-width': byStatus((s) => statusStroke(s).width, 1, status),
      'circle-radius': byZoom([
        [4, radius(0.65)],
        [9, radius(1)],
        [13, radius(1.5)],
      ]),
      'circle-opacity': ['case', isCluster, 0.85, 0.92],
    },
  },
  {
    // The number of sites in a cluster; a cluster of one is a site and needs no number.
    id: 'sites-cluster-count',
    type: 'symbol',
    source: 'sites',
    'source-layer': 'sites',
    filter: ['all', isCluster, ['>', ['to-number', ['get', 'count'], 0], 1]],
    layout: {
      'text-field': ['to-string', ['get', 'count']],
      'text-font': [LABEL_FONT],
      'text-size': 10,
      'text-offset': [0.7, -0.7],
    },
    paint: { 'text-color': C.label, 'text-halo-color': C.halo, 'text-halo-width': 1.4 },
  },
  {
    id: 'sites-label',
    type: 'symbol',
    source: 'sites',
    'source-layer': 'sites',
    minzoom: 10,
    filter: ['!', isCluster],
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
