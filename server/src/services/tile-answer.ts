import type { FastifyReply, FastifyRequest } from 'fastify';
import { MVT_CONTENT_TYPE, TILE_LAYER_IDS, type TileLayerId, type TileQuery } from '@gridwatch/contract';
import { parseTileCoord } from '../domain/geo/tile-math';
import { notFound, validationFailed } from '../http/app-error';
import { sitesAsOfInstant } from '../http/day-param';
import { toLayerFilter } from '../http/layer-filter';
import type { DataVersionsPort, TilesPort } from '../store/store';
import { cacheByDataVersion } from './data-etag';

export function parseTileLayer(layer: string): TileLayerId {
  if (!(TILE_LAYER_IDS as readonly string[]).includes(layer)) {
    throw notFound(`No vector tiles for layer "${layer}"; the tiled layers are ${TILE_LAYER_IDS.join(', ')}`);
  }
  return layer as TileLayerId;
}

/** Sends a tile's bytes, or 204 when it has none. */
function sendTile(reply: FastifyReply, body: Buffer): FastifyReply {
  if (body.byteLength === 0) return reply.code(204).send(null);
  return reply.type(MVT_CONTENT_TYPE).send(body);
}

/**
 * The tile under the ETag that cacheByDataVersion has just set, from the process's tile cache or drawn and kept
 * there. `X-Tile-Cache` says which (observability, and the tests'), never what the client may cache.
 */
async function cachedTile(reply: FastifyReply, draw: () => Promise<Buffer>): Promise<Buffer> {
  const cache = reply.server.tileCache;
  const etag = String(reply.getHeader('etag'));
  const kept = cache.get(etag);
  reply.header('X-Tile-Cache', kept ? 'hit' : 'miss');
  if (kept) return kept;
  const body = await draw();
  cache.set(etag, body);
  return body;
}

const asBuffer = (body: Uint8Array | null): Buffer =>
  body ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : Buffer.alloc(0);

/**
 * Answers one vector tile, for the app's tile route and the OGC API's alike: the layer route's filters, 204 when
 * empty, an ETag from the data versions and a 304 when they have not moved (services/data-etag.ts).
 */
export async function answerTile(
  store: TilesPort & DataVersionsPort,
  request: FastifyRequest,
  reply: FastifyReply,
  tile: { layer: string; z: string; x: string; y: string; query: Omit<TileQuery, 'v'> },
): Promise<FastifyReply> {
  const layer = parseTileLayer(tile.layer);
  const coord = parseTileCoord(tile.z, tile.x, tile.y);
  if (!coord.ok) {
    throw validationFailed(coord.reason, [{ in: 'params', path: `/${coord.param}`, message: coord.reason }]);
  }
  // The layer route's own parsing, so the map, the table and the exports filter alike.
  const { asOf, ...query } = tile.query;
  const { limit: _page, ...filter } = toLayerFilter(layer, query);
  const at = asOf === undefined ? undefined : sitesAsOfInstant(layer, asOf);
  if (await cacheByDataVersion(store, request, reply, layer)) return reply.code(304).send(null);
  const body = await cachedTile(reply, async () =>
    asBuffer(await store.tile({ layer, tile: coord.value, filter, ...(at ? { at } : {}) })),
  );
  return sendTile(reply, body);
}

/**
 * A tile of the whole dataset (OGC API – Tiles, dataset tiles): every tiled layer's own tile, unfiltered, their
 * bytes one after another. An MVT is a list of layers, so concatenated tiles are one tile holding all their layers;
 * QGIS then takes the whole map as one connection with the style (docs/gis-clients.md).
 */
export async function answerDatasetTile(
  store: TilesPort & DataVersionsPort,
  request: FastifyRequest,
  reply: FastifyReply,
  tile: { z: string; x: string; y: string },
): Promise<FastifyReply> {
  const coord = parseTileCoord(tile.z, tile.x, tile.y);
  if (!coord.ok) {
    throw validationFailed(coord.reason, [{ in: 'params', path: `/${coord.param}`, message: coord.reason }]);
  }
  if (await cacheByDataVersion(store, request, reply, TILE_LAYER_IDS)) return reply.code(304).send(null);
  const body = await cachedTile(reply, async () => {
    const bodies = await Promise.all(
      TILE_LAYER_IDS.map((layer) => {
        const { limit: _page, ...filter } = toLayerFilter(layer, {});
        return store.tile({ layer, tile: coord.value, filter });
      }),
    );
    return Buffer.concat(bodies.map(asBuffer));
  });
  return sendTile(reply, body);
}
