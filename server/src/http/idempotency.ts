/**
 * Retries made safe (docs/security.md, "Retries"): a write sent with an `Idempotency-Key` header and retried
 * with the same key gets the first attempt's answer, not a second write or a 409. The key is filed inside the
 * write's own transaction (store/records/idempotency.ts), so a write that committed while its answer was lost —
 * a connection killed at COMMIT answers 503 — is found by the retry.
 *
 * A retry's answer: the first answer byte for byte when it was sent; when it was lost with the connection, the
 * route runs again with its store write short-circuited to the first transaction's result, which routes turn
 * into their answer without further reads (the rule every keyed route keeps). Keys are per user, for 24 hours.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorBody } from '@gridwatch/contract';
import {
  IdempotencyKeyConflict,
  runWithIdempotencyKey,
  type IdempotencyScope,
  type Store,
} from '../store/store';
import { AppError } from './app-error';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's Idempotency-Key scope, when it sent one to a keyed route. */
    idempotency: IdempotencyScope | null;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on an answer that repeats a first attempt's outcome. */
export const REPLAYED_HEADER = 'idempotent-replayed';

// Printable ASCII without spaces, as the IETF draft's examples (UUIDs, random strings); long enough for any.
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** Writes that need a role: those a user retries. Logins and logouts are not keyed. */
function isKeyedRoute(method: string, access: string | undefined): boolean {
  return WRITE_METHODS.has(method) && (access === 'write' || access === 'admin');
}

function fingerprintOf(request: FastifyRequest): string {
  const hash = createHash('sha256').update(`${request.method} ${request.url}\n`);
  const body: unknown = request.body;
  if (Buffer.isBuffer(body)) hash.update(body);
  else hash.update(JSON.stringify(body ?? null));
  return hash.digest('hex');
}

function keyOf(request: FastifyRequest): string | null {
  const header = request.headers[IDEMPOTENCY_HEADER];
  if (header === undefined) return null;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
    const message = 'Idempotency-Key must be 1 to 255 printable ASCII characters without spaces';
    throw new AppError(400, 'VALIDATION_FAILED', message, [
      { in: 'header', path: '/idempotency-key', message },
    ]);
  }
  return header;
}

const reused = () =>
  new AppError(
    422,
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was used for another request; use a new key for a new request',
  );

/** Wraps a keyed route's handler: replay a stored answer, or run the handler with the key in scope. */
function keyed(store: Store, handler: RouteHandlerMethod): RouteHandlerMethod {
  return async function (this: unknown, request: FastifyRequest, reply: FastifyReply) {
    const key = keyOf(request);
    if (key === null || !request.user) return handler.call(this as never, request, reply);
    // An upload's body is streamed to its handler, so no fingerprint could tell two uploads apart: a key there
    // would replay one file's answer for another. Uploads are not keyed (each makes a new, unattached record).
    if (/^multipart\//i.test(request.headers['content-type'] ?? '')) {
      const message = 'Idempotency-Key is not taken on uploads: send the file again without it';
      throw new AppError(400, 'VALIDATION_FAILED', message, [
        { in: 'header', path: '/idempotency-key', message },
      ]);
    }
    const scope: IdempotencyScope = {
      userId: request.user.id,
      key,
      fingerprint: fingerprintOf(request),
      replayed: false,
      filed: false,
    };
    request.idempotency = scope;
    const stored = await store.idempotency.find(scope.userId, key);
    if (stored) {
      if (stored.fingerprint !== scope.fingerprint) throw reused();
      if (stored.answer) {
        scope.replayed = true;
        const { status, body } = stored.answer;
        if (body === '') return reply.code(status).send();
        return reply.code(status).type('application/json; charset=utf-8').send(body);
      }
      // Committed, answer lost: the route answers again from the first transaction's result.
      if (stored.outcome) scope.storedOutcome = stored.outcome;
    }
    try {
      return await runWithIdempotencyKey(scope, async () => handler.call(this as never, request, reply));
    } catch (error) {
      if (error instanceof IdempotencyKeyConflict) throw reused();
      throw error;
    }
  };
}

const idempotency: FastifyPluginAsync = async (app) => {
  app.decorateRequest('idempotency', null);

  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!methods.some((method) => isKeyedRoute(method, route.config?.access))) return;
    route.handler = keyed(app.store, route.handler as RouteHandlerMethod);
    // The answers the key itself may give: a malformed key (400), a key reused for another request (422).
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (response) {
      response[400] ??= ErrorBody;
      response[422] ??= ErrorBody;
    }
  });

  // Remember the first answer of a keyed write that filed its key; mark a replay as one.
  app.addHook('onSend', async (request, reply, payload) => {
    const scope = request.idempotency;
    if (!scope) return payload;
    if (scope.replayed) {
      reply.header(REPLAYED_HEADER, 'true');
    } else if (scope.filed) {
      // A string, or a long answer's bytes (http/json-bytes.ts); a 204 has none.
      const body =
        typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
      await app.store.idempotency.saveAnswer(scope, reply.statusCode, body).catch((error: unknown) => {
        // The outcome filed with the key still answers a retry; only the byte-for-byte copy is lost.
        request.log.warn({ err: error }, 'could not keep the answer of an idempotent write');
      });
    }
    return payload;
  });
};

export default fp(idempotency);
