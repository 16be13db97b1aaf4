import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Status } from '@gridwatch/contract';
import { WITHIN_TOLERANCE_KM } from '../../domain/geo/haversine';
import { KNOWN_ILLEGAL } from '../../domain/unexplained-load';
import type { ImportLayer } from '../../domain/import/import-layers';
import { scopeUtility } from '../scope';
import type { Backend } from '../store';
import { fillOnce } from './derived-state-sql';
import {
  explainedLoadSumsSql,
  meteredSql,
  nearestMeteredByPairsSql,
  type ExplanationTables,
} from './explanation-sql';
import { firstPerGroupSql } from './first-per-group-sql';
import { asOwner } from './hotspot-loads-sql';
import { idIn, sitesNamed } from './id-list-sql';
import type { ImportClient, ImportTx } from './import-client';
import { PAIR_TABLE_KM } from './site-substation-pairs-sql';

/**
 * The per-substation explained load "today" (migration 0023, docs/performance.md "Fix 14", docs/storage.md): for
 * each substation, the licensed and the known illegal load of the live sites whose meter it is — their feeder,
 * else the nearest metered substation within PAIR_TABLE_KM (explanation-sql.ts's rule, read from the pairs) —
 * under the sites' current statuses. Unexplained load at PAIR_TABLE_KM in the regulator's scope reads it for a day
 * whose end is still ahead (servedLoadsCover), when the fill found the statuses following the records
 * (served_loads_basis); every other day, radius and scope keeps reading the records.
 *
 * Exactness: a touched substation's row is recomputed with the read's own sum SQL (capped terms in site-id order),
 * not moved by deltas, so the stored double is the one the read over the records computes. Everything here reads
 * the tables themselves, not the request's scope: a row sums every utility's sites.
 */

/** The statuses the table sums: licensed, and the known illegal ones unexplained load subtracts. */
const SUMMED: readonly Status[] = ['LICENSED', ...KNOWN_ILLEGAL];

/** A clock of another worker or machine a little ahead must not have written a record past the day's end. */
const CLOCK_MARGIN_MS = 60_000;

/**
 * Whether unexplained load at `radiusKm` for statuses `illegal` on the day ending at `dayEndIso` may read the
 * table: at the pairs' radius, the regulator's scope, the known illegal statuses, and a day that ends after every
 * record the app can have written (each is dated when written), so each site's status then is its status now.
 */
export const servedLoadsCover = (radiusKm: number, illegal: readonly Status[], dayEndIso: string): boolean =>
  radiusKm === PAIR_TABLE_KM &&
  scopeUtility() === null &&
  [...illegal].sort().join() === [...KNOWN_ILLEGAL].sort().join() &&
  Date.parse(dayEndIso) - Date.now() >= CLOCK_MARGIN_MS;

/** Every utility's rows: a row of the table sums them whatever the request's scope. */
const ALL_ROWS: ExplanationTables = {
  sites: raw('sites'),
  substations: raw('substations'),
  readings: raw('readings'),
};

/** The nearest meter of each feederless site (of those `sites` names, or of all), over every utility's rows. */
const nearestMeteredSql = (backend: Backend, sites: Sql | null): Sql =>
  nearestMeteredByPairsSql(backend, PAIR_TABLE_KM, ALL_ROWS, sites);

/**
 * Inserts the rows of the substations `which` selects (a condition on a substation id column; null: all), from the
 * live sites in the summed statuses, each counted at its meter.
 */
function servedRowsSql(backend: Backend, which: ((column: Sql) => Sql) | null): Sql {
  const whichOf = (column: Sql) => (which ? which(column) : sql`1 = 1`);
  // Feederless sites with a pair at a selected substation are the only ones whose nearest meter can be one.
  const candidates = which
    ? sql`SELECT DISTINCT q.site_id FROM site_substation_pairs q
        JOIN sites c ON c.id = q.site_id AND c.feeder_substation_id IS NULL
        WHERE q.distance_km <= ${PAIR_TABLE_KM + WITHIN_TOLERANCE_KM} AND ${which(sql`q.substation_id`)}`
    : null;
  const summed = sql`t.retired_at IS NULL AND t.status IN (${join([...SUMMED])})`;
  const sums = explainedLoadSumsSql(KNOWN_ILLEGAL);
  return sql`INSERT INTO substation_served_loads (substation_id, licensed_load_mw, known_illegal_load_mw)
    SELECT v.sid, ${sums.licensed}, ${sums.knownIllegal}
    FROM (
      SELECT t.id AS site_id, t.feeder_substation_id AS sid, t.status, t.load_mw FROM sites t
      WHERE ${summed} AND t.feeder_substation_id IS NOT NULL AND ${whichOf(sql`t.feeder_substation_id`)}
      UNION ALL
      SELECT t.id AS site_id, n.substation_id AS sid, t.status, t.load_mw
      FROM ${nearestMeteredSql(backend, candidates)} n JOIN sites t ON t.id = n.site_id
      WHERE ${summed} AND ${whichOf(sql`n.substation_id`)}
    ) v
    GROUP BY v.sid`;
}

