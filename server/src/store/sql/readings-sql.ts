import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Status } from '@gridwatch/contract';
import type { ExplainingSite } from '../../domain/signatures/explained-by-day';
import { DAY_HOURS, NIGHT_HOURS, type HourlyReading } from '../../domain/signatures/daily-load';
import type { MeterDay, ReadingRows } from '../ports/readings';
import type { Row } from '../row-values';
import { explainingSubstationSql } from './explanation-sql';
import type { ImportClient, ImportTx } from './import-client';
import { SCOPED } from './scoped-sql';

/** Readings a statement writes: 50,000 rows are ~1.5 MB of parameter, and few round trips for millions. */
export const READINGS_CHUNK = 50_000;

export async function substationReadings(
  db: ImportClient,
  substationId: number,
  fromHour: number,
  toHour: number,
): Promise<HourlyReading[]> {
  const rows = await db.$queryRaw<Row[]>(sql`SELECT r.hour, r.mw FROM ${SCOPED.readings} r
    WHERE r.substation_id = ${substationId} AND r.hour >= ${fromHour} AND r.hour < ${toHour} ORDER BY r.hour`);
  return rows.map((r) => ({ hour: Number(r.hour), mw: Number(r.mw) }));
}

/**
 * Each metered substation's whole Beijing days within hours [fromHour, toHour), folded as dailyLoads
 * (domain/signatures/daily-load.ts) folds them: read from the days kept folded (reading_days, migration 0018),
 * a row a day instead of 24, which is what makes the signatures' year of every meter cheap (docs/detection.md).
 * Each meter's days come as one text (`day hours sum peak nightSum nightHours workSum workHours`, comma
 * separated): a year of every meter is ~100,000 days, and carrying them as rows of values through the driver
 * cost seconds; both stores write a REAL as the shortest text that reads back exactly.
 */
export async function meterDays(db: ImportClient, fromHour: number, toHour: number): Promise<MeterDay[]> {
  const rows = await db.$queryRaw<Row[]>(sql`
    SELECT d.substation_id AS "substationId",
      string_agg(d.day || ' ' || d.hours || ' ' || d.sum_mw || ' ' || d.peak_mw || ' ' || d.night_sum_mw || ' ' ||
        d.night_hours || ' ' || d.work_sum_mw || ' ' || d.work_hours, ',' ORDER BY d.day) AS days
    FROM ${SCOPED.readingDays} d JOIN ${SCOPED.substations} m ON m.id = d.substation_id
    WHERE m.base_load_mw IS NOT NULL AND d.day >= ${dayOfHour(fromHour)} AND d.day < ${dayOfHour(toHour)}
    GROUP BY d.substation_id
    ORDER BY d.substation_id`);
  const out: MeterDay[] = [];
  for (const r of rows) {
    const substationId = Number(r.substationId);
    for (const text of String(r.days).split(',')) {
      const [day, hours, sum, peak, nightSum, nightHours, workSum, workHours] = text
        .split(' ')
        .map(Number) as [number, number, number, number, number, number, number, number];
      out.push({
        substationId,
        day,
        hours,
        meanMw: sum / hours,
        peakMw: peak,
        nightMw: nightHours === 0 ? null : nightSum / nightHours,
        dayMw: workHours === 0 ? null : workSum / workHours,
      });
    }
  }
  return out;
}

/** The Beijing day (days since 1970-01-01) of an hour since the epoch (never negative), as `(hour + 8) / 24` in SQL. */
const dayOfHour = (hour: number) => Math.floor((hour + 8) / 24);

const inWindow = ([from, to]: readonly [number, number]) =>
  `(hour + 8) % 24 >= ${from} AND (hour + 8) % 24 < ${to}`;

/**
 * The fold of readings into reading_days' columns (migration 0018 has the same): what to append is the WHERE of
 * the readings to fold, then `GROUP BY substation_id, (hour + 8) / 24`. Plain SQL text, so that the seed loaders
 * run it through their drivers too.
 */
export const FOLD_READING_DAYS = `INSERT INTO reading_days (substation_id, day, hours, sum_mw, peak_mw,
    night_sum_mw, night_hours, work_sum_mw, work_hours)
  SELECT substation_id, (hour + 8) / 24, count(*), sum(mw), max(mw),
    COALESCE(sum(CASE WHEN ${inWindow(NIGHT_HOURS)} THEN mw END), 0), count(CASE WHEN ${inWindow(NIGHT_HOURS)} THEN 1 END),
    COALESCE(sum(CASE WHEN ${inWindow(DAY_HOURS)} THEN mw END), 0), count(CASE WHEN ${inWindow(DAY_HOURS)} THEN 1 END)
  FROM readings`;
export const FOLD_GROUP_BY = 'GROUP BY substation_id, (hour + 8) / 24';

/**
 * Folds again the whole Beijing days of `substationIds` that hours [fromHour, toHour] touch, from their readings
 * (in the caller's transaction): the days kept folded stay equal to the readings after every write.
 */
