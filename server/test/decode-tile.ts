import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

export interface DecodedFeature {
  id: number | undefined;
  type: number;
  properties: Record<string, number | string | boolean>;
  /** The first position of the geometry, in tile pixels. */
  x: number;
  y: number;
}

export interface DecodedTile {
  layerNames: string[];
  extent: number | undefined;
  features: DecodedFeature[];
}

/** Decodes a Mapbox Vector Tile as tests read it: the source layers, and the features of `layer`. */
export function decodeTile(bytes: Uint8Array, layer: string): DecodedTile {
  const tile = new VectorTile(new PbfReader(bytes));
  const source = tile.layers[layer];
  const features: DecodedFeature[] = [];
  for (let i = 0; source && i < source.length; i++) {
    const f = source.feature(i);
    const first = f.loadGeometry()[0]?.[0];
    features.push({
      id: f.id,
      type: f.type,
      properties: f.properties,
      x: first?.x ?? NaN,
      y: first?.y ?? NaN,
    });
  }
  return { layerNames: Object.keys(tile.layers), extent: source?.extent, features };
}
