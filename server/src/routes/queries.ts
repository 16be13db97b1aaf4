import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Corridor,
  CorridorQuery,
  errorResponses,
  HotspotList,
  HotspotsQuery,
  IdParams,
  NearestQuery,
  NearestSubstations,
  RegionLoadList,
  RegionLoadQuery,
  SitesInArea,
  todayInBeijing,
  UnexplainedLoadList,
  UnexplainedLoadQuery,
  UnlicensedLoad,
  UnlicensedLoadQuery,
  WithinBody,
} from '@gridwatch/contract';
import {
  corridor,
  hotspots,
  nearestSubstations,
  unexplainedLoad,
  unlicensedLoadByRegion,
  unlicensedLoadNear,
} from '../services/spatial-queries';
import { sitesWithinBytes, unlicensedLoadNearBytes } from '../services/spatial-queries-json';
import { requireAreaGeometry } from '../http/geometry-input';
import { sendJsonChunks, sendJsonText } from '../http/feature-json-answer';
import { asOfInstant, dayParam } from '../http/day-param';

/** The size of the chunks a within answer the database copies is sent in (as the layer pages'). */
const CHUNK_BYTES = 64 * 1024;

/** The spatial questions gridwatch exists for (API.md, "Spatial queries"); definitions in DOMAIN.md. */
const queries: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/substations/:id/unlicensed-load',
    {
      config: { access: 'read' },
      schema: {
        tags: ['queries'],
        description:
          'Load of the sites that are illegal and still drawing power within radiusKm of a substation.',
        params: IdParams,
        querystring: UnlicensedLoadQuery,
        response: { 200: UnlicensedLoad, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { radiusKm, includeSuspected, asOf } = request.query;
      if (asOf === undefined) {
        // The sites' features as the database writes them (docs/performance.md): the same bytes.
        const bytes = await unlicensedLoadNearBytes(app.store, request.params.id, radiusKm, includeSuspected);
        return sendJsonText(reply, bytes);
      }
      return unlicensedLoadNear(app.store, request.params.id, radiusKm, includeSuspected, asOfInstant(asOf));
    },
  );

  app.get(
    '/api/analysis/hotspots',
    {
      config: { access: 'read' },
      schema: {
        tags: ['queries'],
        description: 'Substations ranked by the unlicensed load within radiusKm.',
        querystring: HotspotsQuery,
        response: { 200: HotspotList, ...errorResponses(400, 401) },
      },
    },
    async ({ query }) =>
      hotspots(app.store, query.radiusKm, query.limit, query.includeSuspected, asOfInstant(query.asOf)),
  );

  app.get(
    '/api/substations/nearest',
    {
      config: { access: 'read' },
      schema: {
        tags: ['queries'],
        description: 'The k substations nearest to a point (great-circle distance).',
        querystring: NearestQuery,
        response: { 200: NearestSubstations, ...errorResponses(400, 401) },
      },
    },
    async (request) => nearestSubstations(app.store, request.query.lon, request.query.lat, request.query.k),
  );

  app.get(
    '/api/lines/:id/corridor',
    {
      config: { access: 'read' },
      schema: {
        tags: ['queries'],
        description:
          'Sites within widthKm of a line (great-circle segments), each with distanceKm, and the summary.',
        params: IdParams,
        querystring: CorridorQuery,
        response: { 200: Corridor, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => corridor(app.store, request.params.id, request.query.widthKm, null),
  );

  app.post(
    '/api/query/within',
    {
      config: { access: 'read' },
      schema: {
        tags: ['queries'],
        description:
          'Sites inside a Polygon or MultiPolygon (boundary included, holes excluded; straight lon/lat edges), ' +
          'with a foreign member `summary` over every site returned.',
        body: WithinBody,
        // 403: a cross-site Origin (a POST, though it only reads).
        response: { 200: SitesInArea, ...errorResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const geometry = requireAreaGeometry(request.body.geometry);
      const answer = await sitesWithinBytes(app.store, geometry, request.body.status ?? null, CHUNK_BYTES);
      return Buffer.isBuffer(answer) ? sendJsonText(reply, answer) : sendJsonChunks(reply, answer);
    },
  );

  app.get(
    '/api/analysis/unexplained-load',
    {
      config: { access: 'read' },
      schema: {
        tags: ['queries'],
        description:
          "Substations by the day's metered peak − base load − licensed − known illegal load, largest first: " +
          'where unreported mining load is likely. Each site explains one meter: its feeder, else the nearest ' +
          "metered substation within radiusKm. asOf (Beijing day, default today): that day's readings (their " +
          'peak; the reported undated peak when the day has none) and statuses. Negative: over-explained.',
        querystring: UnexplainedLoadQuery,
        response: { 200: UnexplainedLoadList, ...errorResponses(400, 401) },
      },
    },
    async (request) =>
      unexplainedLoad(
        app.store,
        request.query.radiusKm,
        request.query.asOf === undefined ? todayInBeijing(Date.now()) : dayParam('asOf', request.query.asOf),
      ),
  );

  app.get(
    '/api/analysis/regions',
    {
      config: { access: 'read' },
      schema: {
        tags: ['queries'],
        description:
          'Unlicensed load inside each region of a level (default: prefectures), for a choropleth.',
        querystring: RegionLoadQuery,
        response: { 200: RegionLoadList, ...errorResponses(400, 401) },
      },
    },
    async ({ query }) =>
      unlicensedLoadByRegion(app.store, query.level, query.includeSuspected, asOfInstant(query.asOf)),
  );
};

export default queries;
