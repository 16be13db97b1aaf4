/**
 * Every answer schema the client decodes, in one list: client.ts takes its schemas from here, and the build
 * compiles a check for each of them (client/build/answer-checks.ts), since the page's Content-Security-Policy
 * forbids compiling one in the browser.
 */
export {
  ApiTokenList,
  AttachmentOut,
  ErrorBody,
  Health,
  HotspotList,
  IssuedApiToken,
  ImportResult,
  LAYER_FEATURE,
  LAYER_FEATURE_COLLECTION,
  LayerList,
  MapConfig,
  Me,
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
  SessionOut,
  SignatureList,
  SitesInArea,
  StatusHistory,
  UnexplainedLoadList,
  UnlicensedLoad,
  UserList,
  UserOut,
} from '@gridwatch/contract';
