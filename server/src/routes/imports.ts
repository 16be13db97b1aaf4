import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, ImportQuery, ImportResult, LayerParams } from '@gridwatch/contract';
import { IMPORT_LAYERS, isImportLayer } from '../domain/import/import-layers';
import { ImportConflictError } from '../domain/import/plan-import';
import { readCsv, readFeatureCollection } from '../domain/import/read-rows';
import { AppError, notFound, validationFailed } from '../http/app-error';
import { strictJsonBodyParser } from '../http/strict-json';
import { importLayer } from '../services/import-layer';

/** POST /api/import/:layer (docs/import.md): upsert by externalId, all or nothing. */
const imports: FastifyPluginAsyncTypebox = async (app) => {
  // Registered inside this plugin, so only the import route takes GeoJSON and CSV bodies. CSV arrives as bytes:
  // its encoding (UTF-8 or GB 18030) is the query's to say, not Fastify's.
  app.addContentTypeParser('application/geo+json', { parseAs: 'buffer' }, strictJsonBodyParser);
  app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/api/import/:layer',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['import'],
        description:
          `Imports a GeoJSON FeatureCollection (application/json or application/geo+json) or, for point ` +
          `layers, a CSV (text/csv) into ${IMPORT_LAYERS.join(', ')}: upsert by properties.externalId, all or ` +
          'nothing; a bad row refuses the whole import with 422 IMPORT_INVALID listing every bad row. A dry run ' +
          'is a check that succeeds whatever it finds: 200, with every bad row in errors and counts of 0 (what ' +
          'the import would write: nothing), or the counts of a clean file and no errors.',
        params: LayerParams,
        querystring: ImportQuery,
        response: { 200: ImportResult, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const { layer } = request.params;
      if (!isImportLayer(layer))
        throw notFound(`Unknown import layer "${layer}"; the layers are ${IMPORT_LAYERS.join(', ')}`);
      const { dryRun, crs, encoding } = request.query;
      const body: unknown = request.body;
      if (!Buffer.isBuffer(body) && encoding !== 'utf8') {
        const message = 'encoding applies to a CSV body only; JSON is always UTF-8';
        throw validationFailed(message, [{ in: 'querystring', path: '/encoding', message }]);
      }
      const read = Buffer.isBuffer(body)
        ? readCsv(layer, body, encoding, crs)
        : readFeatureCollection(layer, body, crs);
      if (!read.ok) {
        const code = read.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED';
        throw new AppError(read.status, code, read.reason, [
          { in: 'body', path: read.path, message: read.reason },
        ]);
      }
      try {
        const outcome = await importLayer(app.store, layer, read.rows, read.problems, {
          dryRun,
          // The admin's name; 'import' only if a deployment ever opens the route without a session.
          username: request.user?.username ?? 'import',
          at: new Date().toISOString(),
        });
        // A dry run asks "what is wrong with this file?": bad rows are its answer, not a failure of the request
        // (and a browser logs every 4xx as a console error). The commit of the same file is refused.
        if (!outcome.ok && dryRun) return { created: 0, updated: 0, unchanged: 0, errors: outcome.problems };
        if (!outcome.ok) {
          const n = outcome.problems.length;
          throw new AppError(
            422,
            'IMPORT_INVALID',
            `${n} ${n === 1 ? 'row is' : 'rows are'} invalid, so nothing was imported`,
            outcome.problems,
          );
        }
        return { ...outcome.counts, errors: [] };
      } catch (error) {
        if (error instanceof ImportConflictError)
          throw new AppError(
            409,
            'VERSION_CONFLICT',
            `${error.message}; nothing was imported, repeat the import`,
          );
        throw error;
      }
    },
  );
};

export default imports;
