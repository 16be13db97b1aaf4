import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MVT_CONTENT_TYPE, TILE_LAYER_IDS, type TileLayerId, type TileQuery } from '@gridwatch/contract';
import { parseTileCoord } from '../domain/geo/tile-math';
import { notFound, validationFailed } from '../http/app-error';
import { sitesAsOfInstant } from '../http/day-param';
import { toLayerFilter } from '../http/layer-filter';
import type { TilesPort } from '../store/store';

/**
 * Statuses change during a campaign, so a tile may be kept only briefly; the ETag lets the map revalidate a
 * tile without downloading it again when nothing in it changed.
 */
const CACHE_CONTROL = 'private, max-age=30';

export function parseTileLayer(layer: string): TileLayerId {
  if (!(TILE_LAYER_IDS as readonly string[]).includes(layer)) {
    throw notFound(`No vector tiles for layer "${layer}"; the tiled layers are ${TILE_LAYER_IDS.join(', ')}`);
  }
  return layer as TileLayerId;
}

/** Whether an If-None-Match header (a list, possibly of weak tags) names this ETag. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * Answers one vector tile, for the app's tile route and the OGC API's alike: the layer route's filters, 204 when
 * empty, an ETag and a 304 when it has not changed.
 */
export async function answerTile(
  store: TilesPort,
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
  const body = await store.tile({ layer, tile: coord.value, filter, ...(at ? { at } : {}) });
  reply.header('Cache-Control', CACHE_CONTROL);
  if (!body) return reply.code(204).send(null);
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  reply.header('ETag', etag);
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send(null);
  return reply.type(MVT_CONTENT_TYPE).send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}
