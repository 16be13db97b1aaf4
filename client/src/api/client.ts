import type { TSchema } from 'typebox';
import {
  ApiTokenList,
  AttachmentOut,
  Health,
  HotspotList,
  ImportResult,
  IssuedApiToken,
  LAYER_FEATURE,
  LAYER_FEATURE_COLLECTION,
  LayerList,
  MapConfig,
  Me,
  SessionOut,
  UserList,
  UserOut,
  ProgressReport,
  ProgressSeries,
  Readings,
  RegionLoadList,
  ReportList,
  ReportOut,
  ReportPeriods,
  ReportsOverview,
  RetiredSite,
  SearchHits,
  SignatureList,
  SitesInArea,
  StatusHistory,
  UnexplainedLoadList,
  UnlicensedLoad,
} from './answers';
import type { ReportListQuery, ReportSummary, ReviewReportBody, UpdateReportBody } from '@gridwatch/contract';
import { callJson, callNoContent, getJson, type FetchFn } from './http';
import {
  hotspotsPath,
  importPath,
  layerPath,
  progressPath,
  progressSeriesPath,
  readingsPath,
  searchPath,
  signaturesPath,
  unexplainedLoadPath,
  unlicensedLoadPath,
} from './paths';
import type {
  ApiFeature,
  ApiTokenList as ApiTokenListOut,
  CreateApiTokenBody,
  IssuedApiToken as IssuedApiTokenOut,
  ApiFeatureCollection,
  CreateUserBody,
  CreateZoneBody,
  UpdateUserBody,
  HotspotsQuery,
  ImportLayer,
  ImportQuery,
  LayerId,
  LayerFilter,
  ProgressQuery,
  ProgressSeriesQuery,
  ReadingsRange,
  RetiredSiteOut,
  SiteRetirementBody,
  StatusChange,
  StatusChangeBody,
  UnexplainedLoadRow,
  UnlicensedLoadQuery,
  UpdateZoneBody,
  ZoneSites,
} from './types';
import type { Hotspot, LayerInfo, RegionLoad, SearchHit } from './types';
import type { Readings as ReadingsOut, SignatureList as SignatureListOut } from '@gridwatch/contract';

export {
  hotspotsPath,
  layerPath,
  progressPath,
  progressSeriesPath,
  searchPath,
  unexplainedLoadPath,
  unlicensedLoadPath,
} from './paths';

/** Layers that have a `GET /api/<layer>/:id` route. */
export type DetailLayerId = Exclude<LayerId, 'zones'>;

