import { ApiError, isErrorBody } from './api-error';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** GETs JSON from the API and returns it, or throws an ApiError: never undefined. */
export async function getJson<T>(fetchFn: FetchFn, path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetchFn(path, { headers: { accept: 'application/json' }, signal });
  } catch (cause) {
    // An abort is the caller's own decision, not a failure of the API: let it through unchanged.
    if (signal?.aborted) throw cause;
    throw new ApiError(0, { code: 'NETWORK', message: `${path}: ${String(cause)}`, details: [] });
  }
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
