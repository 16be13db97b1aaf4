import type { SeedData } from '@gridwatch/contract';
import { regionMembers, type MemberLayer, type RegionMember } from '../domain/geo/region-members';

/**
 * The region memberships of the seed's points, with the ids the loaders give (seed order, 1..n), so both
 * loaders write the same `region_members` rows in bulk with the rest of the seed.
 */
export function seedRegionMembers(seed: SeedData): { layer: MemberLayer; members: RegionMember[] }[] {
  const regions = seed.regions.map((r, i) => ({ id: i + 1, geometry: r.geometry }));
  const withIds = (points: readonly { lon: number; lat: number }[]) =>
    points.map((p, i) => ({ id: i + 1, lon: p.lon, lat: p.lat }));
  return [
    { layer: 'substations', members: regionMembers(regions, withIds(seed.substations)) },
    { layer: 'pylons', members: regionMembers(regions, withIds(seed.pylons)) },
    { layer: 'sites', members: regionMembers(regions, withIds(seed.sites)) },
  ];
}
