import type { MultiPolygon, Polygon } from 'geojson';
import { bboxOfCoordinates } from './bbox';
import { preparePointInPolygon } from './point-in-polygon';

/** The point layers whose features are filed under the regions that hold them. */
export const MEMBER_LAYERS = ['sites', 'substations', 'pylons'] as const;
export type MemberLayer = (typeof MEMBER_LAYERS)[number];

export interface RegionArea {
  id: number;
  geometry: Polygon | MultiPolygon;
}

export interface IdPoint {
  id: number;
  lon: number;
  lat: number;
}

/** One row of `region_members`: the region `regionId` holds the feature `featureId`. */
export interface RegionMember {
  regionId: number;
  featureId: number;
}

/**
 * Which regions hold which points, boundary included (the exact test of "sites in a zone", DOMAIN.md): a point
 * on a border shared by two regions is in both, and a point of a prefecture is also in its province. Prepares
 * each region once and skips it by its box, so the 28,000 pylons of the seed against 15 regions take
 * milliseconds. Rows come ordered by region, then by the points' order.
 */
export function regionMembers(regions: readonly RegionArea[], points: readonly IdPoint[]): RegionMember[] {
  const members: RegionMember[] = [];
  for (const region of regions) {
    const [minLon, minLat, maxLon, maxLat] = bboxOfCoordinates(region.geometry.coordinates);
    const inside = preparePointInPolygon(region.geometry);
    for (const { id, lon, lat } of points) {
      if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) continue;
      if (inside([lon, lat])) members.push({ regionId: region.id, featureId: id });
    }
  }
  return members;
}
