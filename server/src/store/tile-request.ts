import type { TileLayerId } from '../api/tiles';
import type { TileCoord } from '../domain/geo/tile-math';
import type { LayerFilter } from './store';

/** The layer route's filters that tiles take: all but paging, the box (the tile is the box) and the region. */
export type TileFilter = Omit<LayerFilter, 'limit' | 'afterId' | 'bbox' | 'regionId'>;

/** One vector tile of a layer, filtered as the layer route filters. */
export interface TileRequest {
  layer: TileLayerId;
  tile: TileCoord;
  filter: TileFilter;
}
