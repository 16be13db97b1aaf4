import type { Static, TSchema } from 'typebox';
import { ApiError } from './api-error';
import { decodeAnswer, isErrorBody } from './decode';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface Send {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** JSON (serialized here) or raw bytes with their content type (an import file). */
  body?: { json: unknown } | { raw: Blob; contentType: string } | { form: FormData };
  signal?: AbortSignal;
  /**
   * A write that is safe to repeat: it carries an Idempotency-Key, and an answer of 503 or a lost connection is
   * retried with the same key (the server answers a repeat with the first answer: docs/security.md, "Retries").
   */
  idempotent?: boolean;
  /** The key of an idempotent write, when the caller made it (the offline queue: its change's id); else a new UUID. */
  idempotencyKey?: string;
}

/** Tries of an idempotent write, and the pause before each retry (ms). */
export const WRITE_RETRY_DELAYS_MS = [300, 1000];

function requestInit({ method = 'GET', body, signal }: Send, key: string | null): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (key !== null) headers['idempotency-key'] = key;
  if (!body) return { method, headers, signal };
  if ('json' in body) {
    headers['content-type'] = 'application/json';
    return { method, headers, signal, body: JSON.stringify(body.json) };
  }
  // The browser writes a multipart body's Content-Type itself, with its boundary.
  if ('form' in body) return { method, headers, signal, body: body.form };
  headers['content-type'] = body.contentType;
  return { method, headers, signal, body: body.raw };
}

/** Calls the API; a failure to reach it or an error answer is thrown as an ApiError, never returned. */
async function call(fetchFn: FetchFn, path: string, send: Send): Promise<Response> {
  if (!send.idempotent) return callOnce(fetchFn, path, send, null);
  const key = send.idempotencyKey ?? crypto.randomUUID();
  for (let attempt = 0; ; attempt++) {
    try {
      return await callOnce(fetchFn, path, send, key);
    } catch (error) {
      const retriable = error instanceof ApiError && (error.status === 503 || error.status === 0);
      const delay = WRITE_RETRY_DELAYS_MS[attempt];
      if (!retriable || delay === undefined || send.signal?.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

async function callOnce(fetchFn: FetchFn, path: string, send: Send, key: string | null): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(path, requestInit(send, key));
  } catch (cause) {
    // An abort is the caller's own decision, not a failure of the API: let it through unchanged.
    if (send.signal?.aborted) throw cause;
    throw new ApiError(0, { code: 'NETWORK', message: `${path}: ${String(cause)}`, details: [] });
  }
  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(body)) throw new ApiError(response.status, body.error);
  throw new ApiError(response.status, {
    code: 'HTTP_ERROR',
    message: `${path}: HTTP ${response.status}`,
    details: [],
  });
}

/** Calls the API and returns its JSON answer decoded against the route's response schema. */
export async function callJson<S extends TSchema>(
  fetchFn: FetchFn,
  path: string,
  schema: S,
  send: Send = {},
): Promise<Static<S>> {
  const response = await call(fetchFn, path, send);
  const body: unknown = await response.json().catch(() => undefined);
  if (body === undefined) {
    throw new ApiError(response.status, { code: 'BAD_RESPONSE', message: `${path}: not JSON`, details: [] });
  }
  return decodeAnswer(schema, body, path, response.status);
}

export function getJson<S extends TSchema>(
  fetchFn: FetchFn,
  path: string,
  schema: S,
  signal?: AbortSignal,
): Promise<Static<S>> {
  return callJson(fetchFn, path, schema, { signal });
}

/** Calls a route that answers 204 with no body (a delete, the logout). */
export async function callNoContent(fetchFn: FetchFn, path: string, send: Send): Promise<void> {
  const response = await call(fetchFn, path, send);
  if (response.status !== 204) {
    const message = `${path}: expected 204 No Content, got HTTP ${response.status}`;
    throw new ApiError(response.status, { code: 'BAD_RESPONSE', message, details: [] });
  }
}
