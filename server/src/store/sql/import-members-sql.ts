/**
 * refreshPointMembers (region-members-sql.ts) on PostgreSQL with a few statements instead of four per 1,000
 * points (docs/performance.md, "Fixes for 3, 4, 6, 7"): the points read and their old memberships deleted by one
 * JSON parameter each, the new memberships inserted BULK_CHUNK a statement from one JSON parameter
 * (`json_to_recordset`, as import-bulk-sql.ts writes the rows). Which region holds which point is still decided
 * by `regionMembers` in JavaScript, the exact test every store and every read shares, so the rows are the same.
 */
import { raw, sqltag as sql } from '@prisma/client/runtime/client';
import { regionMembers, type MemberLayer } from '../../domain/geo/region-members';
import type { Row } from '../row-values';
import { BULK_CHUNK } from './import-bulk-sql';
import type { ImportTx } from './import-client';
import { toArea, toPoint } from './region-members-sql';

/** Files the points of `layer` with these externalIds (just written by an import) under their regions anew. */
export async function refreshPointMembersBulk(
  tx: ImportTx,
  layer: MemberLayer,
  externalIds: readonly string[],
): Promise<void> {
  if (externalIds.length === 0) return;
  const regions = (await tx.$queryRaw<Row[]>(sql`SELECT id, geometry FROM regions ORDER BY id`)).map(toArea);
  const named = sql`SELECT value FROM json_array_elements_text(${JSON.stringify(externalIds)}::json)`;
  const points = (
    await tx.$queryRaw<Row[]>(
      sql`SELECT id, lon, lat FROM ${raw(layer)} WHERE external_id IN (${named}) ORDER BY id`,
    )
  ).map(toPoint);
  const ids = JSON.stringify(points.map((p) => p.id));
  await tx.$executeRaw(sql`DELETE FROM region_members WHERE layer = ${layer}
    AND feature_id IN (SELECT value::integer FROM json_array_elements_text(${ids}::json))`);
  const members = regionMembers(regions, points);
  for (let i = 0; i < members.length; i += BULK_CHUNK) {
    const rows = JSON.stringify(
      members.slice(i, i + BULK_CHUNK).map((m) => ({ r: m.regionId, f: m.featureId })),
    );
    await tx.$executeRaw(sql`INSERT INTO region_members (region_id, layer, feature_id)
      SELECT x.r, ${layer}, x.f FROM json_to_recordset(${rows}::json) AS x(r integer, f integer)`);
  }
}
