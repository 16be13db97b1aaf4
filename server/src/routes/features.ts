import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, IdParams, LAYER_FEATURE, LAYER_IDS, type LayerId } from '@gridwatch/contract';
import { asAnyLayerFeature } from '../http/any-layer-feature';
import { notFound } from '../http/app-error';

const SINGULAR: Record<LayerId, string> = {
  regions: 'region',
  substations: 'substation',
  lines: 'line',
  pylons: 'pylon',
  sites: 'site',
  zones: 'zone',
};

/** `GET /api/<layer>/:id` for every layer: one Feature. */
const features: FastifyPluginAsyncTypebox = async (app) => {
  for (const layer of LAYER_IDS) {
    app.get(
      `/api/${layer}/:id`,
      {
        config: { access: 'read' },
        schema: {
          tags: ['features'],
          params: IdParams,
          response: { 200: LAYER_FEATURE[layer], ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const feature = await app.store.getFeature(layer, request.params.id);
        if (!feature) throw notFound(`No ${SINGULAR[layer]} with id ${request.params.id}`);
        return asAnyLayerFeature(feature);
      },
    );
  }
};

export default features;
