import type { ExplainingSite } from '../../domain/signatures/explained-by-day';
import type { DailyLoad, HourlyReading } from '../../domain/signatures/daily-load';

/** One meter's days (store/sql/readings-sql.ts folds them in SQL, as domain/signatures/daily-load.ts does). */
export interface MeterDay extends DailyLoad {
  substationId: number;
}

/** A reading to write: the substation by id, the hour since the epoch, the megawatts. */
export interface ReadingRows {
  substationIds: Int32Array;
  hours: Int32Array;
  mw: Float64Array;
}

/** The substations' hourly metered load (migration 0013, docs/detection.md). */
export interface ReadingsPort {
  /** One substation's readings of hours [fromHour, toHour), in hour order. */
  substationReadings(substationId: number, fromHour: number, toHour: number): Promise<HourlyReading[]>;
  /** Every readable meter's days whose hours lie in [fromHour, toHour), by substation then day. */
  meterDays(fromHour: number, toHour: number): Promise<MeterDay[]>;
  /** Each site that explains a meter (its feeder, else the nearest metered substation within radiusKm), with its records. */
  explainingSites(radiusKm: number): Promise<ExplainingSite[]>;
  /** The ids of the substations with these externalIds the request may read. */
  substationIdsByExternalId(externalIds: readonly string[]): Promise<Map<string, number>>;
  /** Writes the readings in one transaction (a reading of an hour already read replaces it); returns how many. */
  writeReadings(rows: ReadingRows): Promise<number>;
}