export async function refoldReadingDays(
  tx: ImportTx,
  substationIds: readonly number[],
  fromHour: number,
  toHour: number,
): Promise<void> {
  if (substationIds.length === 0) return;
  const first = dayOfHour(fromHour);
  const last = dayOfHour(toHour);
  const ids = join([...substationIds]);
  await tx.$executeRaw(sql`DELETE FROM reading_days
    WHERE substation_id IN (${ids}) AND day >= ${first} AND day <= ${last}`);
  await tx.$executeRaw(sql`${raw(FOLD_READING_DAYS)}
    WHERE substation_id IN (${ids}) AND hour >= ${first * 24 - 8} AND hour < ${(last + 1) * 24 - 8}
    ${raw(FOLD_GROUP_BY)}`);
}

/** Each readable site with the one substation it explains, and its status records oldest first. */
export async function explainingSites(
  db: ImportClient,
  pairCondition: (radiusKm: number) => Sql,
  radiusKm: number,
): Promise<ExplainingSite[]> {
  const sites = await db.$queryRaw<Row[]>(sql`
    SELECT t.id AS "siteId", ${explainingSubstationSql(pairCondition, radiusKm)} AS "substationId",
      t.load_mw AS "loadMw"
    FROM ${SCOPED.sites} t ORDER BY t.id`);
  const changes = await db.$queryRaw<Row[]>(sql`
    SELECT c.site_id AS "siteId", c.at, c.to_status AS "toStatus" FROM status_changes c
    WHERE c.site_id IN (SELECT t.id FROM ${SCOPED.sites} t) ORDER BY c.site_id, c.at, c.id`);
  const bySite = new Map<number, { at: string; toStatus: Status }[]>();
  for (const c of changes) {
    const id = Number(c.siteId);
    let list = bySite.get(id);
    if (!list) bySite.set(id, (list = []));
    list.push({ at: String(c.at), toStatus: String(c.toStatus) as Status });
  }
  return sites
    .filter((s) => s.substationId !== null)
    .map((s) => ({
      siteId: Number(s.siteId),
      substationId: Number(s.substationId),
      loadMw: Number(s.loadMw),
      changes: bySite.get(Number(s.siteId)) ?? [],
    }));
}

export async function substationIdsByExternalId(
  db: ImportClient,
  externalIds: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let start = 0; start < externalIds.length; start += 10_000) {
    const chunk = externalIds.slice(start, start + 10_000);
    const rows = await db.$queryRaw<Row[]>(sql`SELECT s.id, s.external_id AS "externalId"
      FROM ${SCOPED.substations} s WHERE s.external_id IN (${join([...chunk])})`);
    for (const r of rows) out.set(String(r.externalId), Number(r.id));
  }
  return out;
}

/**
 * Writes the readings in one transaction, READINGS_CHUNK rows a statement (`insertChunk`: the store's bulk
 * INSERT … ON CONFLICT DO UPDATE), so the whole import is kept or none of it.
 */
export async function writeReadings(
  db: ImportClient,
  rows: ReadingRows,
  insertChunk: (rows: ReadingRows, from: number, to: number) => Sql,
  keepServedLoads: (
    tx: ImportTx,
    substationIds: readonly number[],
    write: () => Promise<void>,
  ) => Promise<void>,
): Promise<number> {
  const n = rows.hours.length;
  return db.$transaction(
    async (tx: ImportTx) => {
      // A substation's first reading can make it a meter (served-loads-sql.ts).
      await keepServedLoads(tx, [...new Set(rows.substationIds)], async () => {
        for (let start = 0; start < n; start += READINGS_CHUNK)
          await tx.$executeRaw(insertChunk(rows, start, Math.min(n, start + READINGS_CHUNK)));
      });
      let first = Infinity;
      let last = -Infinity;
      for (const h of rows.hours) {
        if (h < first) first = h;
        if (h > last) last = h;
      }
      await refoldReadingDays(tx, [...new Set(rows.substationIds)], first, last);
      return n;
    },
    { maxWait: 10_000, timeout: 10 * 60_000 },
  );
}

const slice = (xs: ArrayLike<number>, from: number, to: number) =>
  Array.prototype.slice.call(xs, from, to) as number[];

/** SQLite: the chunk as one JSON text of [id, hour, mw] triples, unpacked by json_each. */
export function sqliteReadingsInsert(rows: ReadingRows, from: number, to: number): Sql {
  const triples: string[] = [];
  for (let i = from; i < to; i++) triples.push(`[${rows.substationIds[i]},${rows.hours[i]},${rows.mw[i]}]`);
  return sql`INSERT INTO readings (substation_id, hour, mw)
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]')
    FROM json_each(${`[${triples.join(',')}]`}) WHERE true
    ON CONFLICT (substation_id, hour) DO UPDATE SET mw = excluded.mw`;
}

/** PostgreSQL: the chunk as three array literals, unnested side by side. */
export function postgisReadingsInsert(rows: ReadingRows, from: number, to: number): Sql {
  const literal = (xs: ArrayLike<number>) => `{${slice(xs, from, to).join(',')}}`;
  return sql`INSERT INTO readings (substation_id, hour, mw)
    SELECT * FROM unnest(${literal(rows.substationIds)}::int[], ${literal(rows.hours)}::int[],
      ${literal(rows.mw)}::float8[])
    ON CONFLICT (substation_id, hour) DO UPDATE SET mw = EXCLUDED.mw`;
}
