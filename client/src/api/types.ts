/** The API's types, taken from the server's TypeBox schemas so that nothing is typed twice. */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Health, LayerId, LayerInfo, LayerPropertiesMap } from '@gridwatch/contract';
import type { ErrorBody } from '@gridwatch/contract';
import type {
  Hotspot,
  HotspotsQuery,
  RegionLoad,
  StatusTotals,
  Summary,
  UnexplainedLoadRow as UnexplainedLoadRowSchema,
  UnlicensedLoadQuery,
} from '@gridwatch/contract';
import type { Me, UserOut } from '@gridwatch/contract';
import type {
  CreateZoneBody,
  StatusChangeBody,
  StatusChangeOut,
  UpdateZoneBody,
  ZoneState as ZoneStateSchema,
} from '@gridwatch/contract';
import type { ImportLayer, ImportProblem, ImportQuery, ImportResult } from '@gridwatch/contract';
import type { Role } from '@gridwatch/contract';
import type { SearchHit } from '@gridwatch/contract';
import type { ProgressQuery, ProgressReport, ProgressSeries, ProgressSeriesQuery } from '@gridwatch/contract';
import type { MapConfig, OnlineBasemap } from '@gridwatch/contract';
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
export type { Status } from '@gridwatch/contract';

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
