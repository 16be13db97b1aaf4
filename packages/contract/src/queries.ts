import { Type, type Static } from 'typebox';
import { FeatureCollectionOf } from './geojson';
import { SiteProperties, StatusSchema, SubstationProperties } from './layers';
import { Day } from './progress';

/** Radii and widths are capped: a query over the whole region is the layer route's job, not a buffer's. */
export const MAX_RADIUS_KM = 500;

const RadiusKm = (defaultKm: number) =>
  Type.Number({ exclusiveMinimum: 0, maximum: MAX_RADIUS_KM, default: defaultKm, description: 'kilometres' });

export const UnlicensedLoadQuery = Type.Object(
  {
    radiusKm: RadiusKm(10),
    includeSuspected: Type.Boolean({ default: false }),
    asOf: Type.Optional(Day('the sites with the status each had at the end of this day; default now')),
  },
  { additionalProperties: false },
);
export type UnlicensedLoadQuery = Static<typeof UnlicensedLoadQuery>;

export const HotspotsQuery = Type.Object(
  {
    radiusKm: RadiusKm(10),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }),
    includeSuspected: Type.Boolean({ default: false }),
    asOf: Type.Optional(Day('the sites with the status each had at the end of this day; default now')),
  },
  { additionalProperties: false },
);
export type HotspotsQuery = Static<typeof HotspotsQuery>;

export const NearestQuery = Type.Object(
  {
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    k: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
  },
  { additionalProperties: false },
);
export type NearestQuery = Static<typeof NearestQuery>;

export const CorridorQuery = Type.Object({ widthKm: RadiusKm(5) }, { additionalProperties: false });
export type CorridorQuery = Static<typeof CorridorQuery>;

export const WithinBody = Type.Object(
  {
    geometry: Type.Unknown({ description: 'GeoJSON Polygon or MultiPolygon (WGS 84)' }),
    status: Type.Optional(Type.Array(StatusSchema, { minItems: 1, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type WithinBody = Static<typeof WithinBody>;

export const StatusTotals = Type.Object({ count: Type.Integer(), loadMw: Type.Number() });
export const Summary = Type.Object({
  siteCount: Type.Integer(),
  totalLoadMw: Type.Number(),
  byStatus: Type.Record(Type.String(), StatusTotals),
});

export const Hotspot = Type.Object({
  substationId: Type.Integer(),
  name: Type.String(),
  nameZh: Type.String(),
  siteCount: Type.Integer(),
  totalLoadMw: Type.Number(),
});
export type Hotspot = Static<typeof Hotspot>;

export const UnexplainedLoadQuery = Type.Object(
  {
    radiusKm: RadiusKm(10),
    asOf: Type.Optional(
      Day("that day's readings and the sites' statuses at its end; default today (Beijing)"),
    ),
  },
  { additionalProperties: false },
);

export const UnexplainedLoadRow = Type.Object({
  substationId: Type.Integer(),
  name: Type.String(),
  nameZh: Type.String(),
  asOf: Type.String({ description: 'the Beijing day answered' }),
  meteredPeakMw: Type.Number({
    description: "the day's peak hourly reading, else the reported undated peak",
  }),
  meteredSource: Type.Union([Type.Literal('readings'), Type.Literal('reported')]),
  readingCount: Type.Integer({ description: "the day's hourly readings (0–24)" }),
  baseLoadMw: Type.Number(),
  licensedLoadMw: Type.Number(),
  knownIllegalLoadMw: Type.Number(),
  unexplainedMw: Type.Number(),
});

export const RegionLoadQuery = Type.Object(
  {
    includeSuspected: Type.Boolean({ default: false }),
    level: Type.Enum(['province', 'prefecture', 'county'], { default: 'prefecture' }),
    asOf: Type.Optional(Day('the sites with the status each had at the end of this day; default now')),
  },
  { additionalProperties: false },
);
export type RegionLoadQuery = Static<typeof RegionLoadQuery>;

export const RegionLoad = Type.Object({
  regionId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  nameZh: Type.String(),
  siteCount: Type.Integer(),
  totalLoadMw: Type.Number(),
  byStatus: Type.Record(Type.String(), StatusTotals),
});
export type RegionLoad = Static<typeof RegionLoad>;

export const HotspotList = Type.Array(Hotspot);
export const UnexplainedLoadList = Type.Array(UnexplainedLoadRow);
export const RegionLoadList = Type.Array(RegionLoad);

const DistanceKm = Type.Number({ description: 'great-circle distance, 3 decimals' });

/** A site found near something (a substation, a line): its attributes and its distance from it. */
export const SiteNearProperties = Type.Object({ ...SiteProperties.properties, distanceKm: DistanceKm });
export type SiteNearProperties = Static<typeof SiteNearProperties>;

/** GET /api/substations/:id/unlicensed-load. */
export const UnlicensedLoad = Type.Object({
  substationId: Type.Integer(),
  radiusKm: Type.Number(),
  ...Summary.properties,
  sites: FeatureCollectionOf(SiteNearProperties),
});
export type UnlicensedLoad = Static<typeof UnlicensedLoad>;

/** GET /api/substations/nearest: the k nearest substations, each with its distance. */
export const NearestSubstations = FeatureCollectionOf(
  Type.Object({ ...SubstationProperties.properties, distanceKm: DistanceKm }),
);

/** GET /api/lines/:id/corridor: the sites within widthKm of the line and the summary over them. */
export const Corridor = Type.Object({
  ...FeatureCollectionOf(SiteNearProperties).properties,
  lineId: Type.Integer(),
  widthKm: Type.Number(),
  summary: Summary,
});
export type Corridor = Static<typeof Corridor>;

/** POST /api/query/within and GET /api/zones/:id/sites: the sites in an area and the summary over them. */
export const SitesInArea = Type.Object({
  ...FeatureCollectionOf(SiteProperties).properties,
  summary: Summary,
});
export type SitesInArea = Static<typeof SitesInArea>;