/** Recomputes the rows of the substations `ids` (the caller runs it as the owner: asOwner). */
async function recomputeServed(tx: ImportTx, backend: Backend, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const which = (column: Sql) => idIn(backend, column, ids);
  await tx.$executeRaw(sql`DELETE FROM substation_served_loads WHERE ${which(sql`substation_id`)}`);
  await tx.$executeRaw(servedRowsSql(backend, which));
}

/** The meters (substation ids) of the sites `siteCondition` (on `t`) selects, live or not, as they are now. */
async function metersOf(tx: ImportTx, backend: Backend, siteCondition: Sql): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: unknown }[]>(sql`
    SELECT t.feeder_substation_id AS id FROM sites t WHERE ${siteCondition} AND t.feeder_substation_id IS NOT NULL
    UNION
    SELECT n.substation_id AS id
    FROM ${nearestMeteredSql(backend, sql`SELECT t.id AS site_id FROM sites t WHERE ${siteCondition}`)} n`);
  return rows.map((r) => Number(r.id));
}

/**
 * After a write to site `siteId` that leaves its place and feeder alone (a status change, a retirement, a
 * restore): the row of its meter. One call per write path, in the write's transaction (site-write-sql.ts).
 */
export async function keepServedLoadsOfSite(tx: ImportTx, backend: Backend, siteId: number): Promise<void> {
  await asOwner(tx, backend, async () =>
    recomputeServed(tx, backend, await metersOf(tx, backend, sql`t.id = ${siteId}`)),
  );
}

/**
 * Sites an import may write for its meters' rows to be recomputed one by one; past it every row is recomputed in
 * one pass. A meter's row costs up to 35 ms at 1M sites (the meter feeding 10,000), every row 0.8 s, and looking up
 * the meters of 100,000 written sites before and after costs 2.8 s: a large import touches every meter anyway.
 */
export const METERS_OF_IMPORT_MAX = 1_000;

/** What an import's upkeep of the served loads will recompute: every row, or the meters of its sites. */
export type ServedLoadsUpkeep = { all: true } | { all: false; before: readonly number[] };

/**
 * Before an import writes (`written` its rows, `updated` the externalIds of those that exist): null when it can
 * change no row (lines, pylons, regions take no site to another meter); every row for substations (a place, a
 * base load or a reported peak moves meters anywhere) and for a large import of sites; else the meters of the sites
 * it will update, as they are now (a new feeder or place can take a site to another meter; a new site had none).
 */
export async function servedLoadsBeforeImport(
  tx: ImportTx,
  backend: Backend,
  layer: ImportLayer,
  written: number,
  updated: readonly string[],
): Promise<ServedLoadsUpkeep | null> {
  if (written === 0 || (layer !== 'sites' && layer !== 'substations')) return null;
  if (layer === 'substations' || written > METERS_OF_IMPORT_MAX) return { all: true };
  if (updated.length === 0) return { all: false, before: [] };
  return {
    all: false,
    before: await asOwner(tx, backend, () => metersOf(tx, backend, sitesNamed(backend, updated))),
  };
}

/**
 * After an import wrote and refiled its pairs (`written` the externalIds of its sites): the rows `upkeep` says,
 * the meters of the written sites before and after, or every row.
 */
export async function keepServedLoadsAcrossImport(
  tx: ImportTx,
  backend: Backend,
  upkeep: ServedLoadsUpkeep | null,
  written: readonly string[],
): Promise<void> {
  if (!upkeep) return;
  await asOwner(tx, backend, async () => {
    if (upkeep.all) return refillRows(tx, backend);
    const after = await metersOf(tx, backend, sitesNamed(backend, written));
    await recomputeServed(tx, backend, [...new Set([...upkeep.before, ...after])]);
  });
}

