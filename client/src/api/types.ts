/** The API's types, taken from the server's TypeBox schemas so that nothing is typed twice. */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Health, LayerId, LayerInfo, LayerPropertiesMap } from '../../../server/src/api/layers';
import type { ErrorBody } from '../../../server/src/api/errors';
import type {
  Hotspot,
  HotspotsQuery,
  RegionLoad,
  StatusTotals,
  Summary,
  UnexplainedLoadRow as UnexplainedLoadRowSchema,
  UnlicensedLoadQuery,
} from '../../../server/src/api/queries';
import type { Me, UserOut } from '../../../server/src/api/auth';
import type {
  CreateZoneBody,
  StatusChangeBody,
  StatusChangeOut,
  UpdateZoneBody,
  ZoneState as ZoneStateSchema,
} from '../../../server/src/api/enforcement';
import type { ImportProblem, ImportQuery, ImportResult } from '../../../server/src/api/import';
import type { ImportLayer } from '../../../server/src/domain/import/import-layers';
import type { Role } from '../../../server/src/domain/roles';
import type { SearchHit } from '../../../server/src/api/search';
import type {
  ProgressQuery,
  ProgressReport,
  ProgressSeries,
  ProgressSeriesQuery,
} from '../../../server/src/api/progress';
import type { MapConfig, OnlineBasemap } from '../../../server/src/api/map-config';
import type { Static } from 'typebox';

export type {
  Health,
  LayerId,
  LayerInfo,
  LayerPropertiesMap,
  ErrorBody,
  Hotspot,
  HotspotsQuery,
  UnlicensedLoadQuery,
  Me,
  Role,
  CreateZoneBody,
  UpdateZoneBody,
  StatusChangeBody,
  ImportResult,
  ImportQuery,
  ImportLayer,
  SearchHit,
  ProgressReport,
  ProgressQuery,
  ProgressSeries,
  ProgressSeriesQuery,
  RegionLoad,
  MapConfig,
  OnlineBasemap,
};
export type { Status } from '../../../server/src/domain/status';

/** A feature as the API serves it: an integer id and the layer's attributes. */
export type ApiFeature<L extends LayerId> = Feature<Geometry, LayerPropertiesMap[L]> & { id: number };

export type ApiFeatureCollection<L extends LayerId> = FeatureCollection<Geometry, LayerPropertiesMap[L]> & {
  features: ApiFeature<L>[];
  truncated?: boolean;
};

/** [minLon, minLat, maxLon, maxLat] */
export type Bbox = [number, number, number, number];

export interface LayerFilter {
  bbox?: Bbox;
  status?: readonly string[];
  voltageKv?: readonly number[];
  minLoadMw?: number;
  maxLoadMw?: number;
  utility?: number;
  region?: number;
  /** Sites only: each with its status at the end of this day (YYYY-MM-DD). */
  asOf?: string;
  limit?: number;
}

export type StatusTotals = Static<typeof StatusTotals>;

/** A site near a substation: the site's attributes and its great-circle distance from it. */
export type SiteNear = ApiFeature<'sites'> & {
  properties: LayerPropertiesMap['sites'] & { distanceKm: number };
};

/**
 * The answer of GET /api/substations/:id/unlicensed-load. Its schema is written inline in the server's route
 * (server/src/routes/queries.ts), so only the summary is taken from server/src/api; the rest follows that route.
 */
export type UnlicensedLoad = Static<typeof Summary> & {
  substationId: number;
  radiusKm: number;
  sites: { type: 'FeatureCollection'; features: SiteNear[] };
};

export type User = Static<typeof UserOut>;

/** One substation of GET /api/analysis/unexplained-load. */
export type UnexplainedLoadRow = Static<typeof UnexplainedLoadRowSchema>;

/** One record of a site's history (GET /api/sites/:id/history). */
export type StatusChange = Static<typeof StatusChangeOut>;

/** One bad row of an import, from the details of a 422 IMPORT_INVALID. */
export type ImportRowProblem = Static<typeof ImportProblem>;

/** GET /api/zones/:id/sites: the sites in the zone and the summary over them. */
export type ZoneSites = ApiFeatureCollection<'sites'> & { summary: Static<typeof Summary> };

export type ZoneState = Static<typeof ZoneStateSchema>;
