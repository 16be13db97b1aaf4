/**
 * Synthetic substations: 750 kV hubs at the backbone's cities, 220 kV near every city and industrial park, and
 * 110 kV at every county seat and around the busier places. All of them lie inside the outline and at least
 * SAFE_KM from its edge, so that farms placed around them can stay in Xinjiang too.
 */
import { haversineKm } from '@gridwatch/contract';
import { offsetKm } from './geo';
import { PLACES, placeByKey, type Place } from './places';
import type { Containment } from './containment';
import { PREFECTURES, prefectureAt } from './prefectures';
import type { Rng } from './prng';
import { WeightedPicker } from './prng';

export interface GridSubstation {
  externalId: string;
  name: string;
  nameZh: string;
  voltageKv: 110 | 220 | 750;
  /** Transformer capacity before loads are known; raised later if the metered peak needs more. */
  nominalMva: number;
  lon: number;
  lat: number;
  place: Place;
  prefecture: number;
  /** The place key of a 750 kV hub, for the authored backbone. */
  hub: string | null;
}

/** Hubs of the 750 kV backbone, at these places. */
export const HUB_PLACES = [
  'urumqi',
  'changji',
  'zhundong-wucaiwan',
  'shihezi',
  'kuitun',
  'karamay',
  'tacheng',
  'altay',
  'bole',
  'yining',
  'turpan',
  'hami',
  'korla',
  'kuqa',
  'aksu',
  'bachu',
  'kashgar',
  'hotan',
] as const;

const SAFE_KM = 3;
const SUFFIXES: readonly [string, string][] = [
  ['', ''],
  [' East', '东'],
  [' West', '西'],
  [' South', '南'],
  [' North', '北'],
  [' Central', '中心'],
  [' New', '新'],
];
const NOMINAL_MVA: Record<110 | 220 | 750, readonly number[]> = {
  110: [63, 100, 126, 150],
  220: [360, 480, 540, 720],
  750: [3000, 4200, 6300],
};

export function generateSubstations(rng: Rng, outline: Containment): GridSubstation[] {
  const out: GridSubstation[] = [];
  const nameCount = new Map<string, number>();

  const safe = (lon: number, lat: number): boolean =>
    outline.contains(lon, lat) &&
    [
      [SAFE_KM, 0],
      [-SAFE_KM, 0],
      [0, SAFE_KM],
      [0, -SAFE_KM],
    ].every(([e = 0, n = 0]) => outline.contains(...offsetKm(lon, lat, e, n)));

  const tooClose = (lon: number, lat: number, minKm: number): boolean =>
    out.some((s) => haversineKm(lon, lat, s.lon, s.lat) < minKm);

  const add = (place: Place, voltageKv: 110 | 220 | 750, sigmaKm: number, minKm: number): void => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const spread = attempt < 20 ? sigmaKm : sigmaKm / 3;
      const [lon, lat] = offsetKm(place.lon, place.lat, rng.normal() * spread, rng.normal() * spread);
      if (!safe(lon, lat) || tooClose(lon, lat, minKm)) continue;
      const key = `${place.key}/${voltageKv}`;
      const n = nameCount.get(key) ?? 0;
      nameCount.set(key, n + 1);
      const [suffix, suffixZh] = SUFFIXES[n] ?? [` ${n + 1}`, `${n + 1}号`];
      out.push({
        externalId: `SS-${String(out.length + 1).padStart(4, '0')}`,
        name: `${place.name}${suffix} ${voltageKv} kV Substation`,
        nameZh: `${place.nameZh}${suffixZh}${voltageKv}千伏变电站`,
        voltageKv,
        nominalMva: rng.pick(NOMINAL_MVA[voltageKv]),
        lon,
        lat,
        place,
        prefecture: prefectureAt(lon, lat),
        hub: voltageKv === 750 ? place.key : null,
      });
      return;
    }
  };

  for (const key of HUB_PLACES) add(placeByKey(key), 750, 12, 5);

  const cityOrPark = PLACES.filter((p) => p.kind !== 'county');
  for (const place of cityOrPark) add(place, 220, 10, 6);
  const picker220 = new WeightedPicker(PLACES, (p) => (p.kind === 'county' ? 0.4 : p.weight));
  for (let i = 0; i < 55; i++) add(picker220.pick(rng), 220, 18, 6);

  for (const place of PLACES) add(place, 110, 6, 3);
  const picker110 = new WeightedPicker(PLACES, (p) => p.weight * (p.cheapPower ? 1.5 : 1));
  for (let i = 0; i < 120; i++) add(picker110.pick(rng), 110, 20, 3);

  return out;
}

export function utilityExternalId(prefecture: number): string {
  const pref = PREFECTURES[prefecture];
  if (!pref) throw new Error(`no prefecture ${prefecture}`);
  return `UT-${pref.code}`;
}
