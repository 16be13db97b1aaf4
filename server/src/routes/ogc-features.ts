import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  LAYER_IDS,
  OGC_CONFORMANCE,
  OGC_MAX_LIMIT,
  OgcCollection,
  OgcCollectionParams,
  OgcCollections,
  OgcConformance,
  OgcFeature,
  OgcFeatureCollection,
  OgcFeatureParams,
  OgcFormatQuery,
  OgcItemsQuery,
  OgcLanding,
  OgcQueryables,
  type LayerId,
  type OgcLink,
} from '@gridwatch/contract';
import { notFound, validationFailed } from '../http/app-error';
import { toLayerFilter } from '../http/layer-filter';
import { linkMaker, ogcInstant, queryOf, sendOgc, sendOgcText, wantsHtml } from '../http/ogc-request';
import { ogcItemsAnswer } from '../http/feature-json-answer';
import { isPointLayer } from '../store/store';
import { ogcApiDocument } from '../services/ogc/ogc-api-document';
import { ogcCollection, QUERYABLES } from '../services/ogc/ogc-collections';
import {
  collectionsBody,
  featureBody,
  itemsBody,
  listBody,
  ogcPage,
  tableBody,
} from '../services/ogc/ogc-html';

const JSON_TYPE = 'application/json';
const GEOJSON = 'application/geo+json';
const OPENAPI = 'application/vnd.oai.openapi+json;version=3.0';

/** `collectionId` as a layer; an unknown one is a 404 naming the collections. */
function collectionOf(id: string): LayerId {
  if ((LAYER_IDS as readonly string[]).includes(id)) return id as LayerId;
  throw notFound(`No collection "${id}"; the collections are ${LAYER_IDS.join(', ')}`);
}

/**
 * A GeoJSON answer's links to itself as GeoJSON and as HTML (`self` the one asked for, `alternate` the other) and
 * to its collection.
 */
function itselfAndCollection(
  link: ReturnType<typeof linkMaker>,
  path: string,
  query: Record<string, string>,
  html: boolean,
  [jsonTitle, htmlTitle]: [string, string],
  layer: LayerId,
): OgcLink[] {
  return [
    {
      href: link(path, { ...query, f: 'json' }),
      rel: html ? 'alternate' : 'self',
      type: GEOJSON,
      title: jsonTitle,
    },
    {
      href: link(path, { ...query, f: 'html' }),
      rel: html ? 'self' : 'alternate',
      type: 'text/html',
      title: htmlTitle,
    },
    { href: link(`/ogc/collections/${layer}`), rel: 'collection', type: JSON_TYPE, title: 'The collection' },
  ];
}

const refuse = (parameter: string, message: string) =>
  validationFailed(message, [{ in: 'querystring', path: `/${parameter}`, message }]);

/**
 * OGC API – Features, Part 1 Core (GeoJSON, HTML, OpenAPI 3.0) and Part 3's queryables, at /ogc
 * (docs/gis-clients.md). Every read goes through the store's ports with the layer routes' filter, so the roles and
 * scope of the rest of the API apply, and items are paged by id (keyset): next/prev links stay right while data
 * changes.
 */
