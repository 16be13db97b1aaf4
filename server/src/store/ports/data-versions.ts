/**
 * The data versions (migration 0015, docs/scaling.md "HTTP caching"): one counter per layer that every write of
 * it advances in its own transaction. What the ETags of tiles and layer reads are made of.
 */
export type VersionedLayer = 'regions' | 'substations' | 'lines' | 'pylons' | 'sites' | 'zones' | 'utilities';

export type DataVersions = Readonly<Record<VersionedLayer, number>>;

export interface DataVersionsPort {
  /** Every layer's counter, read in one statement (so from one snapshot). */
  dataVersions(): Promise<DataVersions>;
}
