import { STATUSES, type Status } from '@gridwatch/contract';
import type { LayerFilter, LayerId } from '../api';
import { VOLTAGE_CLASSES } from '../map/palette';

/** What the planner narrows the map to; one state for the map, the table and the exports alike. */
export interface MapFilters {
  status: readonly Status[];
  voltageKv: readonly number[];
  utility: number | null;
  /** A region's id: the points it holds, boundary included. */
  region: number | null;
  minLoadMw: number | null;
  maxLoadMw: number | null;
  /** A past day (YYYY-MM-DD, Beijing time): sites drawn, listed and exported with their status then; null: now. */
  asOf: string | null;
}

/** The network's voltages, highest first, as the legend lists them. */
export const VOLTAGES: readonly number[] = VOLTAGE_CLASSES.map((c) => c.kv);

export const NO_FILTERS: MapFilters = {
  status: STATUSES,
  voltageKv: VOLTAGES,
  utility: null,
  region: null,
  minLoadMw: null,
  maxLoadMw: null,
  asOf: null,
};

/** The API refuses a minimum above the maximum; such a range, while it is being typed, filters nothing. */
export function loadRangeValid({ minLoadMw, maxLoadMw }: MapFilters): boolean {
  return minLoadMw === null || maxLoadMw === null || minLoadMw <= maxLoadMw;
}

/** A list with every value chosen is sent as none, which the API reads as no filter (and keeps URLs short). */
function narrowed<T>(chosen: readonly T[], all: readonly T[]): readonly T[] | undefined {
  return all.every((v) => chosen.includes(v)) ? undefined : chosen;
}

/** The filters the API takes for a layer: it refuses a filter on a layer it does not apply to. */
export function layerFilter(layer: LayerId, filters: MapFilters): LayerFilter {
  const utility = filters.utility ?? undefined;
  const region = filters.region ?? undefined;
  const voltageKv = narrowed(filters.voltageKv, VOLTAGES);
  if (layer === 'substations') return { voltageKv, utility, region };
  if (layer === 'lines') return { voltageKv };
  if (layer === 'pylons') return { region };
  if (layer !== 'sites') return {};
  const range = loadRangeValid(filters)
    ? { minLoadMw: filters.minLoadMw ?? undefined, maxLoadMw: filters.maxLoadMw ?? undefined }
    : {};
  const asOf = filters.asOf ?? undefined;
  return { status: narrowed(filters.status, STATUSES), utility, region, ...range, asOf };
}
