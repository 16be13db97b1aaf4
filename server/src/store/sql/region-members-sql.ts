import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { MultiPolygon, Polygon } from 'geojson';
import { bboxOfCoordinates } from '../../domain/geo/bbox';
import {
  MEMBER_LAYERS,
  regionMembers,
  type IdPoint,
  type MemberLayer,
  type RegionArea,
} from '../../domain/geo/region-members';
import { num, str, type Row } from '../row-values';
import type { ImportClient, ImportTx } from './import-client';

/** Rows per statement: 3 values a row stays far below both stores' bound-parameter limits. */
const CHUNK = 1000;

/** Filing a million points takes longer than Prisma's default 5 s for a transaction. */
const LONG_TRANSACTION = { maxWait: 10_000, timeout: 10 * 60_000 };

/**
 * Filters point layer `layer`'s row `t` to region `regionId` through the stored memberships: one index lookup
 * per row, the same on both stores and in every read (layers, tiles, exports, as-of).
 */
export function inRegionSql(layer: MemberLayer, regionId: number): Sql {
  return sql`EXISTS (SELECT 1 FROM region_members m
    WHERE m.region_id = ${regionId} AND m.layer = ${layer} AND m.feature_id = t.id)`;
}

export const isMemberLayer = (layer: string): layer is MemberLayer =>
  (MEMBER_LAYERS as readonly string[]).includes(layer);

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export const toArea = (row: Row): RegionArea => ({
  id: num(row.id),
  geometry: JSON.parse(str(row.geometry)) as Polygon | MultiPolygon,
});
export const toPoint = (row: Row): IdPoint => ({ id: num(row.id), lon: num(row.lon), lat: num(row.lat) });

async function insertMembers(
  tx: ImportTx,
  layer: MemberLayer,
  members: readonly { regionId: number; featureId: number }[],
): Promise<void> {
  for (const part of chunks(members)) {
    const values = join(part.map((m) => sql`(${m.regionId}, ${layer}, ${m.featureId})`));
    await tx.$executeRaw(sql`INSERT INTO region_members (region_id, layer, feature_id) VALUES ${values}`);
  }
}

/** Files the points of `layer` with these externalIds (just written by an import) under their regions anew. */
export async function refreshPointMembers(
  tx: ImportTx,
  layer: MemberLayer,
  externalIds: readonly string[],
): Promise<void> {
  if (externalIds.length === 0) return;
  const regions = (await tx.$queryRaw<Row[]>(sql`SELECT id, geometry FROM regions ORDER BY id`)).map(toArea);
  for (const ids of chunks(externalIds)) {
    const points = (
      await tx.$queryRaw<Row[]>(
        sql`SELECT id, lon, lat FROM ${raw(layer)} WHERE external_id IN (${join(ids)}) ORDER BY id`,
      )
    ).map(toPoint);
    await tx.$executeRaw(sql`DELETE FROM region_members
      WHERE layer = ${layer} AND feature_id IN (${join(points.map((p) => p.id))})`);
    await insertMembers(tx, layer, regionMembers(regions, points));
  }
}

/**
 * Files every point under the regions with these externalIds (just written by an import, or all of them on a
 * first start) anew: each point layer is read once, over the box around those regions.
 */
export async function refreshRegionMembers(tx: ImportTx, externalIds: readonly string[]): Promise<void> {
  if (externalIds.length === 0) return;
  const regions: RegionArea[] = [];
  for (const ids of chunks(externalIds)) {
    const rows = await tx.$queryRaw<Row[]>(
      sql`SELECT id, geometry FROM regions WHERE external_id IN (${join(ids)}) ORDER BY id`,
    );
    regions.push(...rows.map(toArea));
  }
  if (regions.length === 0) return;
  for (const ids of chunks(regions.map((r) => r.id))) {
    await tx.$executeRaw(sql`DELETE FROM region_members WHERE region_id IN (${join(ids)})`);
  }
  const [minLon, minLat, maxLon, maxLat] = bboxOfCoordinates(regions.map((r) => r.geometry.coordinates));
  for (const layer of MEMBER_LAYERS) {
    const points = (
      await tx.$queryRaw<Row[]>(sql`SELECT id, lon, lat FROM ${raw(layer)}
        WHERE lon >= ${minLon} AND lon <= ${maxLon} AND lat >= ${minLat} AND lat <= ${maxLat} ORDER BY id`)
    ).map(toPoint);
    await insertMembers(tx, layer, regionMembers(regions, points));
  }
}

/**
 * Fills `region_members` when it is empty while regions and points exist: a database made before migration
 * 0003 (or loaded by other means) gets its memberships on the first start, in one transaction.
 */
export async function fileRegionMembersIfMissing(db: ImportClient): Promise<void> {
  const [row] = await db.$queryRaw<Row[]>(sql`SELECT
    (SELECT count(*) FROM (SELECT 1 AS one FROM region_members LIMIT 1) m) AS members,
    (SELECT count(*) FROM (SELECT 1 AS one FROM regions LIMIT 1) r) AS regions`);
  if (num(row?.members) > 0 || num(row?.regions) === 0) return;
  await db.$transaction(async (tx) => {
    const regions = await tx.$queryRaw<Row[]>(sql`SELECT external_id AS "externalId" FROM regions`);
    await refreshRegionMembers(
      tx,
      regions.map((r) => str(r.externalId)),
    );
  }, LONG_TRANSACTION);
}
