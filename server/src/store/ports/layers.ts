/** Reading the map's layers: their catalogue, pages of features, one feature, the sites as of an instant, search. */
import type { Feature, Geometry } from 'geojson';
import type { LayerId, LayerInfo, LayerPropertiesMap, SearchHit } from '@gridwatch/contract';
import type { LayerFilter } from '../layer-filter';

export type LayerFeature<L extends LayerId = LayerId> = Feature<Geometry, LayerPropertiesMap[L]> & {
  id: number;
};

export interface LayerPage<L extends LayerId = LayerId> {
  features: LayerFeature<L>[];
  truncated: boolean;
}

/** A feature as its JSON text, exactly `JSON.stringify` of the feature queryLayer reads for the same row. */
export interface FeatureJson {
  id: number;
  json: string;
  /** Sites only: the load, for an export's total (the text is not parsed again). */
  loadMw?: number;
}

export interface LayerJsonPage {
  features: FeatureJson[];
  truncated: boolean;
}

/** The layers whose features the database writes as JSON text (their geometry is the row's lon/lat). */
export type PointLayerId = 'sites' | 'substations' | 'pylons';
export const isPointLayer = (layer: LayerId): layer is PointLayerId =>
  layer === 'sites' || layer === 'substations' || layer === 'pylons';

/** A point layer's features as their JSON texts, written by the database in one statement (PostGIS: a COPY). */
export interface LayerJsonCopy {
  /** The texts in id order, joined by ",\n" and ending in "\n", in chunks of about the size asked. */
  chunks: AsyncIterable<Uint8Array>;
  /** Once the chunks are read to the end: how many features they held, and (sites) their loads' capped sum. */
  totals(): { count: number; loadMw: number };
}

export interface LayersPort {
  layerInfos(): Promise<LayerInfo[]>;
  /** Features ordered by id; at most `limit`, with `truncated` when more matched. */
  queryLayer<L extends LayerId>(layer: L, filter: LayerFilter): Promise<LayerPage<L>>;
  /** queryLayer's page of a point layer as JSON text written by the database (docs/performance.md). */
  queryLayerJson(layer: PointLayerId, filter: LayerFilter): Promise<LayerJsonPage>;
  /**
   * Every feature of a point layer the filter keeps (no paging) as one LayerJsonCopy, the same bytes as
   * queryLayerJson's pages joined; null where the store has no such read (SQLite, a utility's user, reads from a
   * replica): the caller pages with queryLayerJson.
   */
  copyLayerJson(
    layer: PointLayerId,
    filter: Omit<LayerFilter, 'limit' | 'afterId' | 'beforeId'>,
    chunkBytes: number,
  ): LayerJsonCopy | null;
  /**
   * queryLayerJson's page as one LayerJsonCopy whose chunks are the texts joined by "," alone (the bytes
   * between the collection's brackets), so an answer streams without a string per feature; a count in the
   * totals above `filter.limit` says the page is truncated (the texts stop at the limit). null where
   * copyLayerJson is, and for a page read backwards (beforeId): the caller uses queryLayerJson.
   */
  copyLayerPage(layer: PointLayerId, filter: LayerFilter, chunkBytes: number): LayerJsonCopy | null;
  getFeature<L extends LayerId>(layer: L, id: number): Promise<LayerFeature<L> | null>;
  /**
   * The sites as their status-change records stood at the instant `at` (ISO 8601 UTC): each with its status
   * then; sites without a record by then left out; `statuses` filter on the status then. Ordered by id.
   */
  querySitesAsOf(at: string, filter: LayerFilter): Promise<LayerPage<'sites'>>;
  /**
   * How many features the filter keeps, paging (afterId, beforeId) aside: the OGC API's numberMatched. With `at`
   * (sites only), the sites as querySitesAsOf reads them at that instant.
   */
  countFeatures(layer: LayerId, filter: Omit<LayerFilter, 'limit'>, at?: string): Promise<number>;
  /** The time of the first status change of a live site: where the sites' history (their temporal extent) begins. */
  firstStatusChangeAt(): Promise<string | null>;
  /** Features whose names or external id contain the text, best first (an exact match, a prefix, then any). */
  search(text: string, limit: number): Promise<SearchHit[]>;
}
