import type { FastifyContextConfig, FastifyPluginAsync, FastifyRequest, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';
import { parseWalPosition } from '../domain/wal-position';
import { allowReplicaReads } from '../store/scope';
import { isDatabaseUnavailable } from './unavailable';

/**
 * Which requests a streaming replica may serve, and read-your-writes across app instances (docs/scaling.md,
 * "Reads from a replica"). The read routes — layers, tiles, search, spatial queries, analysis, exports and the
 * OGC API — may read from the replica; everything else (sessions, writes, a site's panel and history, users,
 * reports) reads the primary. After a write, the primary's WAL position goes back in a cookie; until the replica
 * has replayed that far, the writer's reads go to the primary, on whichever instance they land.
 */
export const WRITE_POSITION_COOKIE = 'gridwatch_wal';
/** Beyond the lag bound a replica is skipped anyway, so the mark need not outlive it by much. */
const WRITE_POSITION_SECONDS = 60;

const REPLICA_ROUTES =
  /^\/(api\/(layers|tiles|search|query|analysis|export)\/?|api\/lines\/:id\/corridor$|api\/substations\/(nearest|:id\/unlicensed-load)$|ogc\/)/;
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

function isReplicaRoute(url: string | undefined, config: FastifyContextConfig | undefined): boolean {
  return config?.access === 'read' && REPLICA_ROUTES.test(url ?? '');
}

export function mayReadReplica(request: FastifyRequest): boolean {
  return isReplicaRoute(request.routeOptions.url, request.routeOptions.config);
}

const readRouting: FastifyPluginAsync = async (app) => {
  if (app.store.replicaState() === null) return;
  // A replica that goes down under a read fails it (its shutdown ends the connections): the read is answered
  // again from the primary, before anything is sent. Answering 503 instead made every instance 503 at once,
  // since they share the replica, and nginx then took both out of rotation: 2 s of 502s for every request
  // (deploy/topology/check.ts saw 40 of them).
  app.addHook('onRoute', (route) => {
    if (!isReplicaRoute(route.url, route.config)) return;
    const handler = route.handler as (...args: Parameters<RouteHandlerMethod>) => Promise<unknown>;
    route.handler = async function (this: ThisParameterType<RouteHandlerMethod>, request, reply) {
      try {
        return await handler.call(this, request, reply);
      } catch (error) {
        if (!isDatabaseUnavailable(error) || !app.store.readsReplica() || reply.sent) throw error;
        request.log.warn({ err: error }, 'the replica failed a read: answered from the primary');
        app.store.replicaFailedRead();
        return await handler.call(this, request, reply);
      }
    };
  });
  // After the auth hook (the session is the primary's): the handler's queries may go to the replica.
  app.addHook('preHandler', async (request) => {
    if (!mayReadReplica(request)) return;
    allowReplicaReads(parseWalPosition(request.cookies[WRITE_POSITION_COOKIE] ?? ''));
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (mayReadReplica(request)) {
      reply.header('X-Gridwatch-Read-From', app.store.readsReplica() ? 'replica' : 'primary');
    }
    if (WRITES.has(request.method) && reply.statusCode < 400 && request.user) {
      const position = await app.store.writePosition().catch(() => null);
      if (position) {
        reply.setCookie(WRITE_POSITION_COOKIE, position, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: request.protocol === 'https',
          maxAge: WRITE_POSITION_SECONDS,
        });
      }
    }
    return payload;
  });
};

export default fp(readRouting);
