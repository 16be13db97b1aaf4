import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, LayerFeatureCollection, LayerList, LayerQuery } from '@gridwatch/contract';
import { sitesAsOfInstant } from '../http/day-param';
import { parseLayerId, toLayerFilter } from '../http/layer-filter';

const layers: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/layers',
    { config: { access: 'read' }, schema: { tags: ['layers'], response: { 200: LayerList } } },
    async () => app.store.layerInfos(),
  );

  app.get(
    '/api/layers/:layer',
    {
      config: { access: 'read' },
      schema: {
        tags: ['layers'],
        description: 'The features of a layer, ordered by id, filtered by bbox and (for sites) status.',
        params: Type.Object({ layer: Type.String() }),
        querystring: LayerQuery,
        response: { 200: LayerFeatureCollection, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const layer = parseLayerId(request.params.layer);
      const filter = toLayerFilter(layer, request.query);
      const page =
        request.query.asOf === undefined
          ? await app.store.queryLayer(layer, filter)
          : await app.store.querySitesAsOf(sitesAsOfInstant(layer, request.query.asOf), filter);
      return {
        type: 'FeatureCollection' as const,
        features: page.features,
        ...(page.truncated ? { truncated: true } : {}),
      };
    },
  );
};

export default layers;