/**
 * Readings for `substationIds`, written by `write`. A substation's first reading can make it a meter: the feederless
 * sites paired with it may then be explained there, so the rows of their meters before and after are recomputed.
 * Other readings change no row.
 */
export async function keepServedLoadsAcrossReadings(
  tx: ImportTx,
  backend: Backend,
  substationIds: readonly number[],
  write: () => Promise<void>,
): Promise<void> {
  const ids = [...new Set(substationIds)];
  const unmetered =
    ids.length === 0
      ? []
      : (
          await asOwner(tx, backend, () =>
            tx.$queryRaw<{ id: unknown }[]>(sql`SELECT m.id FROM substations m
              WHERE ${idIn(backend, sql`m.id`, ids)} AND m.base_load_mw IS NOT NULL
                AND NOT ${meteredSql('m', ALL_ROWS.readings)}`),
          )
        ).map((r) => Number(r.id));
  if (unmetered.length === 0) return write();
  const nearby = sql`t.feeder_substation_id IS NULL AND t.id IN (SELECT q.site_id FROM site_substation_pairs q
    WHERE q.distance_km <= ${PAIR_TABLE_KM + WITHIN_TOLERANCE_KM} AND ${idIn(backend, sql`q.substation_id`, unmetered)})`;
  const before = await asOwner(tx, backend, () => metersOf(tx, backend, nearby));
  await write();
  await asOwner(tx, backend, async () =>
    recomputeServed(tx, backend, [...new Set([...before, ...(await metersOf(tx, backend, nearby))])]),
  );
}

async function refillRows(tx: ImportTx, backend: Backend): Promise<void> {
  await tx.$executeRaw(sql`DELETE FROM substation_served_loads`);
  await tx.$executeRaw(servedRowsSql(backend, null));
}

/**
 * Every row anew, and the basis checked: each site's status is the one its last record says (a site with no record
 * has no status at any instant), and no record is dated after now. The fill once after migration 0023 or the seed,
 * and what the exactness test compares with.
 */
export async function refillServedLoads(tx: ImportTx, backend: Backend): Promise<void> {
  await refillRows(tx, backend);
  const last = firstPerGroupSql(
    backend,
    sql`c.site_id`,
    sql`c.site_id, c.to_status AS status`,
    sql`FROM status_changes c`,
    sql`c.at DESC, c.id DESC`,
  );
  await tx.$executeRaw(sql`INSERT INTO served_loads_basis (id, statuses_follow_history)
    SELECT 1, CASE
      WHEN EXISTS (SELECT 1 FROM sites t LEFT JOIN ${last} l ON l.site_id = t.id
        WHERE l.status IS NULL OR l.status <> t.status) THEN 0
      WHEN EXISTS (SELECT 1 FROM status_changes c WHERE c.at > ${new Date().toISOString()}) THEN 0
      ELSE 1 END
    ON CONFLICT (id) DO UPDATE SET statuses_follow_history = excluded.statuses_follow_history`);
}

/** Fills the table once, after the pairs are filled (it reads them); the writes keep it after that. */
export const fillServedLoadsIfMissing = (db: ImportClient, backend: Backend) =>
  fillOnce(db, 'substation_served_loads', (tx) => refillServedLoads(tx, backend), 30 * 60_000);

/**
 * The read of unexplained load's substations from the table, with the same columns and order as the read over the
 * records (sql-store.ts), `dayReadings` the day's peak and count per substation; each row also says whether the
 * basis holds (`basis` = 1), else the caller reads the records.
 */
export function substationLoadsFromServedSql(dayReadings: Sql): Sql {
  return sql`WITH day_readings AS (${dayReadings})
    SELECT s.id AS "substationId", s.name, s.name_zh AS "nameZh", s.metered_peak_mw AS "meteredPeakMw",
      s.base_load_mw AS "baseLoadMw", d.peak AS "readingsPeakMw", COALESCE(d.n, 0) AS "readingCount",
      COALESCE(l.licensed_load_mw, 0.0) AS "licensedLoadMw",
      COALESCE(l.known_illegal_load_mw, 0.0) AS "knownIllegalLoadMw",
      (SELECT b.statuses_follow_history FROM served_loads_basis b) AS basis
    FROM substations s LEFT JOIN substation_served_loads l ON l.substation_id = s.id
      LEFT JOIN day_readings d ON d.substation_id = s.id
    WHERE s.base_load_mw IS NOT NULL AND (s.metered_peak_mw IS NOT NULL OR d.n IS NOT NULL)
    ORDER BY s.id`;
}
