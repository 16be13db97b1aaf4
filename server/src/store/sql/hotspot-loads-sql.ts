import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { ILLEGAL_DRAWING, type Status } from '@gridwatch/contract';
import { WITHIN_TOLERANCE_KM } from '../../domain/geo/haversine';
import type { ImportLayer } from '../../domain/import/import-layers';
import { scopeUtility } from '../scope';
import type { Backend } from '../store';
import { fillOnce } from './derived-state-sql';
import { idIn, jsonValues } from './id-list-sql';
import type { ImportClient, ImportTx } from './import-client';
import { PAIR_TABLE_KM } from './site-substation-pairs-sql';
import { loadSumSql } from './sum-sql';

/**
 * The per-substation hotspot aggregate (migration 0021, docs/performance.md "Fix 9", docs/storage.md): for each
 * substation, the count and the ordered, capped load sum of the live sites paired with it within PAIR_TABLE_KM, for
 * each status set the hotspots route asks for (unlicensedStatuses without and with SUSPECTED). Hotspots "now" at
 * exactly PAIR_TABLE_KM in the regulator's scope read it; every other hotspot question keeps the pairs or the join.
 *
 * Exactness: a touched substation's row is recomputed from the pairs with the read's own sum SQL (site-id order),
 * not moved by deltas, so the stored double is the one the join computes.
 */
export const HOTSPOT_LOAD_SETS = {
  unlicensed: [...ILLEGAL_DRAWING],
  with_suspected: [...ILLEGAL_DRAWING, 'SUSPECTED'],
} as const satisfies Record<string, readonly Status[]>;
export type HotspotLoadSet = keyof typeof HOTSPOT_LOAD_SETS;

/** The stored set that holds exactly `statuses` (in any order), or null: that question is not kept. */
export function hotspotLoadSet(statuses: readonly Status[]): HotspotLoadSet | null {
  const asked = [...new Set(statuses)].sort().join();
  for (const [name, set] of Object.entries(HOTSPOT_LOAD_SETS))
    if ([...set].sort().join() === asked) return name as HotspotLoadSet;
  return null;
}

/** Whether hotspots at `radiusKm` as of `at` may read the aggregate: now, at the table's radius, unscoped. */
export const hotspotLoadsCover = (radiusKm: number, at: string | undefined): boolean =>
  at === undefined && radiusKm === PAIR_TABLE_KM && scopeUtility() === null;

/** The hotspot rows of one set: the same columns, order and filter as the pairs read in sql-store.ts. */
export function hotspotsFromLoadsSql(substations: Sql, set: HotspotLoadSet, limit: number): Sql {
  const count = raw(`h.${set}_count`);
  const load = raw(`h.${set}_load_mw`);
  return sql`SELECT s.id AS "substationId", s.name, s.name_zh AS "nameZh", ${count} AS "siteCount",
      ${load} AS "totalLoadMw"
    FROM substation_hotspot_loads h JOIN ${substations} s ON s.id = h.substation_id
    WHERE ${count} > 0
    ORDER BY "totalLoadMw" DESC, s.id
    LIMIT ${limit}`;
}

/** The rows of the substations `which` selects (a condition on `p.substation_id`), computed from the pairs. */
function loadRowsSql(which: Sql): Sql {
  const columns = Object.entries(HOTSPOT_LOAD_SETS).map(([, set]) => {
    const inSet = sql`t.status IN (${join([...set])})`;
    // NULL outside the set: count and sum skip it, so the terms summed are the filtered read's, in its order.
    return sql`count(CASE WHEN ${inSet} THEN 1 END),
      ${loadSumSql(sql`CASE WHEN ${inSet} THEN t.load_mw END`, sql`t.id`)}`;
  });
  const names = Object.keys(HOTSPOT_LOAD_SETS).map((name) => raw(`${name}_count, ${name}_load_mw`));
  return sql`INSERT INTO substation_hotspot_loads (substation_id, ${join(names)})
    SELECT p.substation_id, ${join(columns)}
    FROM site_substation_pairs p JOIN sites t ON t.id = p.site_id
    WHERE p.distance_km <= ${PAIR_TABLE_KM + WITHIN_TOLERANCE_KM} AND t.retired_at IS NULL
      AND t.status IN (${join([...HOTSPOT_LOAD_SETS.with_suspected])}) AND ${which}
    GROUP BY p.substation_id`;
}

