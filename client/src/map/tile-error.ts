import { isErrorBody } from '../api/decode';

/**
 * The message of a failed tile request. MapLibre's AJAXError carries the response body as a Blob: when it is the
 * API's error JSON, its message says more than the HTTP status text.
 */
export async function tileErrorMessage(error: unknown): Promise<string> {
  const fallback = error instanceof Error ? error.message : String(error);
  const body: unknown = typeof error === 'object' && error !== null && 'body' in error ? error.body : null;
  if (!(body instanceof Blob)) return fallback;
  const parsed: unknown = await body
    .text()
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => null);
  return isErrorBody(parsed) ? parsed.error.message : fallback;
}
