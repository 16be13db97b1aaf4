/**
 * The OGC API – Features (Part 1 Core, Part 3 queryables) and Tiles documents gridwatch serves at /ogc
 * (docs/gis-clients.md). Only what the routes write is described; the standards allow more members.
 */
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { Type, type Static } from 'typebox';

/** The OGC's name of WGS 84 with longitude first, the only CRS served. */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/** The conformance classes /ogc declares: each is something a client may rely on (and the tests exercise). */
export const OGC_CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters',
  'http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt',
  'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset',
  'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list',
  'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets',
] as const;

export const OgcLink = Type.Object({
  href: Type.String(),
  rel: Type.String(),
  type: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
  templated: Type.Optional(Type.Boolean()),
});
export type OgcLink = Static<typeof OgcLink>;
const Links = Type.Array(OgcLink);

export const OgcLanding = Type.Object({ title: Type.String(), description: Type.String(), links: Links });
export type OgcLanding = Static<typeof OgcLanding>;

export const OgcConformance = Type.Object({ conformsTo: Type.Array(Type.String()) });

const Bbox = Type.Array(Type.Number(), { minItems: 4, maxItems: 4 });
export const OgcCollection = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  itemType: Type.Literal('feature'),
  crs: Type.Array(Type.String()),
  extent: Type.Object({
    spatial: Type.Object({ bbox: Type.Array(Bbox), crs: Type.String() }),
    temporal: Type.Optional(
      Type.Object({
        interval: Type.Array(Type.Array(Type.Union([Type.String(), Type.Null()]))),
        trs: Type.String(),
      }),
    ),
  }),
  links: Links,
});
export type OgcCollection = Static<typeof OgcCollection>;

export const OgcCollections = Type.Object({ links: Links, collections: Type.Array(OgcCollection) });
export type OgcCollections = Static<typeof OgcCollections>;

export const OgcCollectionParams = Type.Object({ collectionId: Type.String({ maxLength: 50 }) });
export const OgcFeatureParams = Type.Object({
  collectionId: Type.String({ maxLength: 50 }),
  featureId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
});

/** `f`: the rendering, as a parameter for clients that cannot set Accept (a browser's address bar). */
export const OgcFormat = Type.Optional(Type.Enum(['json', 'html'], { description: 'json or html' }));
export const OgcFormatQuery = Type.Object({ f: OgcFormat }, { additionalProperties: false });

export const OGC_DEFAULT_LIMIT = 100;
export const OGC_MAX_LIMIT = 10_000;

export const OgcItemsQuery = Type.Object(
  {
    f: OgcFormat,
    bbox: Type.Optional(Type.String({ description: 'minLon,minLat,maxLon,maxLat (CRS84)' })),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 2_147_483_647,
        default: OGC_DEFAULT_LIMIT,
        description: `features a page; more than ${OGC_MAX_LIMIT} is served as ${OGC_MAX_LIMIT}`,
      }),
    ),
    datetime: Type.Optional(
      Type.String({
        description: 'sites: the map as of this day (YYYY-MM-DD, its end in Beijing) or instant (RFC 3339)',
      }),
    ),
    status: Type.Optional(Type.String({ description: 'sites: a status, or several separated by commas' })),
    utilityId: Type.Optional(Type.Integer({ minimum: 1, description: 'sites, substations: the utility' })),
    voltageKv: Type.Optional(
      Type.String({ description: 'substations, lines: voltages separated by commas' }),
    ),
    after: Type.Optional(
      Type.Integer({ minimum: 0, description: 'paging (from a next link): ids above this' }),
    ),
    before: Type.Optional(
      Type.Integer({ minimum: 1, description: 'paging (from a prev link): ids below this' }),
    ),
  },
  { additionalProperties: false },
);
export type OgcItemsQuery = Static<typeof OgcItemsQuery>;

/** Items as GeoJSON with the paging members of Part 1 (served as application/geo+json). */
export const OgcFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({ type: Type.Literal('Feature') }, { additionalProperties: true })),
  links: Links,
  numberMatched: Type.Integer(),
  numberReturned: Type.Integer(),
});
export const OgcFeature = Type.Object(
  { type: Type.Literal('Feature'), id: Type.Integer(), links: Links },
  { additionalProperties: true },
);

/** Part 3's queryables: a JSON Schema of the properties a query parameter filters (application/schema+json). */
// `$schema` and `$id` are members of the answer too, left undeclared: declared, they read as the schema's own.
export const OgcQueryables = Type.Object(
  {
    type: Type.Literal('object'),
    title: Type.String(),
    properties: Type.Record(Type.String(), Type.Object({}, { additionalProperties: true })),
    additionalProperties: Type.Boolean(),
  },
  { additionalProperties: true, description: 'a JSON Schema (draft 2020-12), with its $schema and $id' },
);

/** OGC API – Tiles: a tileset's metadata (described loosely: the standard's members, as the route writes them). */
export const OgcTileset = Type.Object(
  { title: Type.String(), dataType: Type.Literal('vector'), tileMatrixSetURI: Type.String(), links: Links },
  { additionalProperties: true },
);
export const OgcTilesets = Type.Object({ links: Links, tilesets: Type.Array(OgcTileset) });
export const TileJson = Type.Object(
  {
    tilejson: Type.Literal('3.0.0'),
    tiles: Type.Array(Type.String()),
    vector_layers: Type.Array(Type.Object({ id: Type.String() }, { additionalProperties: true })),
  },
  { additionalProperties: true },
);
export const OgcTileParams = Type.Object({
  collectionId: Type.String({ maxLength: 50 }),
  tileMatrix: Type.String({ maxLength: 10 }),
  tileRow: Type.String({ maxLength: 10 }),
  tileCol: Type.String({ maxLength: 10 }),
});
/** A tile of the whole dataset (/ogc/tiles/…): every tiled collection in one tile. */
export const OgcDatasetTileParams = Type.Object({
  tileMatrix: Type.String({ maxLength: 10 }),
  tileRow: Type.String({ maxLength: 10 }),
  tileCol: Type.String({ maxLength: 10 }),
});

/**
 * The whole map as MapLibre style JSON (GET /ogc/styles/gridwatch; map-style/). Described loosely: the style
 * spec's own validator checks it in the server's test.
 */
export const MapStyleDocument = Type.Unsafe<StyleSpecification>(
  Type.Object(
    {
      version: Type.Literal(8),
      name: Type.String(),
      sprite: Type.String(),
      sources: Type.Record(
        Type.String(),
        Type.Object({ type: Type.String() }, { additionalProperties: true }),
      ),
      layers: Type.Array(
        Type.Object({ id: Type.String(), type: Type.String() }, { additionalProperties: true }),
      ),
    },
    { additionalProperties: true },
  ),
);
/** A sprite's index (sprite.json, sprite@2x.json): each image's place in the PNG. */
export const SpriteIndex = Type.Record(
  Type.String(),
  Type.Object({
    x: Type.Integer(),
    y: Type.Integer(),
    width: Type.Integer(),
    height: Type.Integer(),
    pixelRatio: Type.Number(),
    sdf: Type.Boolean(),
  }),
);
export const StyleFileParams = Type.Object({ file: Type.String({ maxLength: 60 }) });
/** The sprite's PNG or a font file. */
export const StyleFileBody = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });
