import { LAYER_IDS } from '@gridwatch/contract';
import { QUERYABLES } from './ogc-collections';

interface Operation {
  parameters?: { name: string; in: string }[];
  [key: string]: unknown;
}
type PathItem = Record<string, Operation>;

/** Query parameters of items that filter a property (the rest: bbox, limit, datetime, paging, f). */
const PROPERTY_FILTERS = new Set(['status', 'utilityId', 'voltageKv']);

/**
 * The OpenAPI 3.0 document of the /ogc routes (OGC's service-desc), cut from the app's whole one: paths relative to
 * its server `/ogc`, and the items path spelled out per collection with only that collection's property filters.
 * GDAL's OAPIF driver looks up `/collections/<id>/items` there and pushes the filters it finds to the server
 * (`-where "status = 'UNLICENSED'"` becomes `status=UNLICENSED`); the rest it evaluates itself.
 */
export function ogcApiDocument(
  whole: { paths?: Record<string, PathItem> },
  serverUrl: string,
): Record<string, unknown> {
  const paths: Record<string, PathItem> = {};
  for (const [path, item] of Object.entries(whole.paths ?? {})) {
    if (path.startsWith('/ogc')) paths[path.slice('/ogc'.length) || '/'] = item;
  }
  const items = paths['/collections/{collectionId}/items']?.get;
  if (items) {
    for (const id of LAYER_IDS) {
      const parameters = (items.parameters ?? []).filter(
        (p) => p.name !== 'collectionId' && (!PROPERTY_FILTERS.has(p.name) || p.name in QUERYABLES[id]),
      );
      paths[`/collections/${id}/items`] = { get: { ...items, operationId: `${id}Items`, parameters } };
    }
  }
  return { ...whole, servers: [{ url: serverUrl, description: 'gridwatch OGC API' }], paths };
}