export interface ApiClient {
  /** The server's state, backend and version (public). */
  health(signal?: AbortSignal): Promise<Health>;
  /** The deployment's map settings: the online basemap it offers, if any. */
  mapConfig(signal?: AbortSignal): Promise<MapConfig>;
  layers(): Promise<LayerInfo[]>;
  layer<L extends LayerId>(
    layer: L,
    query?: LayerFilter,
    signal?: AbortSignal,
  ): Promise<ApiFeatureCollection<L>>;
  feature<L extends DetailLayerId>(layer: L, id: number, signal?: AbortSignal): Promise<ApiFeature<L>>;
  unlicensedLoad(
    substationId: number,
    query: UnlicensedLoadQuery,
    signal?: AbortSignal,
  ): Promise<UnlicensedLoad>;
  hotspots(query: HotspotsQuery, signal?: AbortSignal): Promise<Hotspot[]>;
  /** Names (English or Chinese) and external ids across layers, best first. */
  search(q: string, limit: number, signal?: AbortSignal): Promise<SearchHit[]>;
  /** The enforcement progress by utility up to `deadline` (YYYY-MM-DD); also the list of the utilities. */
  progress(deadline: string, signal?: AbortSignal): Promise<ProgressReport>;
  /** The progress report of a campaign (deadline, start) as the records stood at the end of `asOf`. */
  progressReport(query: ProgressQuery, signal?: AbortSignal): Promise<ProgressReport>;
  /** Share done and load still drawing of each utility at dates from the campaign's start. */
  progressSeries(query: ProgressSeriesQuery, signal?: AbortSignal): Promise<ProgressSeries>;
  /** Substations by unexplained load (DOMAIN.md), largest first. */
  unexplainedLoad(radiusKm: number, asOf: string | null, signal?: AbortSignal): Promise<UnexplainedLoadRow[]>;
  /** A substation's metered load over days, with the load its sites explain each day. */
  readings(substationId: number, range: ReadingsRange, signal?: AbortSignal): Promise<ReadingsOut>;
  /** The meters ranked by mining signatures as of a Beijing day (null: today), with the reasons. */
  signatures(asOf: string | null, signal?: AbortSignal): Promise<SignatureListOut>;
  /** Unlicensed load by prefecture, now or as of the end of a day (YYYY-MM-DD). */
  regionLoads(asOf: string | null, signal?: AbortSignal): Promise<RegionLoad[]>;
  me(): Promise<Me>;
  /** Who is logged in, if anyone, and whether anyone may read: always 200. */
  session(): Promise<SessionOut>;
  /** The logged-in user changes their own password; every other session of theirs ends. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** Admins: every user. */
  users(signal?: AbortSignal): Promise<UserOut[]>;
  createUser(user: CreateUserBody): Promise<UserOut>;
  updateUser(id: number, change: UpdateUserBody): Promise<UserOut>;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  history(siteId: number, signal?: AbortSignal): Promise<StatusChange[]>;
  /** `idempotencyKey`: the change's own key (the offline queue's id), so a resend of it is recorded once. */
  changeStatus(
    siteId: number,
    change: StatusChangeBody,
    idempotencyKey?: string,
  ): Promise<ApiFeature<'sites'>>;
  /** Retires a wrong site (admins): every read leaves it out from then on. */
  retireSite(siteId: number, body: SiteRetirementBody): Promise<RetiredSiteOut>;
  zone(zoneId: number, signal?: AbortSignal): Promise<ApiFeature<'zones'>>;
  zoneSites(zoneId: number, signal?: AbortSignal): Promise<ZoneSites>;
  createZone(zone: CreateZoneBody): Promise<ApiFeature<'zones'>>;
  updateZone(zoneId: number, change: UpdateZoneBody): Promise<ApiFeature<'zones'>>;
  deleteZone(zoneId: number, version: number): Promise<void>;
  importLayer(layer: ImportLayer, file: Blob, contentType: string, query: ImportQuery): Promise<ImportResult>;
  /** Uploads one evidence file; a status change takes it by id (docs/evidence.md). */
  uploadAttachment(file: File): Promise<AttachmentOut>;
  /** The reporting schedule and its periods (docs/reports.md). */
  reportPeriods(signal?: AbortSignal): Promise<ReportPeriods>;
  /** Report revisions the user may read (a utility's user: its own), newest period first. */
  reports(query: ReportListQuery, signal?: AbortSignal): Promise<ReportSummary[]>;
  report(id: number, signal?: AbortSignal): Promise<ReportOut>;
  /** Opens the user's utility's report for a period: a draft, or the next revision of a returned one. */
  openReport(period: string): Promise<ReportOut>;
  updateReport(id: number, change: UpdateReportBody): Promise<ReportOut>;
  submitReport(id: number, version: number): Promise<ReportOut>;
  reviewReport(id: number, review: ReviewReportBody): Promise<ReportOut>;
  /** Every utility's standing for a period, what needs attention first (the regulator's overview). */
  reportsOverview(period: string, signal?: AbortSignal): Promise<ReportsOverview>;
  /** Read-only API tokens for GIS clients (admins; docs/gis-clients.md). */
  apiTokens(signal?: AbortSignal): Promise<ApiTokenListOut>;
  /** Issues a token: the answer is the only time the token itself is shown. */
  issueApiToken(body: CreateApiTokenBody): Promise<IssuedApiTokenOut>;
  revokeApiToken(id: number): Promise<void>;
}

/** Where a submitted report's PDF is downloaded from. */
export const reportPdfPath = (id: number) => `/api/reports/${id}.pdf`;

/**
 * The API client. `onUnauthorized` hears of every 401 outside the login route itself, so that the app can go back
 * to its login page whichever call found the session gone.
 */
