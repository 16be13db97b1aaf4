import type { TileLayerId } from '@gridwatch/contract';
import type { TileCoord } from '../domain/geo/tile-math';
import type { LayerFilter } from './layer-filter';

/** The layer route's filters that tiles take: all but paging and the box (the tile is the box). */
export type TileFilter = Omit<LayerFilter, 'limit' | 'afterId' | 'beforeId' | 'bbox'>;

/** One vector tile of a layer, filtered as the layer route filters. */
export interface TileRequest {
  layer: TileLayerId;
  tile: TileCoord;
  filter: TileFilter;
  /** Sites only: draw each site with its status at this instant (ISO 8601 UTC), as the layer route's `asOf`. */
  at?: string;
  /**
   * Sites at z ≤ 8: cluster the sites themselves even where the cluster cells could answer (sql/tile-sql.ts);
   * the tests and benches that compare the two paths set it.
   */
  liveClusters?: boolean;
}

/** A tile with more points than this is sent as clusters at any zoom, so that no tile grows to megabytes. */
export const TILE_POINT_CAP = 2500;
