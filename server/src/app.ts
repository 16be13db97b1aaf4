import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config';
import { registerErrorHandling } from './http/error-handler';
import securityHeaders from './http/security-headers';
import { checkResponses } from './http/response-check';
import { jsonAnswer } from './http/json-bytes';
import { strictJsonBodyParser } from './http/strict-json';
import { validatorCompiler } from './http/validation';
import { moveQueryTokenToHeader } from './http/token-in-query';
import auth from './auth/auth-plugin';
import idempotency from './http/idempotency';
import readRouting from './http/read-routing';
import attachments from './routes/attachments';
import apiTokens from './routes/api-tokens';
import audit from './routes/audit';
import authRoutes from './routes/auth';
import exportsRoute from './routes/exports';
import features from './routes/features';
import health from './routes/health';
import imports from './routes/imports';
import layers from './routes/layers';
import mapConfig from './routes/map-config';
import basemapTiles from './routes/basemap-tiles';
import { openBasemapArchive, type BasemapArchive } from './services/pmtiles-basemap';
import ogcFeatures from './routes/ogc-features';
import ogcStyles from './routes/ogc-styles';
import ogcTiles from './routes/ogc-tiles';
import openapi from './routes/openapi';
import progress from './routes/progress';
import queries from './routes/queries';
import readings from './routes/readings';
import reportPeriods from './routes/report-periods';
import reports from './routes/reports';
import staticFiles from './routes/static-files';
import search from './routes/search';
import sites from './routes/sites';
import tiles from './routes/tiles';
import users from './routes/users';
import zones from './routes/zones';
import type { Store } from './store/store';
import { TileCache } from './services/tile-cache';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    config: Config;
    /** The local PMTiles basemap (GRIDWATCH_BASEMAP_PMTILES), open for the server's life; null: none. */
    basemap: BasemapArchive | null;
    /** Drawn tiles by ETag (services/tile-cache.ts). */
    tileCache: TileCache;
  }
}

export const BODY_LIMIT_BYTES = 20 * 1024 * 1024;

export interface AppOptions {
  config: Config;
  store: Store;
  /** Serve the built client and basemap (off in API tests). */
  serveStatic?: boolean;
  /** Check every JSON answer against its route's response schema, a mismatch answering 500 (tests only). */
  checkResponses?: boolean;
}

/** The Fastify app: one error handler, strict validation, the routes. Listening is main.ts's job. */
export async function buildApp({
  config,
  store,
  serveStatic = true,
  checkResponses: checked = false,
}: AppOptions): Promise<FastifyInstance> {
  const hops = config.trustProxy;
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    // A hop count trusts that many proxies nearest to the server (Fastify takes it as a function of the hop).
    trustProxy: typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : hops,
    routerOptions: { ignoreTrailingSlash: true },
    // ?access_token= becomes the Authorization header before routing (http/token-in-query.ts).
    rewriteUrl: moveQueryTokenToHeader,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Answers are serialised as they are, never silently trimmed or coerced (a schema-driven serialiser drops
  // undeclared fields and turns a wrong type into a plausible value, hiding the very mismatch a check should
  // find). The schemas are enforced where a mismatch is cheap to find: in tests, by checkResponses. An answer
  // with a long array comes as the bytes of the same text (http/json-bytes.ts); Fastify sends a Buffer as it is,
  // though its type for a serializer names only a string.
  app.setSerializerCompiler(() => (data) => jsonAnswer(data) as string);
  if (checked) checkResponses(app);
  app.decorate('store', store);
  app.decorate('config', config);
  app.decorate('tileCache', new TileCache(config.tileCacheBytes));
  // Opened before listening: a bad archive stops the start, naming what is wrong (like a bad basemap URL).
  const basemap = config.basemapPmtiles ? await openBasemapArchive(config.basemapPmtiles) : null;
  app.decorate('basemap', basemap);
  if (basemap) app.addHook('onClose', () => basemap.close());
  registerErrorHandling(app);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, strictJsonBodyParser);

  // Answers of 1 KB and more go out brotli or gzip as the browser takes them (a layer's GeoJSON shrinks about
  // tenfold); the static files come precompressed by the build (routes/static-files.ts) and are left alone.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(securityHeaders);
  await app.register(auth);
  await app.register(idempotency);
  await app.register(readRouting);
  await app.register(openapi);
  await app.register(health);
  await app.register(authRoutes);
  await app.register(users);
  await app.register(apiTokens);
  await app.register(audit);
  await app.register(layers);
  await app.register(mapConfig);
  await app.register(basemapTiles);
  await app.register(features);
  await app.register(queries);
  await app.register(tiles);
  await app.register(readings);
  await app.register(imports);
  await app.register(sites);
  await app.register(attachments);
  await app.register(zones);
  await app.register(exportsRoute);
  await app.register(search);
  await app.register(progress);
  await app.register(reportPeriods);
  await app.register(reports);
  await app.register(ogcFeatures);
  await app.register(ogcTiles);
  await app.register(ogcStyles);
  if (serveStatic) await app.register(staticFiles);
  return app;
}
