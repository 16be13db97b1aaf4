import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_TOKEN_PARAM, endOfDayIso, parseCalendarDay } from '@gridwatch/contract';
import { validationFailed } from './app-error';
import { tokenInQuery } from './token-in-query';

/** How an /ogc answer is rendered: `f` first, then Accept (a browser asks for text/html first). */
export function wantsHtml(request: FastifyRequest, f: string | undefined): boolean {
  if (f !== undefined) return f === 'html';
  const accept = request.headers.accept ?? '';
  const html = accept.indexOf('text/html');
  if (html < 0) return false;
  const json = accept.search(/application\/(geo\+|schema\+)?json/);
  return json < 0 || html < json;
}

/**
 * The links of an answer: absolute (clients such as GDAL follow them as they are), and carrying the API token on
 * when it came as `?access_token=`, so a client that cannot set a header stays signed in as it follows them.
 */
export function linkMaker(request: FastifyRequest): (path: string, query?: Record<string, string>) => string {
  const base = `${request.protocol}://${request.host}`;
  const token = tokenInQuery(request.raw)
    ? request.headers.authorization?.replace(/^Bearer +/i, '')
    : undefined;
  return (path, query = {}) => {
    const params = new URLSearchParams(query);
    if (token) params.set(ACCESS_TOKEN_PARAM, token);
    const text = params.toString();
    return `${base}${path}${text ? `?${text}` : ''}`;
  };
}

/** The query string of the request as strings, without `f` (a link sets its own). */
export function queryOf(request: FastifyRequest): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.query as Record<string, unknown>)) {
    if (key !== 'f' && value !== undefined) query[key] = String(value);
  }
  return query;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * `datetime` of the sites' items as the instant the map is read at: a day is its end in Beijing (as the app's
 * `asOf`), an RFC 3339 instant is itself. Intervals are refused: the map as of one moment is what the store reads.
 */
export function ogcInstant(text: string): string {
  const refuse = (message: string) =>
    validationFailed(message, [{ in: 'querystring', path: '/datetime', message }]);
  if (text.includes('/')) {
    throw refuse(`datetime "${text}" is an interval; give a day (YYYY-MM-DD) or an instant (RFC 3339)`);
  }
  if (INSTANT.test(text)) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms) || !parseCalendarDay(text.slice(0, 10)).ok)
      throw refuse(`datetime "${text}" is no instant`);
    return new Date(ms).toISOString();
  }
  const day = parseCalendarDay(text);
  if (!day.ok) throw refuse(`datetime: ${day.reason}`);
  return endOfDayIso(day.value);
}

/** Sends a document as JSON of its media type, or as the HTML page `html` renders. */
export function sendOgc(
  reply: FastifyReply,
  html: boolean,
  jsonType: string,
  body: unknown,
  page: () => string,
): FastifyReply {
  if (html) return reply.header('vary', 'Accept').type('text/html; charset=utf-8').send(page());
  return sendOgcText(reply, jsonType, JSON.stringify(body));
}

/** A JSON answer already written (the items of a point layer: feature-json-answer.ts ogcItemsAnswer). */
export function sendOgcText(reply: FastifyReply, jsonType: string, json: string | Buffer): FastifyReply {
  return reply.header('vary', 'Accept').type(jsonType).send(json);
}
