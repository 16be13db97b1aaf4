/**
 * Vector tiles from PostGIS: the shared tile SQL selects the rows (GiST prefilter, pixel positions and clusters
 * computed in SQL, the same as SQLite), and ST_AsMVT encodes them in the database, clipping lines and polygons
 * with ST_AsMVTGeom.
 */
import { empty, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { TILE_BUFFER, TILE_EXTENT } from '../../domain/geo/tile-math';
import { LAYER_SQL } from '../sql/layer-sql';
import type { RawClient, Row } from '../sql/sql-store';
import { columnsOf, planTile, propertySelect, TILE_LAYER_SQL, type BboxCondition } from '../sql/tile-sql';
import type { TileRequest } from '../tile-request';

export async function renderPostgisTile(
  db: RawClient,
  request: TileRequest,
  bboxCondition: BboxCondition,
): Promise<Uint8Array | null> {
  const { layer, tile } = request;
  const plan = await planTile(db, request, bboxCondition, sql`, t.geom`);
  const names = Object.keys(TILE_LAYER_SQL[layer].properties);
  const extent = sql`CAST(${TILE_EXTENT} AS integer)`;
  const mvt = (idColumn: Sql) => sql`ST_AsMVT(q, CAST(${layer} AS text), ${extent}, 'geom'${idColumn})`;
  const envelope = sql`ST_TileEnvelope(CAST(${tile.z} AS integer), CAST(${tile.x} AS integer),
    CAST(${tile.y} AS integer))`;
  const mvtGeom = (geom: Sql) =>
    sql`ST_AsMVTGeom(ST_Transform(${geom}, 3857), ${envelope}, ${extent}, CAST(${TILE_BUFFER} AS integer), true)`;
  let query: Sql;
  switch (plan.kind) {
    case 'empty':
      return null;
    case 'points':
      query = sql`SELECT ${mvt(sql`, 'id'`)} AS tile FROM (
          SELECT p.id, ${columnsOf('p', names)}, ${mvtGeom(sql`p.geom`)} AS geom FROM (${plan.query}) p
        ) q WHERE q.geom IS NOT NULL`;
      break;
    case 'clusters':
      // gx/gy are already pixels of this tile, which is the space ST_AsMVT encodes.
      query = sql`SELECT ${mvt(empty)} AS tile FROM (
          SELECT ST_MakePoint(c.gx, c.gy) AS geom, true AS cluster, ${columnsOf('c', plan.clusterProperties)}
          FROM (${plan.query}) c
        ) q`;
      break;
    case 'shapes':
      query = sql`SELECT ${mvt(sql`, 'id'`)} AS tile FROM (
          SELECT t.id, ${propertySelect(layer)}, ${mvtGeom(sql`t.geom`)} AS geom
          FROM ${LAYER_SQL[layer].source} t WHERE ${plan.where}
        ) q WHERE q.geom IS NOT NULL`;
      break;
  }
  const [row] = await db.$queryRaw<Row[]>(query);
  const bytes = row?.tile;
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return null;
  return bytes;
}
