import { endOfDayIso, startOfDayMs } from '@gridwatch/contract';
import { roundTo3 } from './geo/haversine';
import { sumTerm } from './sum-term';
import type { Status } from '@gridwatch/contract';

/**
 * Load that a substation's meter sees but nobody has reported (DOMAIN.md, docs/detection.md): the day's metered
 * peak − ordinary base load − licensed mining − known illegal mining. "Known illegal" counts every site that is
 * reported and still drawing power, SUSPECTED included: a reported farm explains its load even before
 * inspection confirms it, and the point of this number is to find the farms that nobody has reported.
 */
export const KNOWN_ILLEGAL: readonly Status[] = [
  'UNLICENSED',
  'NO_CONTRACT',
  'SHUTDOWN_ORDERED',
  'SUSPECTED',
];

/** Milliseconds in an hour: readings are keyed by hours since the epoch. */
export const HOUR_MS = 3_600_000;

/** A Beijing calendar day as the readings and the status records are queried. */
export interface ReadingDay {
  day: string;
  /** Its first hour (00:00 Beijing) in hours since 1970-01-01T00:00Z; the day is this and the next 23. */
  fromHour: number;
  /** The end of the day as the status records' `at` compares (docs/progress.md). */
  endIso: string;
}

/** The day's hours and end instant; the day must have been parsed (packages/contract calendar-day.ts). */
export function readingDay(day: string): ReadingDay {
  return { day, fromHour: startOfDayMs(day) / HOUR_MS, endIso: endOfDayIso(day) };
}

export interface SubstationLoads {
  substationId: number;
  name: string;
  nameZh: string;
  /** The peak the utility reported once, undated (null when it has readings only). */
  meteredPeakMw: number | null;
  /** The peak of the day's hourly readings (null: no reading that day). */
  readingsPeakMw: number | null;
  readingCount: number;
  baseLoadMw: number;
  licensedLoadMw: number;
  knownIllegalLoadMw: number;
}

export interface UnexplainedLoad {
  substationId: number;
  name: string;
  nameZh: string;
  asOf: string;
  /** The metered load the answer subtracts from: the day's peak reading, else the reported undated peak. */
  meteredPeakMw: number;
  meteredSource: 'readings' | 'reported';
  readingCount: number;
  baseLoadMw: number;
  licensedLoadMw: number;
  knownIllegalLoadMw: number;
  /** Negative when more is explained than metered: a site recorded at the wrong substation, or a stale load. */
  unexplainedMw: number;
}

/**
 * Each substation's unexplained load on the day, rounded to 3 decimals, largest first (ties by id). A
 * substation with no reading that day falls back on its reported peak; one with neither is left out. The sums
 * come capped from the store (store/sql/sum-sql.ts); the meter and base readings count at most SUM_TERM_CAP_MW.
 */
export function rankUnexplainedLoad(day: string, rows: readonly SubstationLoads[]): UnexplainedLoad[] {
  return rows
    .flatMap((r) => {
      const metered = r.readingsPeakMw ?? r.meteredPeakMw;
      if (metered === null) return [];
      return [
        {
          substationId: r.substationId,
          name: r.name,
          nameZh: r.nameZh,
          asOf: day,
          meteredPeakMw: roundTo3(metered),
          meteredSource: r.readingsPeakMw === null ? ('reported' as const) : ('readings' as const),
          readingCount: r.readingCount,
          baseLoadMw: roundTo3(r.baseLoadMw),
          licensedLoadMw: roundTo3(r.licensedLoadMw),
          knownIllegalLoadMw: roundTo3(r.knownIllegalLoadMw),
          unexplainedMw: roundTo3(
            sumTerm(metered) - sumTerm(r.baseLoadMw) - r.licensedLoadMw - r.knownIllegalLoadMw,
          ),
        },
      ];
    })
    .sort((a, b) => b.unexplainedMw - a.unexplainedMw || a.substationId - b.substationId);
}
