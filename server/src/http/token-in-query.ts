import type { IncomingMessage } from 'node:http';
import { ACCESS_TOKEN_PARAM } from '@gridwatch/contract';

/** Raw requests whose API token came in the query string: links in their answers carry it on (ogc/links). */
const tokenCameInQuery = new WeakSet<IncomingMessage>();

export const tokenInQuery = (raw: IncomingMessage) => tokenCameInQuery.has(raw);

/**
 * Fastify's `rewriteUrl`: an `access_token` query parameter (RFC 6750 §2.3, for clients that cannot set a header:
 * a MapLibre style URL, ArcGIS Pro's custom request parameters) becomes the request's `Authorization: Bearer`
 * header before routing, and leaves the URL, so routes see one credential path, their query schemas never meet
 * it, and the request log never holds it. A request with both keeps its header.
 */
export function moveQueryTokenToHeader(raw: IncomingMessage): string {
  const url = raw.url ?? '/';
  const q = url.indexOf('?');
  if (q < 0 || !url.includes(ACCESS_TOKEN_PARAM, q)) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  const token = params.get(ACCESS_TOKEN_PARAM);
  if (token === null) return url;
  params.delete(ACCESS_TOKEN_PARAM);
  if (raw.headers.authorization === undefined) {
    raw.headers.authorization = `Bearer ${token}`;
    tokenCameInQuery.add(raw);
  }
  const rest = params.toString();
  return url.slice(0, q) + (rest ? `?${rest}` : '');
}
