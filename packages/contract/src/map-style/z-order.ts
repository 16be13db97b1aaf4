/**
 * Every style layer, bottom to top. A layer missing here is an error (see buildStyle), so the stacking
 * is decided in this one place and not by the order in which theme files happen to be concatenated.
 * Among symbol layers, the higher one also wins label collisions.
 */
export const Z_ORDER = [
  'background',
  'countries-fill',
  'outline-fill',
  'regions-fill',
  'regions-choropleth',
  'lakes',
  'rivers',
  'countries-border',
  'regions-line',
  'outline-line',
  'regions-chosen',
  'zones-fill',
  'zones-line',
  'focus-radius-fill',
  'lines-casing',
  'lines',
  'focus-radius-line',
  'pylons',
  'cities-dot',
  'unexplained-circles',
  'substations',
  'sites',
  'focus-site',
  'focus-hover',
  'countries-label',
  'sites-cluster-count',
  'sites-label',
  'zones-label',
  'substations-label',
  'cities-label',
] as const;

export type StyleLayerId = (typeof Z_ORDER)[number];
