import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Status } from '@gridwatch/contract';
import { WITHIN_TOLERANCE_KM } from '../../domain/geo/haversine';
import { KNOWN_ILLEGAL } from '../../domain/unexplained-load';
import type { Backend } from '../store';
import { fillOnce } from './derived-state-sql';
import { meteredSql, nearestMeteredByPairsSql } from './explanation-sql';
import { firstPerGroupSql } from './first-per-group-sql';
import { recordDay } from './hotspot-days-sql';
import { asOwner } from './hotspot-loads-sql';
import { idIn } from './id-list-sql';
import type { ImportClient, ImportTx } from './import-client';
import {
  addServedDayRows,
  ALL_ROWS,
  moveSitesInServedDays,
  recomputeServedDays,
  servedAsOfDaySql,
  servedNeighbourhood,
  servedTablesCover,
} from './served-days-sql';
import { PAIR_TABLE_KM } from './site-substation-pairs-sql';
import { addToKeptSql, termWattsSql, wattsColumnMwSql } from './sum-sql';

/**
 * The per-substation explained load "today" (migrations 0023 and 0028, docs/performance.md "Fix 14" and "Fix 25",
 * docs/storage.md): for each substation, the count of the live sites in the summed statuses whose meter it is —
 * their feeder, else the nearest metered substation within PAIR_TABLE_KM (explanation-sql.ts's rule, read from the
 * pairs) — and their licensed and known illegal load in whole watts (sum-sql.ts), under the sites' current statuses.
 * Unexplained load at PAIR_TABLE_KM in the regulator's scope reads it for a day whose end is still ahead
 * (servedLoadsCover), when the fill found the statuses following the records (served_loads_basis); every other day
 * there reads the same sums by day (served-days-sql.ts, which this module keeps with it), and every other radius
 * and scope the records.
 *
 * Exactness: whole watts add the same in any order, so a write that changes sites (a status, a retirement, an
 * import of sites) moves the rows of their meters by their terms: out as they are before it, in as it left them.
 * What moves meters themselves (a substation's place or load, a first reading) recomputes the rows it touches.
 * Everything here reads the tables themselves, not the request's scope: a row sums every utility's sites.
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
  servedTablesCover(radiusKm, illegal) && Date.parse(dayEndIso) - Date.now() >= CLOCK_MARGIN_MS;

const COLUMNS = ['site_count', 'licensed_load_w', 'known_illegal_load_w'] as const;
const INSERT = raw(`INSERT INTO substation_served_loads (substation_id, ${COLUMNS.join(', ')})`);
/** An upsert's SET that adds the new row's count and watts to the kept row's. */
const ADD = addToKeptSql('substation_served_loads', COLUMNS);

/** The nearest meter of each feederless site (of those `sites` names, or of all), over every utility's rows. */
const nearestMeteredSql = (backend: Backend, sites: Sql | null): Sql =>
  nearestMeteredByPairsSql(backend, PAIR_TABLE_KM, ALL_ROWS, sites);

/** A live site in a summed status, `t`. */
const SUMMED_SITE = sql`t.retired_at IS NULL AND t.status IN (${join([...SUMMED])})`;

/** A site selection for servedRowsSql: the sites of the meters `meters` selects, or the sites `sites` selects. */
type ServedSelection = { meters: ((column: Sql) => Sql) | null } | { sites: Sql };

/**
 * Per meter, the count and watts of the summed sites `selection` selects, times `sign`: rows as a SELECT to insert.
 * By meters (a condition on a substation id column; null: all) for a recomputation or the fill; by sites (a
 * condition on `t`) for a move. In key order, so that concurrent writers lock the rows they share in the same order.
 */
