import { join, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Status } from '@gridwatch/contract';
import type { ExplainingSite } from '../../domain/signatures/explained-by-day';
import { DAY_HOURS, NIGHT_HOURS, type HourlyReading } from '../../domain/signatures/daily-load';
import type { MeterDay, ReadingRows } from '../ports/readings';
import type { Row } from '../row-values';
import { explainingSubstationSql, meteredSql } from './explanation-sql';
import type { ImportClient, ImportTx } from './import-client';
import { SCOPED } from './scoped-sql';

/** Readings a statement writes: 50,000 rows are ~1.5 MB of parameter, and few round trips for millions. */
export const READINGS_CHUNK = 50_000;

/** The Beijing day and local hour of `r.hour` (hours since the epoch, never negative): integer SQL on both stores. */
const DAY = sql`((r.hour + 8) / 24)`;
const LOCAL = sql`((r.hour + 8) % 24)`;
const windowAvg = ([from, to]: readonly [number, number]) =>
  sql`avg(CASE WHEN ${LOCAL} >= ${from} AND ${LOCAL} < ${to} THEN r.mw END)`;

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

/** Each metered substation's days, folded as dailyLoads (domain/signatures/daily-load.ts) folds them. */
export async function meterDays(db: ImportClient, fromHour: number, toHour: number): Promise<MeterDay[]> {
  const rows = await db.$queryRaw<Row[]>(sql`
    SELECT r.substation_id AS "substationId", ${DAY} AS day, count(*) AS hours, avg(r.mw) AS "meanMw",
      max(r.mw) AS "peakMw", ${windowAvg(NIGHT_HOURS)} AS "nightMw", ${windowAvg(DAY_HOURS)} AS "dayMw"
    FROM ${SCOPED.readings} r JOIN ${SCOPED.substations} m ON m.id = r.substation_id AND ${meteredSql('m')}
    WHERE r.hour >= ${fromHour} AND r.hour < ${toHour}
    GROUP BY r.substation_id, ${DAY}
    ORDER BY r.substation_id, day`);
  const orNull = (x: unknown) => (x === null ? null : Number(x));
  return rows.map((r) => ({
    substationId: Number(r.substationId),
    day: Number(r.day),
    hours: Number(r.hours),
    meanMw: Number(r.meanMw),
    peakMw: Number(r.peakMw),
    nightMw: orNull(r.nightMw),
    dayMw: orNull(r.dayMw),
  }));
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
): Promise<number> {
  const n = rows.hours.length;
  return db.$transaction(
    async (tx: ImportTx) => {
      for (let start = 0; start < n; start += READINGS_CHUNK)
        await tx.$executeRaw(insertChunk(rows, start, Math.min(n, start + READINGS_CHUNK)));
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
