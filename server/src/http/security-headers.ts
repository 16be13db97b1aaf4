import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { AppError } from './app-error';
import { isAllowedHost } from './allowed-host';

/** Answers that must never sit in a cache: who the users are, the audit trail, exported data, the session. */
const NO_STORE = /^\/api\/(users|audit|export|auth|tokens)(\/|\?|$)/;
/**
 * The map as GIS web clients load it from other origins (a MapLibre page elsewhere, docs/gis-clients.md): the OGC
 * API with its style, sprite and fonts, and the offline basemap files the style names. `*` is never credentialed,
 * so a browser sends no cookie with such a request: only public reads or a token in the URL get data.
 */
const SHARED_ACROSS_ORIGINS = /^\/(ogc|basemap)(\/|\?|$)/;
// Swagger UI's page needs its own inline bootstrap; it is documentation, served under a looser policy.
const DOCS = /^\/api\/docs(\/|$)/;

/**
 * The page's Content-Security-Policy. MapLibre runs its worker from a blob: URL and draws images from blob:/data:;
 * the online basemap, when configured, is the one other origin the map may fetch from. Styles allow 'unsafe-inline'
 * for the style attributes that MapLibre's popups and controls set.
 */
export function contentSecurityPolicy(config: Pick<Config, 'onlineBasemap'>): string {
  const basemap = config.onlineBasemap
    ? ` ${new URL(config.onlineBasemap.tiles.replace(/\{[a-z]\}/g, '0')).origin}`
    : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${basemap}`,
    `connect-src 'self'${basemap}`,
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Browser security headers on every answer, and the Host check (docs/security.md): a request whose Host is not
 * this server's is refused before any route runs, which defeats DNS rebinding.
 */
const securityHeaders: FastifyPluginAsync = async (app) => {
  const csp = contentSecurityPolicy(app.config);
  app.addHook('onRequest', async (request) => {
    if (!isAllowedHost(request.headers.host, app.config.publicOrigins)) {
      throw new AppError(
        421,
        'MISDIRECTED',
        `This server does not answer for the host "${String(request.headers.host ?? '').slice(0, 100)}"; ` +
          'set GRIDWATCH_PUBLIC_ORIGIN to the origin it is reached at',
      );
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    // A route may set a stricter one of its own (a download: sandbox, nothing loads).
    if (!DOCS.test(request.url) && !reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', csp);
    }
    if (NO_STORE.test(request.url)) reply.header('cache-control', 'no-store');
    if ((request.method === 'GET' || request.method === 'HEAD') && SHARED_ACROSS_ORIGINS.test(request.url)) {
      reply.header('access-control-allow-origin', '*');
    }
  });
};

export default fp(securityHeaders);
