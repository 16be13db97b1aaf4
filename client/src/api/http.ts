import { ApiError, isErrorBody } from './api-error';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface Send {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** JSON (serialized here) or raw bytes with their content type (an import file). */
  body?: { json: unknown } | { raw: Blob; contentType: string };
  signal?: AbortSignal;
}

function requestInit({ method = 'GET', body, signal }: Send): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (!body) return { method, headers, signal };
  if ('json' in body) {
    headers['content-type'] = 'application/json';
    return { method, headers, signal, body: JSON.stringify(body.json) };
  }
  headers['content-type'] = body.contentType;
  return { method, headers, signal, body: body.raw };
}

/** Calls the API and returns its JSON answer (undefined for 204), or throws an ApiError: never a silent failure. */
export async function callJson<T>(fetchFn: FetchFn, path: string, send: Send = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetchFn(path, requestInit(send));
  } catch (cause) {
    // An abort is the caller's own decision, not a failure of the API: let it through unchanged.
    if (send.signal?.aborted) throw cause;
    throw new ApiError(0, { code: 'NETWORK', message: `${path}: ${String(cause)}`, details: [] });
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiError(response.status, body.error);
    throw new ApiError(response.status, {
      code: 'HTTP_ERROR',
      message: `${path}: HTTP ${response.status}`,
      details: [],
    });
  }
  if (body === undefined) {
    throw new ApiError(response.status, { code: 'BAD_RESPONSE', message: `${path}: not JSON`, details: [] });
  }
  return body as T;
}

export function getJson<T>(fetchFn: FetchFn, path: string, signal?: AbortSignal): Promise<T> {
  return callJson<T>(fetchFn, path, { signal });
}
