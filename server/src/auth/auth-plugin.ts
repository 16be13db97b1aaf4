import fastifyCookie from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { decideAccess, type Access } from '../domain/roles';
import { AppError } from '../http/app-error';
import { isSameOrigin } from '../http/allowed-host';
import { narrowScope, runInScope } from '../store/scope';
import type { UserRecord } from '../store/store';
import { hashSessionToken, SESSION_COOKIE } from './session-token';

/** A route of the API and who may call it, as registered: the roles matrix test walks these. */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its access level, recorded as it is registered. */
    routeAccess: readonly RouteAccess[];
  }
  interface FastifyRequest {
    user: UserRecord | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route (domain/roles.ts). Every /api route must say. */
    access?: Access;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Served by @fastify/swagger-ui, which cannot declare an access level: the API's description is public.
const UNDECLARED_PUBLIC = /^\/api\/docs(\/|$)/;

/**
 * Why a write is refused as cross-site, or null (docs/security.md): an Origin must name this site; a write that
 * carries the session cookie must carry an Origin (every current browser sends one on POST/PATCH/DELETE) or at
 * least `Sec-Fetch-Site: same-origin`, so a request whose origin cannot be told is never trusted with the cookie.
 */
function crossSiteProblem(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    return isSameOrigin(origin, request.headers.host) ? null : 'the Origin header names another site';
  }
  if (request.cookies[SESSION_COOKIE] === undefined) return null;
  if (request.headers['sec-fetch-site'] === 'same-origin') return null;
  return 'a write with the session cookie needs an Origin header';
}

/**
 * The one place that decides who may do what: every /api route declares `config.access`, and this hook
 * resolves the session's user and allows, or answers 401 / 403, before any handler runs.
 */
const auth: FastifyPluginAsync = async (app) => {
  await app.register(fastifyCookie);
  app.decorateRequest('user', null);
  const routeAccess: RouteAccess[] = [];
  app.decorate('routeAccess', routeAccess);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api/')) return;
    if (!route.config?.access && !UNDECLARED_PUBLIC.test(url)) {
      throw new Error(`route ${String(route.method)} ${url} declares no config.access`);
    }
    const access = route.config?.access ?? 'public';
    // HEAD answers as its GET does (Fastify adds one to every GET).
    const methods = [route.method].flat().filter((method) => method !== 'HEAD');
    for (const method of methods) routeAccess.push({ method, url, access });
  });

  // The request's data scope (store/scope.ts) opens before anything reads the store and wraps the rest of the
  // request: `done` runs the next hooks and the handler inside it.
  app.addHook('onRequest', (_request, _reply, done) => runInScope(done));

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await app.store.sessions.findUser(hashSessionToken(token)) : null;
    // A utility's user reads and writes only its utility's sites, on every route (docs/utilities.md).
    narrowScope(request.user?.utilityId ?? null);
    const access = request.routeOptions.config?.access ?? 'public';
    const crossSite = SAFE_METHODS.has(request.method) ? null : crossSiteProblem(request);
    if (crossSite) throw new AppError(403, 'FORBIDDEN', `Cross-site write refused: ${crossSite}`);
    const decision = decideAccess(access, request.user?.role ?? null, app.config.publicRead);
    if (decision === 'unauthenticated') {
      throw new AppError(401, 'UNAUTHENTICATED', 'Log in first: no valid session');
    }
    if (decision === 'forbidden') {
      throw new AppError(
        403,
        'FORBIDDEN',
        `The role ${request.user?.role} may not do this (needs ${access})`,
      );
    }
  });
};

export default fp(auth);
