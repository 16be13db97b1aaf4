/** The layers the map draws live in the contract (map-style/map-layers.ts), since the server serves the same style. */
export {
  isTiled,
  MAP_LAYERS,
  PYLON_MIN_ZOOM,
  TILED_LAYERS,
  type MapLayerId,
  type TiledLayerId,
} from '@gridwatch/contract';
