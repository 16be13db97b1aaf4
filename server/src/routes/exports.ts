import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  errorResponses,
  ExportFile,
  ExportParams,
  ExportQuery,
  LAYER_IDS,
  todayInBeijing,
} from '@gridwatch/contract';
import { notFound, validationFailed } from '../http/app-error';
import { sitesAsOfInstant } from '../http/day-param';
import { flatgeobufExport } from '../services/export-fgb';
import { geopackageExport } from '../services/export-gpkg';
import { csvExport, geojsonExport } from '../services/export-layer';
import { parseLayerId, toLayerFilter } from '../http/layer-filter';

const FORMATS = {
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  gpkg: 'application/geopackage+sqlite3',
  // No registered media type; GDAL and the FlatGeobuf site use this one.
  fgb: 'application/flatgeobuf',
} as const;

/** `GET /api/export/:layer.geojson|csv|gpkg|fgb`: the layer route's filters plus `zone`, streamed as a download. */
const exportsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/export/:file',
    {
      config: { access: 'read' },
      schema: {
        tags: ['export'],
        description: `Streams ${LAYER_IDS.join(', ')} as <layer>.geojson (with a trailing \`meta\` member), <layer>.csv, <layer>.gpkg (GeoPackage 1.3 with an R-tree; \`meta\` in gpkg_metadata) or <layer>.fgb (FlatGeobuf with its packed Hilbert R-tree; \`meta\` in the header's description and metadata).`,
        params: ExportParams,
        querystring: ExportQuery,
        // The file is streamed, not JSON: only the error answers are checked (response-check.ts).
        response: { 200: ExportFile, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const match = /^([a-z]+)\.(geojson|csv|gpkg|fgb)$/.exec(request.params.file);
      if (!match)
        throw notFound(`No export "${request.params.file}": ask for <layer>.geojson, .csv, .gpkg or .fgb`);
      const layer = parseLayerId(match[1]!);
      const format = match[2] as keyof typeof FORMATS;
      const { zone: zoneId, asOf, ...query } = request.query;
      const { limit: _all, ...filter } = toLayerFilter(layer, query);
      const at = asOf === undefined ? undefined : sitesAsOfInstant(layer, asOf);
      let zone = null;
      if (zoneId !== undefined) {
        if (layer !== 'sites') throw validationFailed('zone filters apply to the sites layer only');
        if (filter.bbox) throw validationFailed('give bbox or zone, not both');
        if (at !== undefined) {
          const message = 'asOf does not apply to a zone export: a zone lists its sites as they are now';
          throw validationFailed(message, [{ in: 'querystring', path: '/asOf', message }]);
        }
        const feature = await app.store.getFeature('zones', zoneId);
        if (!feature) throw notFound(`No zone with id ${zoneId}`);
        zone = { id: zoneId, geometry: feature.geometry as Polygon | MultiPolygon };
      }
      const exportRequest = { layer, filter, zone, filters: request.query, ...(at ? { at } : {}) };
      // Named on the Beijing day, as every day of the API and the screen is counted (docs/ui.md).
      const day = todayInBeijing(Date.now());
      const name = `gridwatch-${layer}${zoneId ? `-zone-${zoneId}` : ''}-${day}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`).type(FORMATS[format]);
      // A GeoPackage is a database file, built whole (services/export-gpkg.ts), as is a FlatGeobuf, whose index
      // precedes its features (services/export-fgb.ts); the text formats stream.
      if (format === 'gpkg') return reply.send(await geopackageExport(app.store, exportRequest));
      if (format === 'fgb') return reply.send(Buffer.from(await flatgeobufExport(app.store, exportRequest)));
      const chunks =
        format === 'geojson' ? geojsonExport(app.store, exportRequest) : csvExport(app.store, exportRequest);
      return reply.send(Readable.from(chunks));
    },
  );
};

export default exportsRoute;
