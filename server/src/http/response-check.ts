/**
 * The response contract, enforced: every JSON answer is checked against the route's response schema for its
 * status code, and a mismatch becomes a 500 that names the route, the status and the offending path, so the test
 * that asked fails loudly. On in tests (`buildApp({checkResponses: true})`); production serialises with
 * JSON.stringify and checks nothing (app.ts says why).
 *
 * Non-JSON answers (vector tiles, exports, static files, the OpenAPI UI) are not checked: their schemas only
 * document a binary body.
 */
import { Readable } from 'node:stream';
import type { ValidateFunction } from 'ajv';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorBody } from '@gridwatch/contract';
import { describeAjvErrors, responseAjv } from './validation';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set, with a comment saying why, on a JSON route whose answer has no schema of its own. */
    responseCheck?: 'exempt';
  }
}

// Served by @fastify/swagger-ui, which declares no schemas: its pages and the document it serves.
const UNCHECKED_URL = /^\/api\/docs(\/|$)/;

export interface ResponseMismatch {
  route: string;
  status: number;
  problems: string[];
}

/** Compiles each route's schema for a status once. */
const compiled = new WeakMap<object, ValidateFunction>();
function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    // Without its $id: a route's copy of a shared schema (ErrorBody) would clash with the first one compiled.
    const { $id: _id, ...anonymous } = schema as { $id?: string };
    validate = responseAjv.compile(anonymous);
    compiled.set(schema, validate);
  }
  return validate;
}

/** The schema a route declares for a status: the exact code, then `4xx`-style ranges, then `default`. */
function declaredSchema(request: FastifyRequest, status: number): object | undefined {
  const responses = request.routeOptions.schema?.response as Record<string, object> | undefined;
  if (!request.routeOptions.url) return ErrorBody; // the not-found handler: no route, the error shape
  return responses?.[String(status)] ?? responses?.[`${String(status)[0]}xx`] ?? responses?.default;
}

/** What is wrong with a JSON answer, or null when it is what the route promised. */
export function checkAnswer(request: FastifyRequest, status: number, body: unknown): ResponseMismatch | null {
  const route = `${request.method} ${request.routeOptions.url ?? '(no route)'}`;
  const schema = declaredSchema(request, status);
  if (!schema) {
    return { route, status, problems: [`the route declares no response schema for status ${status}`] };
  }
  const validate = validatorFor(schema);
  if (validate(body)) return null;
  return {
    route,
    status,
    problems: describeAjvErrors(validate.errors ?? [], 'response').map((d) => d.message),
  };
}

const isJson = (reply: FastifyReply) => /^application\/json\b/.test(String(reply.getHeader('content-type')));

async function readText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

/** Adds the check to every route of the app (an onSend hook: it sees the error handler's answers too). */
export function checkResponses(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!isJson(reply) || UNCHECKED_URL.test(request.url)) return payload;
    if (request.routeOptions.config?.responseCheck === 'exempt') return payload;
    // A streamed JSON answer (a layer page the database copies) is read whole here, so it is checked too.
    // So is an answer serialised as bytes (http/json-bytes.ts).
    const text =
      payload instanceof Readable
        ? await readText(payload)
        : Buffer.isBuffer(payload)
          ? payload.toString('utf8')
          : payload;
    if (typeof text !== 'string') return payload;
    const mismatch = checkAnswer(request, reply.statusCode, JSON.parse(text) as unknown);
    if (!mismatch) return Buffer.isBuffer(payload) ? payload : text;
    const message =
      `${mismatch.route} answered ${mismatch.status} against its response schema: ` +
      mismatch.problems.join('; ');
    request.log.error({ mismatch }, message);
    reply.code(500);
    return JSON.stringify({ error: { code: 'RESPONSE_MISMATCH', message, details: mismatch.problems } });
  });
}
