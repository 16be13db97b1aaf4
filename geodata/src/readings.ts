/**
 * Synthetic hourly meter readings for the demo (PROVENANCE.md, "Readings"): a year of each metered
 * substation's load, consistent with the sites' status histories and hiding the ten farms as flat steps.
 *
 * - Ordinary load: the reported base load shaped by season (Xinjiang's heating winter above its summer) and by
 *   the hour (low at night, an evening peak), with 1 % noise; its peak stays just under the base load.
 * - Each site draws its load at the substation that explains it on the server (its feeder, else the nearest
 *   metered substation within 10 km) while its status draws power: from its first record, off when shut down,
 *   on again when found running (SUSPECTED), and a licensed site stays.
 * - Each hidden farm switches on at an hour of a day the generator picks and runs flat, 24/7, to the end.
 */
import { haversineKm, type SeedData, type SeedReadingSeries, type Status } from '@gridwatch/contract';
import { drawsPower, type HiddenFarm } from './loads';
import { deriveSeed, Rng } from './prng';

/** The year read: Beijing days 2026-01-01 … 2026-12-31 (hours since the epoch of 00:00 Beijing on 1 January). */
export const READINGS_FROM_HOUR = (Date.parse('2026-01-01T00:00:00Z') - 8 * 3_600_000) / 3_600_000;
export const READINGS_HOURS = 365 * 24;
/** Hidden farms switch on between these Beijing days (a baseline of a month before, weeks after). */
const HIDDEN_FIRST_DAY = 31;
const HIDDEN_LAST_DAY = 304;
const EXPLAIN_RADIUS_KM = 10;

export interface HiddenFarmStart {
  substationExternalId: string;
  /** The Beijing day (YYYY-MM-DD) its load appears, and the hour since the epoch. */
  day: string;
  hour: number;
  loadMw: number;
}

const hourOfIso = (iso: string) => Math.floor(Date.parse(iso) / 3_600_000);

/** The metered substation whose meter each site draws through (server: store/sql/explanation-sql.ts). */
function meterOf(seed: SeedData, metered: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  const meters = seed.substations.filter((s) => metered.has(s.externalId));
  for (const site of seed.sites) {
    if (site.feederSubstationExternalId) {
      out.set(site.externalId, site.feederSubstationExternalId);
      continue;
    }
    let best: { id: string; d: number } | null = null;
    for (const s of meters) {
      const d = haversineKm(site.lon, site.lat, s.lon, s.lat);
      if (d <= EXPLAIN_RADIUS_KM && (!best || d < best.d)) best = { id: s.externalId, d };
    }
    if (best) out.set(site.externalId, best.id);
  }
  return out;
}

export function generateReadings(
  seed: SeedData,
  hidden: readonly HiddenFarm[],
  seedNumber: number,
): { readings: SeedReadingSeries[]; hiddenStarts: HiddenFarmStart[] } {
  const rng = new Rng(deriveSeed(seedNumber, 'readings'));
  const metered = new Set(
    seed.substations
      .filter((s) => s.baseLoadMw !== null && s.meteredPeakMw !== null)
      .map((s) => s.externalId),
  );
  const series = new Map<string, Float64Array>();
  // Ordinary load.
  for (const s of seed.substations) {
    if (!metered.has(s.externalId)) continue;
    const mw = new Float64Array(READINGS_HOURS);
    const base = s.baseLoadMw!;
    for (let h = 0; h < READINGS_HOURS; h++) {
      const day = Math.floor(h / 24);
      const local = h % 24;
      const season = Math.cos((2 * Math.PI * (day - 15)) / 365); // +1 mid-January, −1 mid-July
      const daily = Math.cos((2 * Math.PI * (local - 20)) / 24); // evening peak at 20:00
      mw[h] = base * (0.72 + 0.1 * season + 0.14 * daily + 0.01 * rng.normal());
    }
    series.set(s.externalId, mw);
  }
  // Known sites, by their status histories.
  const meter = meterOf(seed, metered);
  const load = new Map(seed.sites.map((s) => [s.externalId, s.loadMw]));
  const bySite = new Map<string, { hour: number; status: Status }[]>();
  for (const c of seed.statusChanges) {
    let list = bySite.get(c.siteExternalId);
    if (!list) bySite.set(c.siteExternalId, (list = []));
    list.push({ hour: hourOfIso(c.at) - READINGS_FROM_HOUR, status: c.toStatus });
  }
  for (const [siteId, changes] of bySite) {
    const mw = series.get(meter.get(siteId) ?? '');
    if (!mw) continue;
    const siteMw = load.get(siteId) ?? 0;
    changes.forEach((c, i) => {
      if (!drawsPower(c.status)) return;
      const from = Math.max(0, c.hour + 1);
      const to = Math.min(READINGS_HOURS, i + 1 < changes.length ? changes[i + 1]!.hour + 1 : READINGS_HOURS);
      for (let h = from; h < to; h++) mw[h]! += siteMw;
    });
  }
  // Hidden farms: a flat step each.
  const hiddenStarts: HiddenFarmStart[] = [];
  for (const farm of hidden) {
    const mw = series.get(farm.substationExternalId);
    if (!mw) continue;
    const start = rng.int(HIDDEN_FIRST_DAY, HIDDEN_LAST_DAY) * 24 + rng.int(0, 23);
    for (let h = start; h < READINGS_HOURS; h++) mw[h]! += farm.loadMw * (1 + 0.003 * rng.normal());
    hiddenStarts.push({
      substationExternalId: farm.substationExternalId,
      day: new Date((READINGS_FROM_HOUR + start + 8) * 3_600_000).toISOString().slice(0, 10),
      hour: READINGS_FROM_HOUR + start,
      loadMw: farm.loadMw,
    });
  }
  const readings = [...series.entries()].map(([substationExternalId, mw]) => ({
    substationExternalId,
    fromHour: READINGS_FROM_HOUR,
    // Metres read to the kilowatt.
    mw: Array.from(mw, (x) => Math.round(Math.max(0, x) * 1000) / 1000),
  }));
  return { readings, hiddenStarts };
}
