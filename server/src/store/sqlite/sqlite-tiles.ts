/**
 * Vector tiles from SQLite: the shared tile SQL selects the rows (R*Tree prefilter, pixel positions and clusters
 * computed in SQL), geojson-vt clips and simplifies lines and polygons, mvt-encode.ts encodes.
 */
import { sqltag as sql } from '@prisma/client/runtime/client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import GeoJSONVT, { type LegacyFeature } from 'geojson-vt';
import { MAX_TILE_ZOOM, TILE_BUFFER, TILE_EXTENT } from '../../domain/geo/tile-math';
import { LAYER_SQL } from '../sql/layer-sql';
import type { RawClient, Row } from '../sql/sql-store';
import {
  planTile,
  propertySelect,
  tagsOf,
  TILE_LAYER_SQL,
  type BboxCondition,
  type ShapesPlan,
} from '../sql/tile-sql';
import type { TileRequest } from '../tile-request';
import { encodeTile } from './mvt-encode';

export async function renderSqliteTile(
  db: RawClient,
  request: TileRequest,
  bboxCondition: BboxCondition,
): Promise<Uint8Array | null> {
  const plan = await planTile(db, request, bboxCondition);
  const names = Object.keys(TILE_LAYER_SQL[request.layer].properties);
  let features: LegacyFeature[];
  switch (plan.kind) {
    case 'empty':
      return null;
    case 'points':
      features = (await db.$queryRaw<Row[]>(plan.query)).map((row) => ({
        id: Number(row.id),
        type: 1,
        geometry: [[Math.round(Number(row.px)), Math.round(Number(row.py))]],
        tags: tagsOf(row, names),
      }));
      break;
    case 'clusters':
      features = (await db.$queryRaw<Row[]>(plan.query)).map((row) => ({
        type: 1,
        geometry: [[Number(row.gx), Number(row.gy)]],
        tags: { cluster: true, ...tagsOf(row, plan.clusterProperties) },
      }));
      break;
    case 'shapes':
      features = await shapeFeatures(db, request, plan, names);
      break;
  }
  if (features.length === 0) return null;
  return encodeTile(request.layer, features, TILE_EXTENT);
}

/** Lines and polygons clipped to the buffered tile (and simplified to its resolution) by geojson-vt. */
async function shapeFeatures(
  db: RawClient,
  { layer, tile }: TileRequest,
  plan: ShapesPlan,
  names: readonly string[],
): Promise<LegacyFeature[]> {
  const rows = await db.$queryRaw<Row[]>(
    sql`SELECT t.id, ${propertySelect(layer)}, t.geometry FROM ${LAYER_SQL[layer].source} t
      WHERE ${plan.where} ORDER BY t.id`,
  );
  if (rows.length === 0) return [];
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: rows.map((row): Feature => ({
      type: 'Feature',
      id: Number(row.id),
      geometry: JSON.parse(String(row.geometry)) as Geometry,
      properties: tagsOf(row, names),
    })),
  };
  // Only the rows meeting this tile are indexed, and only the path down to it is cut (indexMaxZoom 0).
  const index = new GeoJSONVT(collection, {
    maxZoom: MAX_TILE_ZOOM,
    indexMaxZoom: 0,
    extent: TILE_EXTENT,
    buffer: TILE_BUFFER,
  });
  return index.getTile(tile.z, tile.x, tile.y)?.features ?? [];
}