function servedRowsSql(backend: Backend, selection: ServedSelection, sign: 1 | -1 = 1): Sql {
  const times = raw(sign === 1 ? '' : ' * -1');
  const bySites = 'sites' in selection ? selection.sites : null;
  const which = 'meters' in selection ? selection.meters : null;
  const whichOf = (column: Sql) => (which ? which(column) : sql`1 = 1`);
  // By meters: feederless sites with a pair at a selected substation are the only ones whose meter can be one.
  // By sites: the feederless ones among them.
  const candidates = bySites
    ? sql`SELECT t.id AS site_id FROM sites t WHERE ${bySites} AND t.feeder_substation_id IS NULL AND ${SUMMED_SITE}`
    : which
      ? sql`SELECT DISTINCT q.site_id FROM site_substation_pairs q
          JOIN sites c ON c.id = q.site_id AND c.feeder_substation_id IS NULL
          WHERE q.distance_km <= ${PAIR_TABLE_KM + WITHIN_TOLERANCE_KM} AND ${which(sql`q.substation_id`)}`
      : null;
  const fed = bySites ?? whichOf(sql`t.feeder_substation_id`);
  const watts = (statuses: readonly Status[]) =>
    sql`COALESCE(sum(CASE WHEN v.status IN (${join([...statuses])}) THEN ${termWattsSql(sql`v.load_mw`)} END), 0)`;
  return sql`SELECT v.sid AS substation_id, count(*)${times} AS site_count,
      ${watts(['LICENSED'])}${times} AS licensed_load_w, ${watts(KNOWN_ILLEGAL)}${times} AS known_illegal_load_w
    FROM (
      SELECT t.feeder_substation_id AS sid, t.status, t.load_mw FROM sites t
      WHERE ${SUMMED_SITE} AND t.feeder_substation_id IS NOT NULL AND ${fed}
      UNION ALL
      SELECT n.substation_id AS sid, t.status, t.load_mw
      FROM ${nearestMeteredSql(backend, candidates)} n JOIN sites t ON t.id = n.site_id
      WHERE ${SUMMED_SITE} AND ${whichOf(sql`n.substation_id`)}
    ) v
    GROUP BY v.sid
    ORDER BY v.sid`;
}

/** Recomputes the rows of the substations `ids`, now and by day (the caller runs it as the owner: asOwner). */
async function recomputeServed(tx: ImportTx, backend: Backend, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const meters = (column: Sql) => idIn(backend, column, ids);
  await tx.$executeRaw(sql`DELETE FROM substation_served_loads WHERE ${meters(sql`substation_id`)}`);
  await tx.$executeRaw(sql`${INSERT} ${servedRowsSql(backend, { meters })}`);
  await recomputeServedDays(tx, backend, ids);
}

/**
 * Moves the rows by the terms of the sites `sites` selects (a condition on `t`) at their meters: out (−1) as they
 * are before a write, in (+1) as it left them. A row whose sites all went out is deleted, as a fill would have none.
 * The rows of their days follow (served-days-sql.ts).
 */
