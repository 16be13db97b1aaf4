import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '@gridwatch/contract';
import { LayerFeatureCollection } from '@gridwatch/contract';
import {
  CorridorQuery,
  Hotspot,
  HotspotsQuery,
  NearestQuery,
  StatusTotals,
  Summary,
  UnexplainedLoadQuery,
  UnexplainedLoadRow,
  UnlicensedLoadQuery,
  WithinBody,
  RegionLoad,
  RegionLoadQuery,
} from '@gridwatch/contract';
import {
  corridor,
  hotspots,
  nearestSubstations,
  unexplainedLoad,
  sitesWithin,
  unlicensedLoadByRegion,
  unlicensedLoadNear,
} from '../services/spatial-queries';
import { requireAreaGeometry } from '../http/geometry-input';
import { asOfInstant } from '../http/day-param';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

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
        response: {
          200: Type.Object({
            substationId: Type.Integer(),
            radiusKm: Type.Number(),
            siteCount: Type.Integer(),
            totalLoadMw: Type.Number(),
            byStatus: Type.Record(Type.String(), StatusTotals),
            sites: LayerFeatureCollection,
          }),
          400: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (request) =>
      unlicensedLoadNear(
        app.store,
        request.params.id,
        request.query.radiusKm,
        request.query.includeSuspected,
        asOfInstant(request.query.asOf),
      ),
  );

  app.get(
    '/api/analysis/hotspots',
    {
      config: { access: 'read' },
      schema: {
        tags: ['queries'],
        description: 'Substations ranked by the unlicensed load within radiusKm.',
        querystring: HotspotsQuery,
        response: { 200: Type.Array(Hotspot), 400: ErrorBody },
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
        response: { 200: LayerFeatureCollection, 400: ErrorBody },
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
        response: {
          200: Type.Intersect([
            LayerFeatureCollection,
            Type.Object({ lineId: Type.Integer(), widthKm: Type.Number(), summary: Summary }),
          ]),
          400: ErrorBody,
          404: ErrorBody,
        },
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
        response: {
          200: Type.Intersect([LayerFeatureCollection, Type.Object({ summary: Summary })]),
          400: ErrorBody,
          413: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (request) =>
      sitesWithin(app.store, requireAreaGeometry(request.body.geometry), request.body.status ?? null),
  );

  app.get(
    '/api/analysis/unexplained-load',
    {
      config: { access: 'read' },
      schema: {
        tags: ['queries'],
        description:
          'Substations by metered peak − base load − licensed − known illegal load (sites fed by them, or ' +
          'without a feeder and within radiusKm), largest first: where unreported mining load is likely.',
        querystring: UnexplainedLoadQuery,
        response: { 200: Type.Array(UnexplainedLoadRow), 400: ErrorBody },
      },
    },
    async (request) => unexplainedLoad(app.store, request.query.radiusKm),
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
        response: { 200: Type.Array(RegionLoad), 400: ErrorBody },
      },
    },
    async ({ query }) =>
      unlicensedLoadByRegion(app.store, query.level, query.includeSuspected, asOfInstant(query.asOf)),
  );
};

export default queries;
