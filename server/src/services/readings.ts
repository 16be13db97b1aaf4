import {
  endOfDayMs,
  startOfDayMs,
  todayInBeijing,
  type Readings,
  type SignatureList,
} from '@gridwatch/contract';
import { roundTo3 } from '../domain/geo/haversine';
import { dailyLoads, dayNumber, dayText } from '../domain/signatures/daily-load';
import { explainedByDay } from '../domain/signatures/explained-by-day';
import { rankSignatures, type ResidualDays } from '../domain/signatures/rank-signatures';
import type { StepOptions } from '../domain/signatures/step';
import { STEP_DEFAULTS } from '../domain/signatures/step';
import { HOUR_MS, KNOWN_ILLEGAL } from '../domain/unexplained-load';
import type { ReadingsPort, SpatialQueriesPort } from '../store/store';
import { unexplainedLoad } from './spatial-queries';

/** How far back the signatures look: a year of days up to the as-of day. */
export const SIGNATURE_DAYS = 365;

const LICENSED = new Set(['LICENSED'] as const);
const ILLEGAL = new Set(KNOWN_ILLEGAL);

/**
 * A substation's metered load over Beijing days [from, to] at an hour's or a day's resolution, with the load
 * its sites explain each day (licensed, known illegal: the status at each day's end).
 */
export async function readingsOf(
  store: Pick<ReadingsPort, 'substationReadings' | 'explainingSites'>,
  substation: { id: number; baseLoadMw: number | null },
  from: string,
  to: string,
  resolution: 'hour' | 'day',
  radiusKm = 10,
): Promise<Readings> {
  const fromHour = startOfDayMs(from) / HOUR_MS;
  const toHour = endOfDayMs(to) / HOUR_MS;
  const hourly = await store.substationReadings(substation.id, fromHour, toHour);
  const points =
    resolution === 'hour'
      ? hourly.map((r) => ({ at: new Date(r.hour * HOUR_MS).toISOString(), mw: r.mw, peakMw: r.mw }))
      : dailyLoads(hourly).map((d) => ({ at: dayText(d.day), mw: roundTo3(d.meanMw), peakMw: d.peakMw }));
  const sites = (await store.explainingSites(radiusKm)).filter((s) => s.substationId === substation.id);
  const first = dayNumber(from);
  const last = dayNumber(to);
  const licensed = explainedByDay(sites, LICENSED, first, last).get(substation.id);
  const illegal = explainedByDay(sites, ILLEGAL, first, last).get(substation.id);
  const explained = Array.from({ length: last - first + 1 }, (_, i) => ({
    day: dayText(first + i),
    licensedMw: roundTo3(licensed?.[i] ?? 0),
    knownIllegalMw: roundTo3(illegal?.[i] ?? 0),
  }));
  return {
    substationId: substation.id,
    from,
    to,
    resolution,
    baseLoadMw: substation.baseLoadMw,
    points,
    explained,
  };
}

/**
 * The meters ranked by unexplained load that carries mining signatures, as of a Beijing day (docs/detection.md):
 * each meter's year of days up to it, minus the load its sites explained each day, searched for a sustained
 * step and judged for flatness; the unexplained load of the day itself is the unexplained-load answer's.
 */
export async function signatures(
  store: Pick<ReadingsPort, 'meterDays' | 'explainingSites'> & Pick<SpatialQueriesPort, 'substationLoads'>,
  query: { asOf?: string; radiusKm: number; minStepMw: number },
  asOf: string = query.asOf ?? todayInBeijing(Date.now()),
): Promise<SignatureList> {
  const options: StepOptions = { ...STEP_DEFAULTS, minStepMw: query.minStepMw };
  const last = dayNumber(asOf);
  const first = last - SIGNATURE_DAYS + 1;
  const days = await store.meterDays(startOfDayMs(dayText(first)) / HOUR_MS, endOfDayMs(asOf) / HOUR_MS);
  const unexplained = new Map(
    (await unexplainedLoad(store, query.radiusKm, asOf)).map((r) => [r.substationId, r]),
  );
  const explaining = new Set(['LICENSED', ...KNOWN_ILLEGAL] as const);
  const explained = explainedByDay(await store.explainingSites(query.radiusKm), explaining, first, last);
  const meters = new Map<number, ResidualDays>();
  const n = last - first + 1;
  for (const d of days) {
    const row = unexplained.get(d.substationId);
    if (!row) continue;
    let m = meters.get(d.substationId);
    if (!m) {
      const empty = () => new Float64Array(n).fill(NaN);
      m = {
        substationId: row.substationId,
        name: row.name,
        nameZh: row.nameZh,
        fromDay: first,
        meanMw: empty(),
        peakMw: empty(),
        nightMw: empty(),
        dayMw: empty(),
        unexplainedMw: row.unexplainedMw,
      };
      meters.set(d.substationId, m);
    }
    const i = d.day - first;
    if (i < 0 || i >= n) continue;
    const known = explained.get(d.substationId)?.[i] ?? 0;
    (m.meanMw as Float64Array)[i] = d.meanMw - known;
    (m.peakMw as Float64Array)[i] = d.peakMw - known;
    (m.nightMw as Float64Array)[i] = d.nightMw === null ? NaN : d.nightMw - known;
    (m.dayMw as Float64Array)[i] = d.dayMw === null ? NaN : d.dayMw - known;
  }
  return { asOf, substations: rankSignatures([...meters.values()], asOf, options) };
}