async function moveServed(tx: ImportTx, backend: Backend, sites: Sql, sign: 1 | -1): Promise<void> {
  await asOwner(tx, backend, async () => {
    await moveSitesInServedDays(tx, backend, sites, sign);
    await tx.$executeRaw(sql`${INSERT} ${servedRowsSql(backend, { sites }, sign)}
      ON CONFLICT (substation_id) DO UPDATE SET ${ADD}`);
    if (sign === 1) await tx.$executeRaw(sql`DELETE FROM substation_served_loads WHERE site_count = 0`);
  });
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
 * Takes the sites `sites` selects (a condition on `t`) out of their meters' rows, as they are before a write that
 * changes their status, load, retirement, feeder or place; putSitesInServedLoads puts them back in after it, as it
 * left them (their pairs refiled). Sites a write creates have nothing to take out. Every write path of sites calls
 * both, in the write's transaction (site-write-sql.ts, import-sql.ts).
 */
export const takeSitesOutOfServedLoads = (tx: ImportTx, backend: Backend, sites: Sql): Promise<void> =>
  moveServed(tx, backend, sites, -1);

/** Puts the sites `sites` selects into their meters' rows, as a write left them: see takeSitesOutOfServedLoads. */
export const putSitesInServedLoads = (tx: ImportTx, backend: Backend, sites: Sql): Promise<void> =>
  moveServed(tx, backend, sites, 1);

/**
 * Puts the sites an import has just created (`sites`, a condition on `t`) into both tables. Each has one status
 * record, the import's, dated `at`, so its change by day is its term now, on the day of `at`: their rows (one per
 * meter) are computed once and added to both, without reading the records.
 */
export async function putNewSitesInServedLoads(
  tx: ImportTx,
  backend: Backend,
  sites: Sql,
  at: string,
): Promise<void> {
  await asOwner(tx, backend, async () => {
    const rows = (await tx.$queryRaw<Record<string, unknown>[]>(servedRowsSql(backend, { sites }))).map(
      (r) =>
        [
          Number(r.substation_id),
          Number(r.site_count),
          Number(r.licensed_load_w),
          Number(r.known_illegal_load_w),
        ] as const,
    );
    if (rows.length === 0) return;
    await tx.$executeRaw(sql`${INSERT} VALUES ${join(rows.map((v) => sql`(${join([...v])})`))}
      ON CONFLICT (substation_id) DO UPDATE SET ${ADD}`);
    await addServedDayRows(
      tx,
      backend,
      recordDay(at),
      rows.map(([id, , licensed, illegal]) => [id, licensed, illegal] as const),
    );
  });
}

/**
 * An import of substations (`ids` written), before it refiles their pairs; returns the upkeep to run after the
 * refile. A place, a base load or a reported peak changes which substations are meters and which is nearest, for
 * the feederless sites paired with a written substation before or after it: the rows by day of the substations
 * around them (servedNeighbourhood, by the pairs now and after the refile) are recomputed, and the rows of today
 * all filled anew (lines, pylons and regions take no site to another meter).
 */
export async function servedLoadsAcrossSubstationImport(
  tx: ImportTx,
  backend: Backend,
  ids: readonly number[],
): Promise<() => Promise<void>> {
  const before = await asOwner(tx, backend, () => servedNeighbourhood(tx, backend, ids));
  return () =>
    asOwner(tx, backend, async () => {
      const after = await servedNeighbourhood(tx, backend, ids);
      await refillRows(tx, backend);
      await recomputeServedDays(tx, backend, [...new Set([...before, ...after])]);
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
  await tx.$executeRaw(sql`${INSERT} ${servedRowsSql(backend, { meters: null })}`);
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
 * The read of unexplained load's substations from the served tables, with the same columns and order as the read
 * over the records (sql-store.ts), `dayReadings` the day's peak and count per substation: today's rows
 * (`asOfDay` null), or the rows by day summed up to `asOfDay` (served-days-sql.ts). Each row also says whether the
 * basis of today's rows holds (`basis` = 1), else the caller reads the rows by day for today too.
 */
export function substationLoadsFromServedSql(dayReadings: Sql, asOfDay: string | null): Sql {
  const served =
    asOfDay === null
      ? sql`SELECT substation_id, ${wattsColumnMwSql(sql`licensed_load_w`)} AS licensed_mw,
          ${wattsColumnMwSql(sql`known_illegal_load_w`)} AS known_illegal_mw
        FROM substation_served_loads`
      : servedAsOfDaySql(asOfDay);
  return sql`WITH day_readings AS (${dayReadings})
    SELECT s.id AS "substationId", s.name, s.name_zh AS "nameZh", s.metered_peak_mw AS "meteredPeakMw",
      s.base_load_mw AS "baseLoadMw", d.peak AS "readingsPeakMw", COALESCE(d.n, 0) AS "readingCount",
      COALESCE(l.licensed_mw, 0.0) AS "licensedLoadMw", COALESCE(l.known_illegal_mw, 0.0) AS "knownIllegalLoadMw",
      (SELECT b.statuses_follow_history FROM served_loads_basis b) AS basis
    FROM substations s LEFT JOIN (${served}) l ON l.substation_id = s.id
      LEFT JOIN day_readings d ON d.substation_id = s.id
    WHERE s.base_load_mw IS NOT NULL AND (s.metered_peak_mw IS NOT NULL OR d.n IS NOT NULL)
    ORDER BY s.id`;
}
