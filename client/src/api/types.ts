/**
 * The API's types, every answer derived from its contract schema (`Static<>`), so that nothing is typed twice;
 * http.ts decodes each answer against the same schema at run time. Only the client's own shapes of a request
 * (LayerFilter, Bbox) are written here.
 */
import type { Static } from 'typebox';
import type {
  ImportProblem,
  LayerFeatureCollectionOf,
  LayerFeatureOf,
  LayerId,
  SitesInArea,
  RetiredSite as RetiredSiteSchema,
  StatusChangeOut,
  StatusTotals as StatusTotalsSchema,
  UnexplainedLoadRow as UnexplainedLoadRowSchema,
  UnlicensedLoad,
  UserOut,
  ZoneState as ZoneStateSchema,
} from '@gridwatch/contract';

export type {
  ApiTokenList,
  ApiTokenOut,
  AttachmentOut,
  CreateApiTokenBody,
  IssuedApiToken,
  CreateZoneBody,
  ErrorBody,
  Health,
  Hotspot,
  HotspotsQuery,
  ImportLayer,
  ImportQuery,
  ImportResult,
  LayerId,
  LayerInfo,
  LayerPropertiesMap,
  MapConfig,
  Me,
  SessionOut,
  UserOut,
  CreateUserBody,
  UpdateUserBody,
  OnlineBasemap,
  ProgressQuery,
  ProgressReport,
  ProgressSeries,
  ProgressSeriesQuery,
  RegionLoad,
  Role,
  SearchHit,
  SiteRetirementBody,
  Status,
  StatusChangeBody,
  UnlicensedLoad,
  UnlicensedLoadQuery,
  UpdateZoneBody,
} from '@gridwatch/contract';

/** A feature as the API serves it: an integer id and the layer's attributes. */
export type ApiFeature<L extends LayerId> = LayerFeatureOf<L>;

export type ApiFeatureCollection<L extends LayerId> = LayerFeatureCollectionOf<L>;

/** [minLon, minLat, maxLon, maxLat] */
export type Bbox = [number, number, number, number];

/** The filters of the layer, tile and export routes, as the client holds them before writing the query. */
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

export type StatusTotals = Static<typeof StatusTotalsSchema>;

/** A site near a substation: the site's attributes and its great-circle distance from it. */
export type SiteNear = UnlicensedLoad['sites']['features'][number];

export type User = Static<typeof UserOut>;

/** The days (and resolution) of a substation's readings to read: Beijing days, both included. */
export interface ReadingsRange {
  from: string;
  to: string;
  resolution: 'hour' | 'day';
}

/** One substation of GET /api/analysis/unexplained-load. */
export type UnexplainedLoadRow = Static<typeof UnexplainedLoadRowSchema>;

/** One record of a site's history (GET /api/sites/:id/history). */
export type StatusChange = Static<typeof StatusChangeOut>;

/** A site as retiring it answers (DELETE /api/sites/:id). */
export type RetiredSiteOut = Static<typeof RetiredSiteSchema>;

/** One bad row of an import, from the details of a 422 IMPORT_INVALID. */
export type ImportRowProblem = Static<typeof ImportProblem>;

/** GET /api/zones/:id/sites: the sites in the zone and the summary over them. */
export type ZoneSites = SitesInArea;

export type ZoneState = Static<typeof ZoneStateSchema>;
export type { Readings, SignatureList, SignatureRow } from '@gridwatch/contract';
