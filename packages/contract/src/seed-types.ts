/**
 * The shape of the seed data that the generator produces and the stores load.
 * Plain data, WGS 84 lon/lat, no database ids: references between entities go by externalId.
 */
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import type { SeedValues } from './columns/column';
import type { LINE_COLUMNS } from './columns/lines';
import type { PYLON_COLUMNS } from './columns/pylons';
import type { REGION_COLUMNS } from './columns/regions';
import type { SITE_COLUMNS } from './columns/sites';
import type { SUBSTATION_COLUMNS } from './columns/substations';
import type { Status } from './status';

/** A region: the seeded columns of REGION_COLUMNS and its area. */
export type SeedRegion = SeedValues<typeof REGION_COLUMNS> & { geometry: MultiPolygon };

export interface SeedUtility {
  externalId: string;
  name: string;
  nameZh: string;
  regionExternalId: string | null;
}

/** A substation: the seeded columns of SUBSTATION_COLUMNS (its utility by externalId) and its position. */
export type SeedSubstation = Omit<SeedValues<typeof SUBSTATION_COLUMNS>, 'utilityExternalId'> & {
  /** Every seeded substation has a utility (imported ones may not). */
  utilityExternalId: string;
  lon: number;
  lat: number;
};

/** A line: the seeded columns of LINE_COLUMNS (its end substations by externalId) and its path. */
export type SeedLine = SeedValues<typeof LINE_COLUMNS> & { geometry: LineString };

/** A pylon: the seeded columns of PYLON_COLUMNS (its line by externalId) and its position. */
export type SeedPylon = SeedValues<typeof PYLON_COLUMNS> & { lon: number; lat: number };

/** A site: the seeded columns of SITE_COLUMNS (the feeder by externalId), its position and footprint. */
export type SeedSite = SeedValues<typeof SITE_COLUMNS> & {
  lon: number;
  lat: number;
  footprint: Polygon | null;
};

export interface SeedStatusChange {
  siteExternalId: string;
  fromStatus: Status | null; // null = creation
  toStatus: Status;
  note: string;
  username: string;
  at: string; // ISO 8601 UTC timestamp
}

/** A site an admin retired (DELETE /api/sites/:id), as a database that holds one has it: with its audit row. */
export interface SeedRetirement {
  siteExternalId: string;
  at: string; // ISO 8601 UTC timestamp
  username: string;
  reason: string;
}

/**
 * A substation's metered load, hour by hour from `fromHour` (hours since 1970-01-01T00:00Z): `mw[i]` is the
 * reading of hour `fromHour + i`. A series, not rows, so a year of the demo's meters stays compact in memory.
 */
export interface SeedReadingSeries {
  substationExternalId: string;
  fromHour: number;
  mw: ArrayLike<number>;
}

export interface SeedData {
  regions: SeedRegion[];
  utilities: SeedUtility[];
  substations: SeedSubstation[];
  lines: SeedLine[];
  pylons: SeedPylon[];
  sites: SeedSite[];
  /** Ordered by time; for each site the first record is its creation and the last one ends in its current status. */
  statusChanges: SeedStatusChange[];
  /** Sites retired since (none when absent): left out of every read. */
  retirements?: SeedRetirement[];
  /** Hourly metered load per substation (none when absent; docs/detection.md). */
  readings?: SeedReadingSeries[];
}
