import type { QueryKey } from '@tanstack/react-query';
import type { LayerId } from '../api';

/**
 * The API's reads, each named by the first part of its query key; the rest of the key is what the read is asked
 * (layer, filters, radius, day …). Beside each, the layers whose writes change its answer.
 */
export const READS = {
  layer: [], // the layer named in the key
  feature: [], // the layer named in the key
  hotspots: ['sites', 'substations'],
  'unlicensed-load': ['sites', 'substations'],
  'unexplained-load': ['sites', 'substations', 'lines'],
  'region-loads': ['sites', 'regions'],
  // A substation's readings and the explained part under them; the ranking of every meter (docs/detection.md).
  readings: ['sites', 'substations'],
  signatures: ['sites', 'substations'],
  progress: ['sites'],
  'progress-report': ['sites'],
  'progress-series': ['sites'],
  // A draft's figures and every report's discrepancies are read from the sites' records.
  'report-periods': [],
  reports: ['sites'],
  report: ['sites'],
  'reports-overview': ['sites'],
  zone: ['zones'],
  'zone-sites': ['zones', 'sites'],
  'site-history': ['sites'],
  'containing-zones': ['zones', 'sites'],
  'map-config': [],
  // Read once: the map's first view is made from it.
  layers: [],
  search: ['regions', 'zones', 'lines', 'pylons', 'substations', 'sites'],
  health: [],
  'api-tokens': [],
  // The users screen reads its list again after each of its own changes.
  users: [],
} as const satisfies Record<string, readonly LayerId[]>;

export type ReadName = keyof typeof READS;

/** A query key: the read, then its parameters. */
export const queryKey = (read: ReadName, ...params: unknown[]): QueryKey => [read, ...params];

/** Whether a write to any of `layers` changes the answer cached under `key`. */
export function readsAny(key: QueryKey, layers: readonly LayerId[]): boolean {
  const [read, first] = key;
  if (read === 'layer' || read === 'feature') return layers.includes(first as LayerId);
  const reads: readonly LayerId[] = READS[read as ReadName] ?? [];
  return reads.some((layer) => layers.includes(layer));
}
