/** The map's style as plain style JSON (types from @maplibre/maplibre-gl-style-spec, no runtime), shared by client and server. */
export * from './analysis';
export * from './basemap';
export * from './expressions';
export * from './focus';
export * from './fonts';
export * from './lines';
export * from './map-layers';
export * from './map-style';
export * from './palette';
export * from './pylons';
export * from './regions';
export * from './sdf-square';
export * from './site-clusters';
export * from './sites';
export * from './substations';
export * from './z-order';
export * from './zones';
