/**
 * Synthetic mining sites, streamed one at a time so that a million of them can be written without holding
 * them all. Farms cluster around substations, most of all at the coal bases with cheap power; sizes are
 * heavy-tailed (many small farms, a few of 50–150 MW, as reported for Xinjiang in 2018–2021).
 */
import type { Polygon } from 'geojson';
import { offsetKm, roundTo } from './geo';
import { operatorName, SITE_KINDS } from './operators';
import type { PointGrid } from './point-grid';
import type { Containment } from './containment';
import { PREFECTURES, prefectureAt } from './prefectures';
import type { Rng } from './prng';
import { WeightedPicker } from './prng';
import type { SeedSite, SeedStatusChange } from '@gridwatch/contract';
import { buildChain } from './status-chains';
import type { GridSubstation } from './substations';

/** A site is fed by the nearest substation within this distance (brief: ~15 km). */
export const FEEDER_RADIUS_M = 15_000;

export interface SiteWorld {
  outline: Containment;
  substations: readonly GridSubstation[];
  grid: PointGrid<GridSubstation>;
}

export interface GeneratedSite {
  site: SeedSite;
  feeder: GridSubstation | null;
  changes: SeedStatusChange[];
  changeTimes: number[];
}

function targetMw(rng: Rng): number {
  const r = rng.next();
  if (r < 0.35) return rng.logRange(0.3, 1);
  if (r < 0.92) return rng.logRange(1, 6);
  if (r < 0.988) return rng.logRange(8, 35);
  return rng.range(50, 150);
}

function attraction(s: GridSubstation, big: boolean): number {
  const cheap = s.place.cheapPower ? 4 : 1;
  const park = s.place.kind === 'park' ? 1.5 : 1;
  const voltage = big ? (s.voltageKv === 110 ? 0 : s.voltageKv === 220 ? 2 : 3) : s.voltageKv === 220 ? 2 : 1;
  return voltage * cheap * park;
}

/** A square footprint for the big farms, about 35 m × √MW a side (warehouses and container rows). */
function footprint(lon: number, lat: number, loadMw: number): Polygon {
  const half = (0.035 * Math.sqrt(loadMw)) / 2;
  const corner = (e: number, n: number) => offsetKm(lon, lat, e * half, n * half).map((v) => roundTo(v, 6));
  return {
    type: 'Polygon',
    coordinates: [[corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1), corner(-1, -1)]],
  };
}

export function* generateSites(world: SiteWorld, count: number, rng: Rng): Generator<GeneratedSite> {
  const small = new WeightedPicker(world.substations, (s) => attraction(s, false));
  const big = new WeightedPicker(world.substations, (s) => attraction(s, true));
  const perPlace = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const externalId = `MS-${String(i + 1).padStart(6, '0')}`;
    const mw = targetMw(rng);
    const kw = roundTo(rng.range(1.3, 3.3), 2);
    const machines = Math.max(1, Math.round((mw * 1000) / kw));
    const loadMw = roundTo((machines * kw) / 1000, 3);
    const anchor = (mw >= 8 ? big : small).pick(rng);
    const far = rng.chance(0.12);
    let lon = anchor.lon;
    let lat = anchor.lat;
    for (let attempt = 0; attempt < 8; attempt++) {
      // Substations sit at least 3 km inside the outline, so the last attempt (≤ 2 km) always lands inside.
      const distance = attempt === 7 ? rng.range(0.3, 2) : far ? rng.range(16, 40) : rng.range(0.8, 12);
      const bearing = rng.range(0, 2 * Math.PI);
      const [x, y] = offsetKm(
        anchor.lon,
        anchor.lat,
        distance * Math.sin(bearing),
        distance * Math.cos(bearing),
      );
      if (world.outline.contains(x, y)) {
        lon = roundTo(x, 6);
        lat = roundTo(y, 6);
        break;
      }
    }
    const feeder = world.grid.nearestWithin(lon, lat, FEEDER_RADIUS_M);
    const prefecture = PREFECTURES[feeder ? feeder.prefecture : prefectureAt(lon, lat)];
    if (!prefecture) throw new Error('site outside every prefecture');
    const chain = buildChain(
      { siteExternalId: externalId, pace: prefecture.pace, team: prefecture.slug },
      rng,
    );
    const registered = chain.changes.some((c) => c.toStatus === 'LICENSED' || c.toStatus === 'NO_CONTRACT');
    const [kind, kindZh] = registered ? rng.pick(SITE_KINDS.slice(0, 3)) : rng.pick(SITE_KINDS);
    const n = (perPlace.get(anchor.place.key) ?? 0) + 1;
    perPlace.set(anchor.place.key, n);
    yield {
      site: {
        externalId,
        name: `${anchor.place.name} ${kind} ${n}`,
        nameZh: `${anchor.place.nameZh}${kindZh}${n}号`,
        operator: operatorName(rng, registered),
        machines,
        loadMw,
        status: chain.status,
        feederSubstationExternalId: feeder?.externalId ?? null,
        firstObserved: chain.firstObserved,
        lon,
        lat,
        footprint: loadMw >= 20 ? footprint(lon, lat, loadMw) : null,
        synthetic: true,
      },
      feeder,
      changes: chain.changes,
      changeTimes: chain.times,
    };
  }
}
