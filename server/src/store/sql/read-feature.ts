import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { LayerId } from '@gridwatch/contract';
import { rowToFeature } from '../feature-rows';
import type { LayerFeature } from '../ports/layers';
import type { Row } from '../row-values';
import { LAYER_SQL } from './layer-sql';

/**
 * One feature by id, through any client: the store's, or a write transaction's, so a write can answer with
 * the feature as it committed it (the answer a retried write replays, docs/security.md "Retries").
 */
export async function readFeature<L extends LayerId>(
  db: { $queryRaw<T = unknown>(query: Sql): Promise<T> },
  layer: L,
  id: number,
): Promise<LayerFeature<L> | null> {
  const { columns, from } = LAYER_SQL[layer];
  const [row] = await db.$queryRaw<Row[]>(sql`SELECT ${columns} FROM ${from} WHERE t.id = ${id}`);
  return row ? (rowToFeature[layer] as (row: Row) => LayerFeature<L>)(row) : null;
}
