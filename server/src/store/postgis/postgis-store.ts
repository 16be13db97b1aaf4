import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { LayerId } from '../../api/layers';
import type { Bbox } from '../../domain/geo/bbox';
import type { SeedData } from '../../../../geodata/src/seed-types';
import { SqlStore } from '../sql/sql-store';
import { PrismaClient } from './generated/client';
import { loadSeedPostgis } from './load-seed';
import { applyPostgisMigrations } from './migrate';

export interface OpenPostgisOptions {
  /** Loaded when the database holds no data yet (first start). */
  seed?: () => SeedData;
  poolSize?: number;
}

/**
 * Settings for small machines: JIT compilation costs more than it saves on these short queries, and parallel
 * workers compete with the app for two cores.
 */
const SESSION_OPTIONS = '-c jit=off -c max_parallel_workers_per_gather=0';

/** Opens the pool (warmed), applies the migrations and loads the seed into an empty database. */
export async function openPostgisStore(url: string, options: OpenPostgisOptions = {}): Promise<PostgisStore> {
  const pool = new pg.Pool({ connectionString: url, options: SESSION_OPTIONS, max: options.poolSize ?? 8 });
  const client = await pool.connect();
  try {
    await applyPostgisMigrations(client);
    const { rows } = await client.query<{ empty: boolean }>(
      'SELECT NOT EXISTS (SELECT 1 FROM regions) AND NOT EXISTS (SELECT 1 FROM sites) AS empty',
    );
    if (rows[0]?.empty && options.seed) await loadSeedPostgis(client, options.seed());
  } finally {
    client.release();
  }
  // Warm the pool so the first requests do not pay for connecting.
  const warm = await Promise.all(
    Array.from({ length: Math.min(2, options.poolSize ?? 8) }, () => pool.connect()),
  );
  for (const c of warm) c.release();
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  await prisma.$connect();
  return new PostgisStore(prisma, pool);
}

export class PostgisStore extends SqlStore {
  readonly backend = 'postgis' as const;

  constructor(
    readonly prisma: PrismaClient,
    private readonly pool: pg.Pool,
  ) {
    super(prisma);
  }

  /** `&&` compares bounding boxes (edges included) through the GiST index on geom. */
  protected bboxCondition(_layer: LayerId, [minLon, minLat, maxLon, maxLat]: Bbox): Sql {
    return sql`t.geom && ST_MakeEnvelope(${minLon}::float8, ${minLat}::float8, ${maxLon}::float8, ${maxLat}::float8, 4326)`;
  }

  override async close(): Promise<void> {
    await super.close();
    await this.pool.end();
  }
}
