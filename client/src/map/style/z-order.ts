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
  'lakes',
  'rivers',
  'countries-border',
  'regions-line',
  'outline-line',
  'lines-casing',
  'lines',
  'pylons',
  'cities-dot',
  'substations',
  'sites',
  'countries-label',
  'sites-label',
  'substations-label',
  'cities-label',
] as const;

export type StyleLayerId = (typeof Z_ORDER)[number];
