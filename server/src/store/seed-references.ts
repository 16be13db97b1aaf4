import type { SeedData } from '@gridwatch/contract';

export type SeedKind = 'region' | 'utility' | 'substation' | 'line' | 'site';
/** The id in both stores of the seed row of this kind with this externalId (null for null). */
export type SeedRef = (kind: SeedKind, key: string | null) => number | null;

/**
 * The ids that a seed's rows get in both stores (1…n in seed order) and the lookup of references by
 * externalId, so that the bulk loaders resolve them without reading anything back.
 */
export function seedReferences(seed: SeedData) {
  const idsOf = <T extends { externalId: string }>(rows: T[]) =>
    new Map(rows.map((row, i) => [row.externalId, i + 1]));
  const ids: Record<SeedKind, Map<string, number>> = {
    region: idsOf(seed.regions),
    utility: idsOf(seed.utilities),
    substation: idsOf(seed.substations),
    line: idsOf(seed.lines),
    site: idsOf(seed.sites),
  };
  const ref: SeedRef = (kind, key) => {
    if (key === null) return null;
    const id = ids[kind].get(key);
    if (id === undefined) throw new Error(`seed: ${kind} "${key}" does not exist`);
    return id;
  };
  // Each site's status_changed_at: the time of its last change in the history being loaded.
  const lastChange = new Map<string, string>();
  for (const c of seed.statusChanges) lastChange.set(c.siteExternalId, c.at);
  return { ref, lastChange };
}
