import type { Status } from '@gridwatch/contract';
import type { Bbox } from '../domain/geo/bbox';

/** What a layer read is narrowed by: the layer route's query string, parsed (http/layer-filter.ts). */
export interface LayerFilter {
  /** Only features with a larger id: keyset paging, for exports that stream every feature. */
  afterId?: number;
  /**
   * Only features with a smaller id, the nearest `limit` of them (still answered in id order): keyset paging
   * backwards, for the OGC API's `prev` links. `truncated` then says that more lie before.
   */
  beforeId?: number;
  bbox?: Bbox;
  statuses?: Status[];
  /** Substations and lines of these voltages. */
  voltagesKv?: number[];
  /** Sites whose load lies in this range (inclusive). */
  minLoadMw?: number;
  maxLoadMw?: number;
  /** Substations of this utility; sites whose utility (DOMAIN.md: feeder's, else nearest within 10 km) it is. */
  utilityId?: number;
  /** Point features inside this region (boundary included). */
  regionId?: number;
  limit: number;
}