export function createApiClient(
  fetchFn: FetchFn = (input, init) => fetch(input, init),
  onUnauthorized: () => void = () => undefined,
): ApiClient {
  const watched: FetchFn = async (input, init) => {
    const response = await fetchFn(input, init);
    if (response.status === 401 && !input.startsWith('/api/auth/')) onUnauthorized();
    return response;
  };
  // Writes carry an Idempotency-Key and are retried on 503 (http.ts); logging in and out are not keyed.
  const write = <S extends TSchema>(path: string, method: 'POST' | 'PATCH', schema: S, body: unknown) =>
    callJson(watched, path, schema, { method, body: { json: body }, idempotent: true });
  // Every answer is decoded against its route's response schema (http.ts): the types come from the same.
  return {
    health: (signal) => getJson(watched, '/api/health', Health, signal),
    mapConfig: (signal) => getJson(watched, '/api/map-config', MapConfig, signal),
    layers: () => getJson(watched, '/api/layers', LayerList),
    layer: (layer, query, signal) =>
      getJson(watched, layerPath(layer, query), LAYER_FEATURE_COLLECTION[layer], signal),
    feature: (layer, id, signal) => getJson(watched, `/api/${layer}/${id}`, LAYER_FEATURE[layer], signal),
    unlicensedLoad: (id, query, signal) =>
      getJson(watched, unlicensedLoadPath(id, query), UnlicensedLoad, signal),
    hotspots: (query, signal) => getJson(watched, hotspotsPath(query), HotspotList, signal),
    search: (q, limit, signal) => getJson(watched, searchPath(q, limit), SearchHits, signal),
    progress: (deadline, signal) =>
      getJson(watched, `/api/reports/progress?${new URLSearchParams({ deadline })}`, ProgressReport, signal),
    progressReport: (query, signal) => getJson(watched, progressPath(query), ProgressReport, signal),
    progressSeries: (query, signal) => getJson(watched, progressSeriesPath(query), ProgressSeries, signal),
    unexplainedLoad: (radiusKm, asOf, signal) =>
      getJson(watched, unexplainedLoadPath(radiusKm, asOf), UnexplainedLoadList, signal),
    readings: (id, range, signal) => getJson(watched, readingsPath(id, range), Readings, signal),
    signatures: (asOf, signal) => getJson(watched, signaturesPath(asOf), SignatureList, signal),
    regionLoads: (asOf, signal) =>
      getJson(
        watched,
        `/api/analysis/regions${asOf ? `?${new URLSearchParams({ asOf })}` : ''}`,
        RegionLoadList,
        signal,
      ),
    me: () => getJson(watched, '/api/auth/me', Me),
    session: () => getJson(watched, '/api/auth/session', SessionOut),
    changePassword: (currentPassword, newPassword) =>
      callNoContent(watched, '/api/auth/password', {
        method: 'POST',
        body: { json: { currentPassword, newPassword } },
      }),
    users: (signal) => getJson(watched, '/api/users', UserList, signal),
    createUser: (user) => write('/api/users', 'POST', UserOut, user),
    updateUser: (id, change) => write(`/api/users/${id}`, 'PATCH', UserOut, change),
    login: (username, password) =>
      callJson(watched, '/api/auth/login', Me, { method: 'POST', body: { json: { username, password } } }),
    logout: () => callNoContent(watched, '/api/auth/logout', { method: 'POST' }),
    history: (id, signal) => getJson(watched, `/api/sites/${id}/history`, StatusHistory, signal),
    changeStatus: (id, change, idempotencyKey) =>
      callJson(watched, `/api/sites/${id}`, LAYER_FEATURE.sites, {
        method: 'PATCH',
        body: { json: change },
        idempotent: true,
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      }),
    retireSite: (id, body) =>
      callJson(watched, `/api/sites/${id}`, RetiredSite, { method: 'DELETE', body: { json: body } }),
    zone: (id, signal) => getJson(watched, `/api/zones/${id}`, LAYER_FEATURE.zones, signal),
    zoneSites: (id, signal) => getJson(watched, `/api/zones/${id}/sites`, SitesInArea, signal),
    createZone: (zone) => write('/api/zones', 'POST', LAYER_FEATURE.zones, zone),
    updateZone: (id, change) => write(`/api/zones/${id}`, 'PATCH', LAYER_FEATURE.zones, change),
    deleteZone: (id, version) =>
      callNoContent(watched, `/api/zones/${id}?version=${version}`, { method: 'DELETE', idempotent: true }),
    uploadAttachment: (file) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return callJson(watched, '/api/attachments', AttachmentOut, { method: 'POST', body: { form } });
    },
    reportPeriods: (signal) => getJson(watched, '/api/reports/periods', ReportPeriods, signal),
    reports: (query, signal) => {
      const params = new URLSearchParams(
        Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
      );
      return getJson(watched, `/api/reports${params.size ? `?${params}` : ''}`, ReportList, signal);
    },
    report: (id, signal) => getJson(watched, `/api/reports/${id}`, ReportOut, signal),
    openReport: (period) => write('/api/reports', 'POST', ReportOut, { period }),
    updateReport: (id, change) => write(`/api/reports/${id}`, 'PATCH', ReportOut, change),
    submitReport: (id, version) => write(`/api/reports/${id}/submit`, 'POST', ReportOut, { version }),
    reviewReport: (id, review) => write(`/api/reports/${id}/review`, 'POST', ReportOut, review),
    reportsOverview: (period, signal) =>
      getJson(watched, `/api/reports/overview?${new URLSearchParams({ period })}`, ReportsOverview, signal),
    apiTokens: (signal) => getJson(watched, '/api/tokens', ApiTokenList, signal),
    // Not keyed: a retry would issue a second token, which the admin sees in the list and can revoke.
    issueApiToken: (body) =>
      callJson(watched, '/api/tokens', IssuedApiToken, { method: 'POST', body: { json: body } }),
    revokeApiToken: (id) =>
      callNoContent(watched, `/api/tokens/${id}`, { method: 'DELETE', idempotent: true }),
    importLayer: (layer, file, contentType, query) =>
      callJson(watched, importPath(layer, query), ImportResult, {
        method: 'POST',
        body: { raw: file, contentType },
        // A dry run writes nothing; a commit is keyed like every write.
        idempotent: !query.dryRun,
      }),
  };
}
