/**
 * The shape of the seed data that the generator produces and the stores load.
 * Plain data, WGS 84 lon/lat, no database ids: references between entities go by externalId.
 */
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import type { SeedValues } from './columns/column';
import type { SITE_COLUMNS } from './columns/sites';
import type { Status } from './status';

export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface SeedRegion {
  externalId: string;
  code: string; // adcode
  name: string;
  nameZh: string;
  level: RegionLevel;
  geometry: MultiPolygon;
  synthetic: boolean;
}

export interface SeedUtility {
  externalId: string;
  name: string;
  nameZh: string;
  regionExternalId: string | null;
}

export interface SeedSubstation {
  externalId: string;
  name: string;
  nameZh: string;
  voltageKv: number; // 110, 220 or 750
  capacityMva: number;
  utilityExternalId: string;
  baseLoadMw: number | null;
  meteredPeakMw: number | null;
  lon: number;
  lat: number;
  synthetic: boolean;
}

export interface SeedLine {
  externalId: string;
  name: string;
  nameZh: string;
  voltageKv: number;
  fromSubstationExternalId: string | null;
  toSubstationExternalId: string | null;
  geometry: LineString;
  synthetic: boolean;
}

export interface SeedPylon {
  externalId: string;
  lineExternalId: string;
  seq: number; // 1-based along the line
  lon: number;
  lat: number;
  synthetic: boolean;
}

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

export interface SeedData {
  regions: SeedRegion[];
  utilities: SeedUtility[];
  substations: SeedSubstation[];
  lines: SeedLine[];
  pylons: SeedPylon[];
  sites: SeedSite[];
  /** Ordered by time; for each site the first record is its creation and the last one ends in its current status. */
  statusChanges: SeedStatusChange[];
}
