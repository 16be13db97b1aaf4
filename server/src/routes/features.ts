import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '@gridwatch/contract';
import { LAYER_IDS, LayerFeature, type LayerId } from '@gridwatch/contract';
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
          params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }),
          response: { 200: LayerFeature, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => {
        const feature = await app.store.getFeature(layer, request.params.id);
        if (!feature) throw notFound(`No ${SINGULAR[layer]} with id ${request.params.id}`);
        return feature;
      },
    );
  }
};

export default features;
