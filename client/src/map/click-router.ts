import type { MapLayerId } from './map-layers';

/** What a click hit: the style layer it was drawn by and the feature's id. */
export interface Hit {
  styleLayerId: string;
  id: string | number | undefined;
}

export interface ClickTarget {
  layer: MapLayerId;
  id: number;
}

/**
 * The one feature a click is about: the hit of the topmost clickable layer (by `zOrder`, not by the
 * order of the query's answer). Each click goes to exactly one handler, or to none.
 */
export function pickTarget(
  hits: readonly Hit[],
  clickLayers: Readonly<Record<MapLayerId, string>>,
  zOrder: readonly string[],
): ClickTarget | null {
  const layerOf = new Map(
    Object.entries(clickLayers).map(([layer, styleId]) => [styleId, layer as MapLayerId]),
  );
  let best: { target: ClickTarget; rank: number } | null = null;
  for (const hit of hits) {
    const layer = layerOf.get(hit.styleLayerId);
    const id = Number(hit.id);
    if (!layer || !Number.isInteger(id) || id < 1) continue;
    const rank = zOrder.indexOf(hit.styleLayerId);
    if (!best || rank > best.rank) best = { target: { layer, id }, rank };
  }
  return best?.target ?? null;
}
