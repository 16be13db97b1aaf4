import { Type, type Static } from 'typebox';

export const OnlineBasemap = Type.Object({
  tiles: Type.String({ description: 'XYZ raster tile template with {z}, {x}, {y}' }),
  attribution: Type.String(),
});
export type OnlineBasemap = Static<typeof OnlineBasemap>;

/**
 * A local PMTiles basemap the app serves as vector tiles (GRIDWATCH_BASEMAP_PMTILES, docs/basemap.md), drawn
 * with @protomaps/basemaps' style: the archive must be in Protomaps' basemap schema (v4).
 */
export const PmtilesBasemap = Type.Object({
  tiles: Type.String({ description: 'vector tile template with {z}, {x}, {y}, on this server' }),
  minzoom: Type.Integer({ minimum: 0 }),
  maxzoom: Type.Integer({ minimum: 0 }),
  bounds: Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }),
  schema: Type.Literal('protomaps-v4'),
});
export type PmtilesBasemap = Static<typeof PmtilesBasemap>;

/** GET /api/map-config: what the map needs of the deployment. */
export const MapConfig = Type.Object({
  onlineBasemap: Type.Union([OnlineBasemap, Type.Null()]),
  pmtilesBasemap: Type.Union([PmtilesBasemap, Type.Null()]),
});
export type MapConfig = Static<typeof MapConfig>;
