import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AnyLayerFeatureCollection,
  errorResponses,
  LayerList,
  LayerParams,
  LayerQuery,
  NoContent,
} from '@gridwatch/contract';
import { asAnyLayerCollection } from '../http/any-layer-feature';
import { sitesAsOfInstant } from '../http/day-param';
import { parseLayerId, toLayerFilter } from '../http/layer-filter';
import {
  featureCollectionAnswer,
  sendFeatureCollectionCopy,
  sendJsonText,
} from '../http/feature-json-answer';
import { cacheByDataVersion } from '../services/data-etag';
import { isPointLayer } from '../store/store';

/** Bytes of a streamed layer answer sent at a time (as an export's: services/export-layer.ts). */
const LAYER_CHUNK_BYTES = 64 * 1024;

const layers: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/layers',
    {
      config: { access: 'read' },
      schema: { tags: ['layers'], response: { 200: LayerList, ...errorResponses(401) } },
    },
    async () => app.store.layerInfos(),
  );

  app.get(
    '/api/layers/:layer',
    {
      config: { access: 'read' },
      schema: {
        tags: ['layers'],
        description: 'The features of a layer, ordered by id, filtered by bbox and (for sites) status.',
        params: LayerParams,
        querystring: LayerQuery,
        // 304: not changed since the ETag sent (its data versions have not moved).
        response: { 200: AnyLayerFeatureCollection, 304: NoContent, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const layer = parseLayerId(request.params.layer);
      const filter = toLayerFilter(layer, request.query);
      if (await cacheByDataVersion(app.store, request, reply, layer)) return reply.code(304).send(null);
      if (request.query.asOf === undefined && isPointLayer(layer)) {
        // The point layers' features as the database writes them (docs/performance.md): the same bytes,
        // streamed where the store copies them.
        const copy = app.store.copyLayerPage(layer, filter, LAYER_CHUNK_BYTES);
        if (copy) return sendFeatureCollectionCopy(reply, copy, filter.limit);
        const page = await app.store.queryLayerJson(layer, filter);
        return sendJsonText(reply, featureCollectionAnswer(page.features, page.truncated));
      }
      const page =
        request.query.asOf === undefined
          ? await app.store.queryLayer(layer, filter)
          : await app.store.querySitesAsOf(sitesAsOfInstant(layer, request.query.asOf), filter);
      return asAnyLayerCollection({
        type: 'FeatureCollection',
        features: page.features,
        ...(page.truncated ? { truncated: true } : {}),
      });
    },
  );
};

export default layers;
