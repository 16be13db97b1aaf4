/**
 * An import's new sites on PostgreSQL, written with what follows from their place (docs/performance.md, "Fix 13"):
 * their region memberships and their accountable utility. Both used to follow the insert, the utility as an
 * `UPDATE` of every row just inserted, which rewrote the rows and all their index entries again (4.4 s of a
 * 100,000-row import's 5.2 s utility stage was the rewrite, not the choice). Here the memberships are decided
 * first, in JavaScript by `regionMembers` as for every point (so the rows are the same), and the `INSERT` itself
 * sets `utility_id` by accountableUtilitySql, its region choice read from the memberships sent with each row.
 * Moved and relinked rows of the same import keep the refile after the write (import-sql.ts).
 */
import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { SITE_COLUMNS } from '@gridwatch/contract';
import { regionMembers } from '../../domain/geo/region-members';
import type { ImportRecord } from '../../domain/import/import-layers';
import type { Row } from '../row-values';
import { BULK_CHUNK, bulkInsert } from './import-bulk-sql';
import type { ImportTx } from './import-client';
import { toArea } from './region-members-sql';
import { accountableUtilitySql } from './site-utility-sql';

/** The utility of the lowest id whose service region is among the row's regions (`t.rg`, sent with it). */
const SENT_REGION_UTILITY = sql`(SELECT min(u.id) FROM utilities u WHERE u.region_id = ANY (t.rg))`;

/**
 * Inserts the new sites (ON CONFLICT DO NOTHING: the caller compares the count) with their accountable utility,
 * `statusChangedAt` stamped `at`, and files them under their regions. Returns the ids of the rows inserted by
 * their externalIds.
 */
export async function insertNewSites(
  tx: ImportTx,
  records: readonly ImportRecord<'sites'>[],
  at: string,
  pairCondition: (radiusKm: number) => Sql,
): Promise<Map<string, number>> {
  if (records.length === 0) return new Map();
  const regions = (await tx.$queryRaw<Row[]>(sql`SELECT id, geometry FROM regions ORDER BY id`)).map(toArea);
  // A record's place in the file stands for its id until it has one.
  const points = records.map(({ geometry }, id) => ({
    id,
    lon: geometry.coordinates[0]!,
    lat: geometry.coordinates[1]!,
  }));
  const regionsOf: number[][] = records.map(() => []);
  for (const { regionId, featureId } of regionMembers(regions, points)) regionsOf[featureId]!.push(regionId);

  const inserted = await bulkInsert(
    tx,
    'sites',
    SITE_COLUMNS,
    'point',
    records,
    {
      status_changed_at: sql`${at}`,
      utility_id: accountableUtilitySql(pairCondition, SENT_REGION_UTILITY),
    },
    { types: { rg: 'integer[]' }, values: (n) => ({ rg: regionsOf[n] }) },
  );

  // Their memberships by the ids the insert gave them (a row not inserted has none: the caller aborts), in key
  // order: the primary key's b-tree then takes them as appends per region.
  const members = records.flatMap((record, n) => {
    const f = inserted.get(record.properties.externalId);
    return f === undefined ? [] : regionsOf[n]!.map((r) => ({ f, r }));
  });
  for (let i = 0; i < members.length; i += BULK_CHUNK) {
    const rows = JSON.stringify(members.slice(i, i + BULK_CHUNK));
    await tx.$executeRaw(sql`INSERT INTO region_members (region_id, layer, feature_id)
      SELECT x.r, 'sites', x.f FROM json_to_recordset(${rows}::json) AS x(f integer, r integer)
      ORDER BY x.r, x.f`);
  }
  return inserted;
}
