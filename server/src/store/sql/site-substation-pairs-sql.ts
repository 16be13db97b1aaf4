import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { WITHIN_TOLERANCE_KM } from '../../domain/geo/haversine';
import type { ImportLayer } from '../../domain/import/import-layers';
import type { Backend } from '../store';
import { haversineKmSql } from './haversine-sql';
import type { ImportClient, ImportTx } from './import-client';
import { fillOnce } from './derived-state-sql';
import { idIn } from './id-list-sql';

/**
 * The pairs table (migration 0019, docs/performance.md "Fix 4"): every substation–site pair within PAIR_TABLE_KM,
 * with the haversine distance the queries would compute. Hotspots and unexplained load at radii up to
 * PAIR_TABLE_KM read it (the answer is the same: the stored distance is the same SQL on the same columns); larger
 * radii (the API allows up to MAX_RADIUS_KM = 500) join on the spatial index as before, since the pairs within
 * 500 km would be most of sites × substations.
 */
export const PAIR_TABLE_KM = 10;

/** Whether the pairs table holds every pair a query at `radiusKm` needs. */
export const pairsCover = (radiusKm: number): boolean => radiusKm <= PAIR_TABLE_KM;

/** The pairs of site `t` × substation `s` within PAIR_TABLE_KM (with the millimetre the reads allow). */
function pairRowsSql(pairCondition: (radiusKm: number) => Sql, which: Sql): Sql {
  const distance = haversineKmSql(sql`t.lon`, sql`t.lat`, sql`s.lon`, sql`s.lat`);
  // In key order: the primary key's b-tree then takes the rows as appends per substation, not at random places.
  return sql`INSERT INTO site_substation_pairs (substation_id, site_id, distance_km)
    SELECT s.id, t.id, ${distance} FROM substations s JOIN sites t ON ${pairCondition(PAIR_TABLE_KM)}
    WHERE ${distance} <= ${PAIR_TABLE_KM + WITHIN_TOLERANCE_KM} AND ${which}
    ORDER BY s.id, t.id`;
}

/**
 * Refiles the pairs of the sites or substations `which` selects (a condition on `t` for sites, on `s` for
 * substations): their old pairs go, their pairs where they stand now come. In the transaction of the write that
 * moved or added them. Retired sites keep their pairs: the reads leave them out through the scoped sites.
 * `existed` selects those of them that may have pairs already (null: none did, all are new).
 */
export async function refreshPairs(
  tx: ImportTx,
  pairCondition: (radiusKm: number) => Sql,
  of: 'sites' | 'substations',
  which: Sql,
  existed: Sql | null = which,
): Promise<void> {
  if (existed !== null && of === 'sites') {
    await tx.$executeRaw(
      sql`DELETE FROM site_substation_pairs WHERE site_id IN (SELECT t.id FROM sites t WHERE ${existed})`,
    );
  } else if (existed !== null) {
    await tx.$executeRaw(
      sql`DELETE FROM site_substation_pairs WHERE substation_id IN (SELECT s.id FROM substations s WHERE ${existed})`,
    );
  }
  await tx.$executeRaw(pairRowsSql(pairCondition, which));
}

/**
 * After an import placed rows `ids` of `layer` (new, or moved: `moved`, which had pairs before): refiles the pairs
 * of those sites or substations (other layers move neither). Called once from applyImport, in its transaction.
 */
export async function refreshPairsOfImport(
  tx: ImportTx,
  backend: Backend,
  pairCondition: (radiusKm: number) => Sql,
  layer: ImportLayer,
  ids: readonly number[],
  moved: readonly number[],
): Promise<void> {
  if ((layer !== 'sites' && layer !== 'substations') || ids.length === 0) return;
  const column = layer === 'sites' ? sql`t.id` : sql`s.id`;
  const named = (list: readonly number[]) => idIn(backend, column, list);
  await refreshPairs(tx, pairCondition, layer, named(ids), moved.length > 0 ? named(moved) : null);
}

/**
 * Fills the pairs table once, after migration 0019 added it to a database that had rows (or after the seed); the
 * writes keep it exact after that.
 */
export const fillPairsIfMissing = (db: ImportClient, pairCondition: (radiusKm: number) => Sql) =>
  fillOnce(
    db,
    'site_substation_pairs',
    async (tx) => {
      await tx.$executeRaw(sql`DELETE FROM site_substation_pairs`);
      await tx.$executeRaw(pairRowsSql(pairCondition, sql`1 = 1`));
    },
    30 * 60_000,
  );
