import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LayerId } from '@gridwatch/contract';
import type { DataVersions, DataVersionsPort, VersionedLayer } from '../store/store';
import { VERSION } from '../version';

/**
 * HTTP caching of tiles and layer reads (docs/scaling.md, "HTTP caching"). The ETag is made of the data versions
 * the answer depends on (migration 0015: every write advances its layer's counter in its own transaction), the
 * reader's utility scope (a utility's user sees fewer sites in the same tile) and the server's version (a deploy
 * may draw tiles otherwise). So a repeat is answered 304 without drawing the tile, and no cache that revalidates
 * keeps a tile older than the last write.
 */

/** Regions and utilities change what a layer holds for a filter or a scope (region=, a utility's own). */
const DEPENDS_ON: Record<LayerId, readonly VersionedLayer[]> = {
  regions: ['regions'],
  substations: ['substations', 'regions', 'utilities'],
  lines: ['lines', 'substations', 'utilities'],
  pylons: ['pylons', 'lines', 'regions', 'utilities'],
  sites: ['sites', 'regions', 'utilities'],
  zones: ['zones', 'utilities'],
};

/**
 * Anonymous readers (public read) share one answer, which any cache may keep for a few seconds before it
 * revalidates; a signed-in reader's answer is the browser's alone and revalidated on every use, so that a logout
 * or a status change is never hidden by a cache.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=5, must-revalidate';
export const PRIVATE_CACHE_CONTROL = 'private, max-age=0, must-revalidate';

/**
 * The ETag of an answer made of one layer, or of several (a dataset tile holds every tiled layer). `resource` names
 * the answer itself (its URL: the tile, the filters, the day): MapLibre keeps a reloaded tile's old features when
 * the new URL's answer carries the same ETag (its etagUnmodified), so two URLs must never share one.
 */
export function dataEtag(
  versions: DataVersions,
  layers: LayerId | readonly LayerId[],
  utilityId: number | null,
  resource = '',
): string {
  const list: readonly LayerId[] = typeof layers === 'string' ? [layers] : layers;
  const names = [...new Set(list.flatMap((layer) => DEPENDS_ON[layer]))];
  const data = names.map((name) => versions[name]).join('.');
  const url = createHash('sha1').update(resource).digest('base64url').slice(0, 16);
  return `"${VERSION}-${list.join('+')}-${data}-${utilityId === null ? 'all' : `u${utilityId}`}-${url}"`;
}

/** A request's URL as the answer's name: its parameters sorted, less the client's cache-busting `v`. */
export function resourceOf(url: string): string {
  const [path = '', search = ''] = url.split('?', 2);
  const params = new URLSearchParams(search);
  params.delete('v');
  params.sort();
  return `${path}?${params.toString()}`;
}

/** Whether an If-None-Match header (a list, possibly of weak tags) names this ETag. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * Sets ETag, Cache-Control and Vary for a read of `layers` (one or several) and says whether the client's copy is current (then the
 * caller answers 304 without reading). The versions are read before the data: a write that commits in between
 * makes the answer newer than its ETag, which costs one more download later, never a stale copy.
 */
export async function cacheByDataVersion(
  store: DataVersionsPort,
  request: FastifyRequest,
  reply: FastifyReply,
  layers: LayerId | readonly LayerId[],
): Promise<boolean> {
  const etag = dataEtag(
    await store.dataVersions(),
    layers,
    request.user?.utilityId ?? null,
    resourceOf(request.url),
  );
  reply.header('ETag', etag);
  reply.header('Cache-Control', request.user === null ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL);
  // The same URL answers differently for another user: a shared cache must key on the credential.
  reply.header('Vary', 'Cookie, Authorization');
  return matchesEtag(request.headers['if-none-match'], etag);
}
