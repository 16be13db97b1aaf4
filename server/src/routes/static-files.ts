import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { REPO_ROOT } from '../config';

export const CLIENT_DIR = path.join(REPO_ROOT, 'dist/client');
export const BASEMAP_DIR = path.join(REPO_ROOT, 'geodata/build/basemap');

/**
 * The built client at `/` and the offline basemap layers at `/basemap/`, both built by `npm run build`. Files,
 * not JSON: they have no response schema, and the response check (http/response-check.ts) passes them by.
 */
const staticFiles: FastifyPluginAsync = async (app) => {
  if (existsSync(BASEMAP_DIR)) {
    await app.register(fastifyStatic, { root: BASEMAP_DIR, prefix: '/basemap/', decorateReply: false });
  } else {
    app.log.warn(`${BASEMAP_DIR} is missing: run npm run geodata to build the offline basemap`);
  }
  if (existsSync(CLIENT_DIR)) {
    await app.register(fastifyStatic, { root: CLIENT_DIR, prefix: '/', decorateReply: false });
  } else {
    app.log.warn(`${CLIENT_DIR} is missing: run npm run build to build the client`);
  }
};

export default staticFiles;
