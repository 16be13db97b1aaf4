import type { TileRequest } from '../tile-request';

/** Vector tiles of the map's layers. */
export interface TilesPort {
  /** The Mapbox Vector Tile of a layer (extent 4096, buffer 64, clusters at low zooms); null when empty. */
  tile(request: TileRequest): Promise<Uint8Array | null>;
}
