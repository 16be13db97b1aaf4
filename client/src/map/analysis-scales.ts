/**
 * The scales of the analysis overlays, shared by the style (style/analysis.ts) and the legends: pure numbers,
 * no maplibre-gl, so the panels may import them.
 */
import { REGION_LOAD_BREAKS_MW, REGION_LOAD_COLORS, UNEXPLAINED_STYLE } from './palette';

/** The radius in pixels of the circle of a substation's unexplained load: area ∝ MW. None for 0 or less. */
export function unexplainedRadiusPx(mw: number): number {
  return mw > 0 ? UNEXPLAINED_STYLE.pxPerSqrtMw * Math.sqrt(mw) : 0;
}

/**
 * The class (0–4) of a region's unlicensed load: 0 is none at all, then (0, 5), [5, 20), [20, 100) and 100 MW
 * or more. The API rounds MW to 3 decimals, so "none" is exactly 0.
 */
export function regionLoadClass(mw: number): number {
  if (mw <= 0) return 0;
  return 1 + REGION_LOAD_BREAKS_MW.filter((b) => mw >= b).length;
}

export interface RegionLoadClass {
  index: number;
  color: string;
  /** The MW range: from `min` (included) up to `max` (excluded; null for the top class). 0–0 is "none". */
  min: number;
  max: number | null;
}

/** The classes in order, for the legend. */
export const REGION_LOAD_CLASSES: readonly RegionLoadClass[] = REGION_LOAD_COLORS.map((color, index) => ({
  index,
  color,
  min: index <= 1 ? 0 : (REGION_LOAD_BREAKS_MW[index - 2] ?? 0),
  max: index === 0 ? 0 : (REGION_LOAD_BREAKS_MW[index - 1] ?? null),
}));
