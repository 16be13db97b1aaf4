/**
 * What the utilities report for each substation. The metered peak is the ordinary load plus every farm that
 * draws power through the substation, including a few large farms that are deliberately missing from the sites
 * table: their load is what DOMAIN.md's "unexplained load" should point at.
 */
import type { Status } from '@gridwatch/contract';
import { offsetKm, roundTo } from './geo';
import type { Rng } from './prng';
import type { SeedSubstation } from '@gridwatch/contract';
import { utilityExternalId, type GridSubstation } from './substations';

/** Statuses of farms that draw power now: everything but the verified-off and the never-found. */
const DRAWING: ReadonlySet<Status> = new Set<Status>([
  'LICENSED',
  'UNLICENSED',
  'NO_CONTRACT',
  'SHUTDOWN_ORDERED',
  'SUSPECTED',
]);

export function drawsPower(status: Status): boolean {
  return DRAWING.has(status);
}

export interface HiddenFarm {
  substationExternalId: string;
  loadMw: number;
  lon: number;
  lat: number;
}

const HIDDEN_FARM_COUNT = 10;
const UNREPORTED_SHARE = 0.12;
/** Capacity steps a substation is built in, by voltage, when its load outgrows the nominal size. */
const MVA_STEP: Record<number, number> = { 110: 50, 220: 180, 750: 1500 };

export function pickHiddenFarms(substations: readonly GridSubstation[], rng: Rng): HiddenFarm[] {
  const candidates = substations.filter((s) => s.voltageKv !== 750 && s.place.cheapPower);
  const farms: HiddenFarm[] = [];
  const used = new Set<string>();
  while (farms.length < HIDDEN_FARM_COUNT && used.size < candidates.length) {
    const s = rng.pick(candidates);
    if (used.has(s.externalId)) continue;
    used.add(s.externalId);
    const [lon, lat] = offsetKm(s.lon, s.lat, rng.range(-8, 8), rng.range(-8, 8));
    farms.push({
      substationExternalId: s.externalId,
      loadMw: roundTo(rng.range(30, 150), 3),
      lon: roundTo(lon, 6),
      lat: roundTo(lat, 6),
    });
  }
  return farms;
}

/**
 * The substations as seeded. knownMw is, per substation, the load of the sites it feeds that draw power now.
 * Reports are missing for about one substation in eight (never a 750 kV hub, never one hiding a farm).
 */
export function reportSubstations(
  substations: readonly GridSubstation[],
  knownMw: ReadonlyMap<GridSubstation, number>,
  hidden: readonly HiddenFarm[],
  rng: Rng,
): SeedSubstation[] {
  const hiddenMw = new Map<string, number>();
  for (const farm of hidden)
    hiddenMw.set(farm.substationExternalId, (hiddenMw.get(farm.substationExternalId) ?? 0) + farm.loadMw);
  return substations.map((s) => {
    const base = roundTo(s.nominalMva * 0.9 * rng.range(0.15, 0.45), 3);
    const metered = roundTo(base + (knownMw.get(s) ?? 0) + (hiddenMw.get(s.externalId) ?? 0), 3);
    const step = MVA_STEP[s.voltageKv] ?? 50;
    const needed = Math.ceil(metered / 0.85 / step) * step;
    const reported = s.voltageKv === 750 || hiddenMw.has(s.externalId) || !rng.chance(UNREPORTED_SHARE);
    return {
      externalId: s.externalId,
      name: s.name,
      nameZh: s.nameZh,
      voltageKv: s.voltageKv,
      capacityMva: Math.max(s.nominalMva, needed),
      utilityExternalId: utilityExternalId(s.prefecture),
      baseLoadMw: reported ? base : null,
      meteredPeakMw: reported ? metered : null,
      lon: roundTo(s.lon, 6),
      lat: roundTo(s.lat, 6),
      synthetic: true,
    };
  });
}
