import { Type, type Static } from 'typebox';
import { LayerQuery } from './layers';

/** The layers served as vector tiles (zones are few and edited often: the client loads them as GeoJSON). */
export const TILE_LAYER_IDS = ['regions', 'substations', 'lines', 'pylons', 'sites'] as const;
export type TileLayerId = (typeof TILE_LAYER_IDS)[number];

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

/** z/x/y arrive as text and are checked by the route, so a refusal can say which range each must be in. */
export const TileParams = Type.Object({
  layer: Type.String(),
  z: Type.String(),
  x: Type.String(),
  y: Type.String(),
});
export type TileParams = Static<typeof TileParams>;

// The layer route's filters but paging and the box (the tile is the box).
const { limit: _page, bbox: _box, ...layerFilters } = LayerQuery.properties;

export const TileQuery = Type.Object(
  {
    ...layerFilters,
    // Tiles may be cached for a short while; after an edit the map changes `v` so it fetches fresh tiles.
    v: Type.Optional(
      Type.String({ maxLength: 64, description: 'ignored: a new value bypasses cached tiles' }),
    ),
  },
  { additionalProperties: false },
);
export type TileQuery = Static<typeof TileQuery>;

/** A Mapbox Vector Tile, not JSON: documented here, never checked against a schema. */
export const TileBody = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });
