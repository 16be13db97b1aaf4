import { Type, type Static } from 'typebox';

export const OnlineBasemap = Type.Object({
  tiles: Type.String({ description: 'XYZ raster tile template with {z}, {x}, {y}' }),
  attribution: Type.String(),
});
export type OnlineBasemap = Static<typeof OnlineBasemap>;

/** GET /api/map-config: what the map needs of the deployment. */
export const MapConfig = Type.Object({ onlineBasemap: Type.Union([OnlineBasemap, Type.Null()]) });
export type MapConfig = Static<typeof MapConfig>;
