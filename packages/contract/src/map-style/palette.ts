/**
 * The colours of the map, shared by the style and the legend so that they cannot drift apart.
 * Plain data, so the panels may use it; in the contract, since the server serves the same style (map-style.ts).
 */
import { ILLEGAL_DRAWING, STATUSES, type Status } from '../status';

/**
 * Compliance status. Based on the Okabe–Ito set, which stays distinct under the common colour-vision
 * deficiencies; the illegal statuses also get a dark outline (ILLEGAL_STROKE) as a second cue.
 */
export const STATUS_COLORS: Readonly<Record<Status, string>> = {
  LICENSED: '#009e73',
  NO_CONTRACT: '#e69f00',
  UNLICENSED: '#d55e00',
  SUSPECTED: '#cc79a7',
  SHUTDOWN_ORDERED: '#7f1d1d',
  SHUT_DOWN: '#6b6b6b',
  NOT_FOUND: '#c4c4c4',
};

export interface Stroke {
  color: string;
  width: number;
}

const ILLEGAL_STROKE: Stroke = { color: '#1a1a1a', width: 2 };
const DEFAULT_STROKE: Stroke = { color: '#ffffff', width: 1 };

function isIllegal(status: Status): boolean {
  return ILLEGAL_DRAWING.includes(status);
}

export function statusStroke(status: Status): Stroke {
  return isIllegal(status) ? ILLEGAL_STROKE : DEFAULT_STROKE;
}

export interface StatusEntry {
  status: Status;
  color: string;
  stroke: Stroke;
}

/** The legend's rows, in the domain's order. */
export const STATUS_ENTRIES: readonly StatusEntry[] = STATUSES.map((status) => ({
  status,
  color: STATUS_COLORS[status],
  stroke: statusStroke(status),
}));

/**
 * Voltage classes of the grid, highest first. A sequential blue ramp keeps the grid apart from the
 * status hues of the sites; width (lines) and size (substations) repeat the class for a second cue.
 * A feature belongs to the highest class whose minKv it reaches.
 */
export interface VoltageClass {
  kv: number;
  minKv: number;
  color: string;
  lineWidth: number;
  substationSize: number;
}

export const VOLTAGE_CLASSES: readonly VoltageClass[] = [
  { kv: 750, minKv: 500, color: '#08306b', lineWidth: 3, substationSize: 13 },
  { kv: 220, minKv: 200, color: '#2171b5', lineWidth: 2, substationSize: 10 },
  { kv: 110, minKv: 0, color: '#5fa2d4', lineWidth: 1.2, substationSize: 7 },
];

export function voltageClass(kv: number): VoltageClass {
  const found = VOLTAGE_CLASSES.find((c) => kv >= c.minKv);
  // The last class starts at 0 kV, so only a negative voltage falls through.
  return found ?? (VOLTAGE_CLASSES[VOLTAGE_CLASSES.length - 1] as VoltageClass);
}

/** The basemap's quiet colours. */
export const BASEMAP_COLORS = {
  background: '#dde3e9',
  land: '#ebeae6',
  countryBorder: '#a9a9a9',
  region: '#fdfcfa',
  regionOutline: '#4d4d4d',
  prefectureOutline: '#9a9a9a',
  /** The region the filters narrow to: a dark teal that no status or voltage uses. */
  chosenRegion: '#0b5563',
  water: '#a9cbe6',
  /**
   * Rivers: the lakes' light blue, well apart from the 110 kV lines' mid blue (#8ab8de was ΔE 11–14 from it
   * under every simulated deficiency, and a river read as a line at z5–z9; docs/palette.md).
   */
  waterLine: '#a9cbe6',
  label: '#333333',
  labelMuted: '#6b6b6b',
  halo: '#ffffff',
} as const;

/** Pylons: hollow dots, so that they read as points on a line of any colour. */
export const PYLON_STYLE = { fill: '#ffffff', stroke: '#333333' } as const;

/** Site radius in pixels by load (MW), at the zoom where sites are drawn at scale 1 (about zoom 9). */
export const SITE_RADIUS_BY_LOAD: readonly (readonly [mw: number, px: number])[] = [
  [1, 3],
  [10, 5],
  [50, 9],
  [150, 15],
];

/**
 * Cluster radius in pixels by the summed load (MW) of its sites. Clusters are the server's 64-unit grid cells,
 * about 8 px apart on screen, so they stay close to the size of single sites and overlap rather than grow.
 */
export const CLUSTER_RADIUS_BY_LOAD: readonly (readonly [mw: number, px: number])[] = [
  [1, 3],
  [10, 5],
  [50, 8],
  [150, 12],
  [400, 18],
];

/** The analysis overlay: the radius around the chosen substation and the site picked from its list. */
export const FOCUS_STYLE = { radius: '#1f5fa8', site: '#111111', hover: '#0072b2' } as const;

/** Inspection zones: a violet apart from the status hues and the grid's blues; closed zones fade. */
export const ZONE_STYLE = { color: '#5b3fa8', closedColor: '#8c8c8c' } as const;

/**
 * Unexplained load at substations: graduated circles, areas proportional to the MW (a sqrt scale, so a
 * substation with four times the load reads as four times the ink). A fixed scale rather than one fitted to the
 * largest value: a circle means the same MW on any day, and the legend shows round reference sizes.
 */
export const UNEXPLAINED_STYLE = {
  fill: '#8e44ad',
  stroke: '#4a235a',
  fillOpacity: 0.35,
  /** Pixels of radius per √MW: 100 MW is a 20 px circle. */
  pxPerSqrtMw: 2,
  /** The reference sizes the legend draws. */
  legendMw: [10, 50, 100],
} as const;

/**
 * Unlicensed load by prefecture: five classes with fixed breaks in MW (docs/progress.md, "Analysis panels").
 * A neutral class of its own for "none", then a sequential red-purple ramp (ColorBrewer RdPu) that stays
 * apart from the sites' status hues and from the grid's blues.
 */
export const REGION_LOAD_BREAKS_MW = [5, 20, 100] as const;
export const REGION_LOAD_COLORS = ['#f1eee6', '#fbb4b9', '#f768a1', '#c51b8a', '#7a0177'] as const;
export const REGION_LOAD_OPACITY = 0.65;