const ogcFeatures: FastifyPluginAsyncTypebox = async (app) => {
  const read = { access: 'read' } as const;
  const tags = ['ogc'];

  app.get(
    '/ogc',
    {
      config: read,
      schema: {
        tags,
        querystring: OgcFormatQuery,
        response: { 200: OgcLanding, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const link = linkMaker(request);
      const links: OgcLink[] = [
        { href: link('/ogc', { f: 'json' }), rel: 'self', type: JSON_TYPE, title: 'This document' },
        {
          href: link('/ogc', { f: 'html' }),
          rel: 'alternate',
          type: 'text/html',
          title: 'This document as HTML',
        },
        {
          href: link('/ogc/api'),
          rel: 'service-desc',
          type: OPENAPI,
          title: 'The API definition (OpenAPI 3.0)',
        },
        { href: link('/api/docs'), rel: 'service-doc', type: 'text/html', title: 'The API documentation' },
        { href: link('/ogc/conformance'), rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes' },
        { href: link('/ogc/collections'), rel: 'data', type: JSON_TYPE, title: 'The collections' },
      ];
      const body = {
        title: 'gridwatch',
        description:
          'The grid and the cryptocurrency-mining sites of the gridwatch map, as OGC API – Features and Tiles.',
        links,
      };
      return sendOgc(reply, wantsHtml(request, request.query.f), JSON_TYPE, body, () =>
        ogcPage(body.title, [], `<p>${body.description}</p>`, links),
      );
    },
  );

  app.get(
    '/ogc/conformance',
    {
      config: read,
      schema: {
        tags,
        querystring: OgcFormatQuery,
        response: { 200: OgcConformance, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const body = { conformsTo: [...OGC_CONFORMANCE] };
      const home = { href: linkMaker(request)('/ogc'), rel: 'home', title: 'gridwatch' };
      return sendOgc(reply, wantsHtml(request, request.query.f), JSON_TYPE, body, () =>
        ogcPage('Conformance', [home], listBody(body.conformsTo), []),
      );
    },
  );

  // The OpenAPI 3.0 document of the /ogc routes only (OGC's service-desc), cut from the app's own. Its paths are
  // relative to its server, /ogc, as OGC clients expect (GDAL finds an items path's query parameters by
  // `/collections/{collectionId}/items` there, and pushes those filters down to the server).
  app.get(
    '/ogc/api',
    { config: { ...read, responseCheck: 'exempt' }, schema: { hide: true } },
    async (request, reply) => {
      const serverUrl = linkMaker(request)('/ogc').split('?')[0]!;
      const document = ogcApiDocument(app.swagger() as Parameters<typeof ogcApiDocument>[0], serverUrl);
      // As bytes, so the type stays as written: Fastify rewrites a JSON string's type to
      // `version="3.0"; charset=utf-8`, which GDAL does not take for OpenAPI.
      return reply.header('content-type', OPENAPI).send(Buffer.from(JSON.stringify(document)));
    },
  );

  const collections = async (link: ReturnType<typeof linkMaker>) => {
    const [infos, since] = await Promise.all([app.store.layerInfos(), app.store.firstStatusChangeAt()]);
    return infos.map((info) => ogcCollection(info, link, since));
  };

  app.get(
    '/ogc/collections',
    {
      config: read,
      schema: {
        tags,
        querystring: OgcFormatQuery,
        response: { 200: OgcCollections, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const link = linkMaker(request);
      const links: OgcLink[] = [
        {
          href: link('/ogc/collections', { f: 'json' }),
          rel: 'self',
          type: JSON_TYPE,
          title: 'The collections',
        },
        {
          href: link('/ogc/collections', { f: 'html' }),
          rel: 'alternate',
          type: 'text/html',
          title: 'As HTML',
        },
      ];
      const body = { links, collections: await collections(link) };
      const home = { href: link('/ogc'), rel: 'home', title: 'gridwatch' };
      return sendOgc(reply, wantsHtml(request, request.query.f), JSON_TYPE, body, () =>
        ogcPage('Collections', [home], collectionsBody(body.collections), links),
      );
    },
  );

  app.get(
    '/ogc/collections/:collectionId',
    {
      config: read,
      schema: {
        tags,
        params: OgcCollectionParams,
        querystring: OgcFormatQuery,
        response: { 200: OgcCollection, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const layer = collectionOf(request.params.collectionId);
      const link = linkMaker(request);
      const body = (await collections(link)).find((c) => c.id === layer)!;
      const trail = [
        { href: link('/ogc'), rel: 'home', title: 'gridwatch' },
        { href: link('/ogc/collections'), rel: 'data', title: 'Collections' },
      ];
      return sendOgc(reply, wantsHtml(request, request.query.f), JSON_TYPE, body, () =>
        ogcPage(body.title, trail, `<p>${collectionsBody([body])}</p>`, body.links),
      );
    },
  );

  app.get(
    '/ogc/collections/:collectionId/queryables',
    {
      config: read,
      schema: {
        tags,
        params: OgcCollectionParams,
        querystring: OgcFormatQuery,
        response: { 200: OgcQueryables, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const layer = collectionOf(request.params.collectionId);
      const link = linkMaker(request);
      const body = {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: link(`/ogc/collections/${layer}/queryables`),
        type: 'object' as const,
        title: `Queryables of ${layer}: each is a query parameter of its items`,
        properties: QUERYABLES[layer],
        additionalProperties: false,
      };
      const rows = Object.entries(QUERYABLES[layer]).map(
        ([key, schema]) => [key, (schema as { title: string }).title] as [string, string],
      );
      const home = { href: link(`/ogc/collections/${layer}`), rel: 'collection', title: layer };
      return sendOgc(reply, wantsHtml(request, request.query.f), 'application/schema+json', body, () =>
        ogcPage('Queryables', [home], tableBody(rows), []),
      );
    },
  );

  app.get(
    '/ogc/collections/:collectionId/items',
    {
      config: read,
      schema: {
        tags,
        description: 'Features of the collection, paged by id: follow the next and prev links.',
        params: OgcCollectionParams,
        querystring: OgcItemsQuery,
        response: { 200: OgcFeatureCollection, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const layer = collectionOf(request.params.collectionId);
      const q = request.query;
      const limit = Math.min(q.limit ?? 100, OGC_MAX_LIMIT);
      if (q.after !== undefined && q.before !== undefined)
        throw refuse('before', 'give after or before, not both');
      if (q.datetime !== undefined && layer !== 'sites') {
        throw refuse('datetime', `datetime applies to the sites only: ${layer} have no time`);
      }
      for (const name of ['status', 'utilityId', 'voltageKv'] as const) {
        if (q[name] !== undefined && !(name in QUERYABLES[layer])) {
          throw refuse(
            name,
            `${layer} have no queryable "${name}"; see /ogc/collections/${layer}/queryables`,
          );
        }
      }
      const filter = toLayerFilter(layer, {
        limit,
        ...(q.bbox !== undefined ? { bbox: q.bbox } : {}),
        ...(q.status !== undefined ? { status: q.status } : {}),
        ...(q.utilityId !== undefined ? { utility: q.utilityId } : {}),
        ...(q.voltageKv !== undefined ? { voltageKv: q.voltageKv } : {}),
      });
      const at = q.datetime === undefined ? undefined : ogcInstant(q.datetime);
      const paged = {
        ...filter,
        ...(q.after !== undefined ? { afterId: q.after } : {}),
        ...(q.before !== undefined ? { beforeId: q.before } : {}),
      };
      const html = wantsHtml(request, q.f);
      const matched = app.store.countFeatures(layer, filter, at);
      const link = linkMaker(request);
      const path = `/ogc/collections/${layer}/items`;
      const { after: _a, before: _b, ...kept } = queryOf(request);
      const pageLink = (rel: string, title: string, paging: Record<string, string>): OgcLink => ({
        href: link(path, { ...kept, ...paging, f: html ? 'html' : 'json' }),
        rel,
        type: html ? 'text/html' : GEOJSON,
        title,
      });
      /** The page's links: itself in both formats, its collection, and the pages before and after it. */
      const linksOf = (ids: readonly number[], truncated: boolean) => {
        const first = ids[0];
        const last = ids.at(-1);
        const backwards = q.before !== undefined;
        const pager: OgcLink[] = [];
        // Backwards: the rows before `before` are the page; more before it when truncated; after it, at least `before`.
        if (backwards ? truncated && first !== undefined : q.after !== undefined) {
          pager.push(pageLink('prev', '← previous page', { before: String(first ?? q.after! + 1) }));
        }
        if (backwards ? last !== undefined || q.before !== undefined : truncated && last !== undefined) {
          pager.push(pageLink('next', 'next page →', { after: String(last ?? q.before! - 1) }));
        }
        const links = [
          ...itselfAndCollection(
            link,
            path,
            queryOf(request),
            html,
            ['This page', 'This page as HTML'],
            layer,
          ),
          ...pager,
        ];
        return { links, pager };
      };
      if (!html && at === undefined && isPointLayer(layer)) {
        // A point layer's page as the database writes its features (docs/performance.md, "Fix 21"): the same
        // bytes as JSON.stringify of the page below, without an object per feature.
        const [page, numberMatched] = await Promise.all([app.store.queryLayerJson(layer, paged), matched]);
        const { links } = linksOf(
          page.features.map((f) => f.id),
          page.truncated,
        );
        return sendOgcText(
          reply,
          GEOJSON,
          ogcItemsAnswer(page.features, { links, numberMatched, numberReturned: page.features.length }),
        );
      }
      const [page, numberMatched] = await Promise.all([
        at === undefined ? app.store.queryLayer(layer, paged) : app.store.querySitesAsOf(at, paged),
        matched,
      ]);
      const features = page.features;
      const { links, pager } = linksOf(
        features.map((f) => f.id),
        page.truncated,
      );
      const body = {
        type: 'FeatureCollection' as const,
        features,
        links,
        numberMatched,
        numberReturned: features.length,
      };
      const trail = [
        { href: link('/ogc'), rel: 'home', title: 'gridwatch' },
        { href: link('/ogc/collections'), rel: 'data', title: 'Collections' },
        { href: link(`/ogc/collections/${layer}`, { f: 'html' }), rel: 'collection', title: layer },
      ];
      return sendOgc(reply, html, GEOJSON, body, () =>
        ogcPage(
          `${layer}: items`,
          trail,
          itemsBody(
            features,
            (id) => link(`${path}/${id}`, { f: 'html' }),
            { matched: numberMatched, returned: features.length },
            pager,
          ),
          links,
        ),
      );
    },
  );

  app.get(
    '/ogc/collections/:collectionId/items/:featureId',
    {
      config: read,
      schema: {
        tags,
        params: OgcFeatureParams,
        querystring: OgcFormatQuery,
        response: { 200: OgcFeature, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const layer = collectionOf(request.params.collectionId);
      const id = request.params.featureId;
      const feature = await app.store.getFeature(layer, id);
      if (!feature) throw notFound(`No ${layer} item ${id}`);
      const link = linkMaker(request);
      const path = `/ogc/collections/${layer}/items/${id}`;
      const html = wantsHtml(request, request.query.f);
      const links = itselfAndCollection(link, path, {}, html, ['This feature', 'As HTML'], layer);
      const trail = [
        { href: link('/ogc'), rel: 'home', title: 'gridwatch' },
        {
          href: link(`/ogc/collections/${layer}/items`, { f: 'html' }),
          rel: 'items',
          title: `${layer} items`,
        },
      ];
      return sendOgc(reply, html, GEOJSON, { ...feature, links }, () =>
        ogcPage(`${layer} ${id}`, trail, featureBody(feature as never), links),
      );
    },
  );
};

export default ogcFeatures;
