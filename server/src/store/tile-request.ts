import type { TileLayerId } from '../api/tiles';
import type { TileCoord } from '../domain/geo/tile-math';
import type { Status } from '../domain/status';

/** One vector tile of a layer; `statuses` filters sites as the layer route does. */
export interface TileRequest {
  layer: TileLayerId;
  tile: TileCoord;
  statuses?: Status[];
}
