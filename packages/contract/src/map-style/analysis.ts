import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import {
  REGION_LOAD_BREAKS_MW,
  REGION_LOAD_COLORS,
  REGION_LOAD_OPACITY,
  UNEXPLAINED_STYLE as U,
} from './palette';

/** The feature-state key that holds a region's unlicensed load (MW) while the choropleth is on. */
export const REGION_LOAD_STATE = 'unlicensedMw';

const [none, ...ramp] = REGION_LOAD_COLORS;
const load: ExpressionSpecification = ['feature-state', REGION_LOAD_STATE];

/** The class colour of the region's load (analysis-scales.ts, regionLoadClass); transparent without a value. */
export const regionLoadColor: ExpressionSpecification = [
  'case',
  ['==', load, null],
  'rgba(0, 0, 0, 0)',
  ['<=', load, 0],
  none,
  [
    'step',
    load,
    ...ramp.flatMap((color, i) => (i === 0 ? [color] : [REGION_LOAD_BREAKS_MW[i - 1] ?? 0, color])),
  ],
] as unknown as ExpressionSpecification;

/** r = k·√MW (analysis-scales.ts, unexplainedRadiusPx). */
export const unexplainedRadius: ExpressionSpecification = [
  '*',
  U.pxPerSqrtMw,
  ['sqrt', ['max', 0, ['get', 'unexplainedMw']]],
];

const belowProvince: FilterSpecification = ['!=', ['get', 'level'], 'province'];

/**
 * The analysis overlays, hidden until their panel turns them on (use-analysis-overlay.ts): the choropleth of
 * unlicensed load on the regions' own source, coloured from feature state, and the graduated circles of
 * unexplained load on a source of their own.
 */
export const analysisLayers: LayerSpecification[] = [
  {
    id: 'regions-choropleth',
    type: 'fill',
    source: 'regions',
    filter: belowProvince,
    layout: { visibility: 'none' },
    paint: { 'fill-color': regionLoadColor, 'fill-opacity': REGION_LOAD_OPACITY },
  },
  {
    id: 'unexplained-circles',
    type: 'circle',
    source: 'unexplained',
    layout: {
      visibility: 'none',
      // The largest first, below: a small circle is never hidden under a big one.
      'circle-sort-key': ['-', 0, ['get', 'unexplainedMw']],
    },
    paint: {
      'circle-radius': unexplainedRadius,
      'circle-color': U.fill,
      'circle-opacity': U.fillOpacity,
      'circle-stroke-color': U.stroke,
      'circle-stroke-width': 1.5,
    },
  },
];
