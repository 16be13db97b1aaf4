import { Type, type Static } from 'typebox';
import { STATUSES } from './status';
import { Bbox } from './geojson';
import { Day } from './progress';
import { servedSchemas, type ColumnTable } from './columns/column';
import { LINE_COLUMNS } from './columns/lines';
import { PYLON_COLUMNS } from './columns/pylons';
import { REGION_COLUMNS } from './columns/regions';
import { SITE_COLUMNS } from './columns/sites';
import { SUBSTATION_COLUMNS } from './columns/substations';
import { ZONE_COLUMNS } from './columns/zones';

export const LAYER_IDS = ['regions', 'substations', 'lines', 'pylons', 'sites', 'zones'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const StatusSchema = Type.Enum(STATUSES);
export const LayerIdSchema = Type.Enum(LAYER_IDS);

export const LayerInfo = Type.Object({
  id: LayerIdSchema,
  title: Type.String(),
  titleZh: Type.String(),
  geometryType: Type.String({ description: 'Point, LineString or MultiPolygon' }),
  count: Type.Integer({ minimum: 0 }),
  bbox: Type.Union([Bbox, Type.Null()], { description: '[minLon, minLat, maxLon, maxLat], null when empty' }),
});
export type LayerInfo = Static<typeof LayerInfo>;
export const LayerList = Type.Array(LayerInfo);

/** Built from the column tables (columns/), so a new column is served without touching this file. */
export const RegionProperties = Type.Object(servedSchemas(REGION_COLUMNS));
export const SubstationProperties = Type.Object(servedSchemas(SUBSTATION_COLUMNS));
export const LineProperties = Type.Object(servedSchemas(LINE_COLUMNS));
export const PylonProperties = Type.Object(servedSchemas(PYLON_COLUMNS));
export const SiteProperties = Type.Object(servedSchemas(SITE_COLUMNS));
export const ZoneProperties = Type.Object(servedSchemas(ZONE_COLUMNS));

export type RegionProperties = Static<typeof RegionProperties>;
export type SubstationProperties = Static<typeof SubstationProperties>;
export type LineProperties = Static<typeof LineProperties>;
export type PylonProperties = Static<typeof PylonProperties>;
export type SiteProperties = Static<typeof SiteProperties>;
export type ZoneProperties = Static<typeof ZoneProperties>;

export interface LayerPropertiesMap {
  regions: RegionProperties;
  substations: SubstationProperties;
  lines: LineProperties;
  pylons: PylonProperties;
  sites: SiteProperties;
  zones: ZoneProperties;
}

/** Each layer's column table (columns/), for code that handles any layer by its id. */
export const LAYER_COLUMNS: Readonly<Record<LayerId, ColumnTable>> = {
  regions: REGION_COLUMNS,
  substations: SUBSTATION_COLUMNS,
  lines: LINE_COLUMNS,
  pylons: PYLON_COLUMNS,
  sites: SITE_COLUMNS,
  zones: ZONE_COLUMNS,
};

export const MAX_LIMIT = 50_000;
export const DEFAULT_LIMIT = 10_000;

/** Query string of GET /api/layers/:layer. bbox and status are comma lists, parsed and checked by the route. */
export const LayerQuery = Type.Object(
  {
    bbox: Type.Optional(Type.String({ description: 'minLon,minLat,maxLon,maxLat' })),
    status: Type.Optional(Type.String({ description: 'comma-separated statuses (sites only)' })),
    voltageKv: Type.Optional(
      Type.String({ description: 'comma-separated voltages in kV (substations, lines)' }),
    ),
    minLoadMw: Type.Optional(Type.Number({ minimum: 0, description: 'sites with at least this load' })),
    maxLoadMw: Type.Optional(Type.Number({ minimum: 0, description: 'sites with at most this load' })),
    utility: Type.Optional(Type.Integer({ minimum: 1, description: 'utility id (sites, substations)' })),
    region: Type.Optional(
      Type.Integer({ minimum: 1, description: 'region id (sites, substations, pylons)' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })),
    asOf: Type.Optional(Day('sites with the status each had at the end of this day (Beijing time)')),
  },
  { additionalProperties: false },
);
export type LayerQuery = Static<typeof LayerQuery>;

export const Health = Type.Object({
  status: Type.Literal('ok'),
  backend: Type.Union([Type.Literal('sqlite'), Type.Literal('postgis')]),
  version: Type.String(),
  /** Only when a streaming replica is configured (DATABASE_REPLICA_URL): whether read routes use it now, and its lag. */
  replica: Type.Optional(
    Type.Object({
      usable: Type.Boolean(),
      lagMs: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
    }),
  ),
});
export type Health = Static<typeof Health>;
