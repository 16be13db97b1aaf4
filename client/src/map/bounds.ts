import type { Bbox, LayerInfo } from '../api';

/** The seed data's region, Xinjiang (DOMAIN.md), for a view before the server has answered. */
export const XINJIANG_BBOX: Bbox = [73.5, 34.3, 96.4, 49.2];

/** The box to fit on load: that of the regions layer, else the union of the layers that have one. */
export function initialBounds(layers: readonly LayerInfo[]): Bbox {
  const regions = layers.find((l) => l.id === 'regions')?.bbox;
  if (isBbox(regions)) return regions;
  const boxes = layers.map((l) => l.bbox).filter(isBbox);
  if (boxes.length === 0) return XINJIANG_BBOX;
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

function isBbox(value: readonly number[] | null | undefined): value is Bbox {
  return Array.isArray(value) && value.length === 4 && value.every(Number.isFinite);
}
