import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TileLayerId } from '@gridwatch/contract';
import { tileOf, type TileCoord } from '../../src/domain/geo/tile-math';
import { pgSql } from '../../src/store/postgis/pool-client';
import { copyTileRows, renderPostgisTile, textTileRows } from '../../src/store/postgis/postgis-tiles';
import type { BboxCondition } from '../../src/store/sql/tile-sql';
import type { TileRequest } from '../../src/store/tile-request';
import { SMALL_SEED } from '../fixtures/small-seed';
import { makeTestApp, type TestApp } from '../test-app';

/**
 * PostGIS sends a tile's bytes two ways (postgis-tiles.ts): by a binary COPY on the pool, for every request that
 * is neither a utility's nor routed to a replica, and as base64 text through the store's other readers. Both
 * give the same bytes for every kind of tile: points, clusters (of the cells and of the points), lines, polygons.
 */
describe('PostGIS: a tile read by binary COPY is the tile read as text', () => {
  let t: TestApp;
  let pool: pg.Pool;
  let bbox: BboxCondition;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, 'postgis');
    pool = new pg.Pool({ connectionString: t.databaseUrl, max: 2 });
    const store = t.store as unknown as { bboxCondition: BboxCondition };
    bbox = (layer, box) => store.bboxCondition(layer, box);
  });
  afterAll(async () => {
    await pool?.end();
    await t?.close();
  });

  /** The tiles at zoom z over the fixture's sites (86.5–89.2° E, 43.5–44.1° N). */
  function tilesOverFixture(z: number): TileCoord[] {
    const [nw, se] = [tileOf(86.5, 44.1, z), tileOf(89.2, 43.5, z)];
    const tiles: TileCoord[] = [];
    for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) tiles.push({ z, x, y });
    return tiles;
  }

  /** The tile's bytes by one reader or the other, as a Buffer to compare, or null. */
  async function read(how: 'text' | 'copy', request: TileRequest): Promise<Buffer | null> {
    const reader = how === 'text' ? textTileRows(pgSql(pool)) : copyTileRows(pool);
    const bytes = await renderPostgisTile(reader, request, bbox);
    return bytes === null ? null : Buffer.from(bytes);
  }

  it.each<TileLayerId>(['sites', 'substations', 'lines', 'pylons', 'regions'])(
    'for %s from zoom 0 to 14, and by the route',
    async (layer) => {
      let drawn = 0;
      for (const z of [0, 4, 6, 7, 8, 9, 12, 14]) {
        for (const tile of tilesOverFixture(z).slice(0, 12)) {
          // Filtered sites are clustered from their points, not the cells.
          if (layer === 'sites') {
            const filtered = { layer, tile, filter: { statuses: ['UNLICENSED' as const] } };
            expect(await read('copy', filtered)).toEqual(await read('text', filtered));
          }
          const request = { layer, tile, filter: {} };
          const asText = await read('text', request);
          expect(await read('copy', request)).toEqual(asText);
          const res = await t.app.inject({
            method: 'GET',
            url: `/api/tiles/${layer}/${z}/${tile.x}/${tile.y}.mvt`,
          });
          expect(res.statusCode).toBe(asText === null ? 204 : 200);
          if (asText !== null) expect(res.rawPayload).toEqual(asText);
          if (asText !== null) drawn++;
        }
      }
      expect(drawn).toBeGreaterThan(0);
    },
  );
});
