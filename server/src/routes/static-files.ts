import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { REPO_ROOT } from '../config';

export const CLIENT_DIR = path.join(REPO_ROOT, 'dist/client');
export const BASEMAP_DIR = path.join(REPO_ROOT, 'geodata/build/basemap');
const ASSETS_DIR = path.join(CLIENT_DIR, 'assets') + path.sep;

/** Vite names each built asset by a hash of its content: a new build is a new name, so a copy never goes stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The hashed assets are cached for a year; everything else (index.html, which names the assets, the basemap's
 * files) is checked with the server each time (an unchanged file answers 304).
 */
function cacheHeaders(reply: FastifyReply, filePath: string): void {
  reply.header('cache-control', filePath.startsWith(ASSETS_DIR) ? IMMUTABLE : 'no-cache');
}

/**
 * The built client at `/` and the offline basemap layers at `/basemap/`, both built by `npm run build`. Files,
 * not JSON: they have no response schema, and the response check (http/response-check.ts) passes them by. The
 * build writes a brotli and a gzip copy beside each compressible file (client/build/precompress.ts), served to a
 * browser that takes them (preCompressed), so nothing is compressed per request.
 */
const staticFiles: FastifyPluginAsync = async (app) => {
  if (existsSync(BASEMAP_DIR)) {
    await app.register(fastifyStatic, {
      root: BASEMAP_DIR,
      prefix: '/basemap/',
      decorateReply: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: cacheHeaders,
    });
  } else {
    app.log.warn(`${BASEMAP_DIR} is missing: run npm run geodata to build the offline basemap`);
  }
  if (existsSync(CLIENT_DIR)) {
    await app.register(fastifyStatic, {
      root: CLIENT_DIR,
      prefix: '/',
      decorateReply: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: cacheHeaders,
    });
  } else {
    app.log.warn(`${CLIENT_DIR} is missing: run npm run build to build the client`);
  }
};

export default staticFiles;