/** Recomputes the rows of the substations `which` selects (a condition on `p.substation_id` / `substation_id`). */
async function recomputeLoads(tx: ImportTx, which: (column: Sql) => Sql): Promise<void> {
  await tx.$executeRaw(sql`DELETE FROM substation_hotspot_loads WHERE ${which(raw('substation_id'))}`);
  await tx.$executeRaw(loadRowsSql(which(raw('p.substation_id'))));
}

/**
 * Runs `upkeep` as the tables' owner. A utility user's transaction runs as gridwatch_utility (postgis/scoped-
 * adapter.ts), which may not read the per-substation aggregates (this one, served-loads-sql.ts's) and sees only its
 * own sites, while the row of a substation sums every utility's sites: so the upkeep alone, and explicitly, steps
 * out of the role and back (SET LOCAL ends with the transaction either way). Not nested. SQLite has no roles.
 */
export async function asOwner<T>(tx: ImportTx, backend: Backend, upkeep: () => Promise<T>): Promise<T> {
  if (backend !== 'postgis' || scopeUtility() === null) return upkeep();
  await tx.$executeRaw(sql`SET LOCAL ROLE NONE`);
  const value = await upkeep();
  await tx.$executeRaw(sql`SET LOCAL ROLE gridwatch_utility`);
  return value;
}

/**
 * After a write to site `siteId` that leaves its position alone (a status change, a retirement, a restore): the rows
 * of the substations it is paired with. One call per write path, in the write's transaction (records/sites.ts).
 */
export function keepHotspotLoadsOfSite(tx: ImportTx, backend: Backend, siteId: number): Promise<void> {
  return asOwner(tx, backend, () =>
    recomputeLoads(
      tx,
      (column) =>
        sql`${column} IN (SELECT q.substation_id FROM site_substation_pairs q WHERE q.site_id = ${siteId})`,
    ),
  );
}

/**
 * An import of sites or substations (`externalIds` written, `moved` the sites among them that moved): `refile`
 * refiles their pairs; the substations paired with the moved sites before it and with the written sites after it
 * (or the written substations) get their rows recomputed, set-based, after it. Sites whose status or load the
 * import changed are among the written ones. Other layers run `refile` alone (they move no site or substation and
 * change no status).
 */
export async function keepHotspotLoadsAcrossImport(
  tx: ImportTx,
  backend: Backend,
  layer: ImportLayer,
  externalIds: readonly string[],
  moved: readonly string[],
  refile: () => Promise<void>,
): Promise<void> {
  if ((layer !== 'sites' && layer !== 'substations') || externalIds.length === 0) return refile();
  const touchedSql = (names: readonly string[]) =>
    layer === 'sites'
      ? sql`SELECT DISTINCT p.substation_id AS id FROM site_substation_pairs p
          WHERE p.site_id IN (SELECT t.id FROM sites t WHERE t.external_id IN (${jsonValues(backend, names)}))`
      : sql`SELECT s.id FROM substations s WHERE s.external_id IN (${jsonValues(backend, names)})`;
  const touched = async (names: readonly string[]) =>
    (await tx.$queryRaw<{ id: unknown }[]>(touchedSql(names))).map((r) => Number(r.id));
  // Only a moved site leaves substations it was paired with; a new one had none, an unmoved one keeps its pairs.
  const before = layer === 'sites' && moved.length > 0 ? await touched(moved) : [];
  await refile();
  const ids = [...new Set([...before, ...(await touched(externalIds))])];
  if (ids.length === 0) return;
  await asOwner(tx, backend, () => recomputeLoads(tx, (column) => idIn(backend, column, ids)));
}

/** Every row anew: the fill once after migration 0021 or the seed, and what the exactness test compares with. */
export async function refillHotspotLoads(tx: ImportTx): Promise<void> {
  await tx.$executeRaw(sql`DELETE FROM substation_hotspot_loads`);
  await tx.$executeRaw(loadRowsSql(sql`1 = 1`));
}

/** Fills the table once, after the pairs are filled (it is computed from them); the writes keep it after that. */
export const fillHotspotLoadsIfMissing = (db: ImportClient) =>
  fillOnce(db, 'substation_hotspot_loads', refillHotspotLoads, 30 * 60_000);
