import {
  CRS84,
  STATUSES,
  TILE_LAYER_IDS,
  type LayerId,
  type LayerInfo,
  type OgcCollection,
  type OgcLink,
} from '@gridwatch/contract';

const DESCRIPTIONS: Record<LayerId, string> = {
  regions: 'Prefecture-level regions of Xinjiang (Natural Earth).',
  substations: 'Substations (synthetic), with their utility and capacity.',
  lines: 'Transmission lines (synthetic), with their voltage.',
  pylons: 'Pylons of the transmission lines (synthetic).',
  sites:
    'Cryptocurrency-mining sites (synthetic) and their enforcement status; datetime reads the map as of a day.',
  zones: 'Inspection zones drawn by enforcers.',
};

/** The query parameters each collection filters its items by: each names a property, as Part 1 allows. */
export const QUERYABLES: Record<LayerId, Record<string, object>> = {
  regions: {},
  substations: {
    utilityId: { type: 'integer', title: 'Utility id' },
    voltageKv: { type: 'number', title: 'Voltage (kV); several separated by commas' },
  },
  lines: { voltageKv: { type: 'number', title: 'Voltage (kV); several separated by commas' } },
  pylons: {},
  sites: {
    status: { type: 'string', enum: [...STATUSES], title: 'Enforcement status; several separated by commas' },
    utilityId: { type: 'integer', title: 'Accountable utility id' },
  },
  zones: {},
};

export type MakeLink = (path: string, query?: Record<string, string>) => string;

/** A collection's description: its extent (spatial; temporal for the sites) and the links to its items and tiles. */
export function ogcCollection(info: LayerInfo, link: MakeLink, sitesSince: string | null): OgcCollection {
  const path = `/ogc/collections/${info.id}`;
  // Zones are few and edited often: the app loads them whole, and they have no tiles.
  const tileLinks: OgcLink[] = !(TILE_LAYER_IDS as readonly string[]).includes(info.id)
    ? []
    : [
        {
          href: link(`${path}/tiles`),
          rel: 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector',
          type: 'application/json',
          title: 'Vector tiles',
        },
        {
          href: link(`${path}/tilejson.json`),
          rel: 'describedby',
          type: 'application/json',
          title: 'TileJSON',
        },
      ];
  const links: OgcLink[] = [
    { href: link(path, { f: 'json' }), rel: 'self', type: 'application/json', title: 'This collection' },
    {
      href: link(path, { f: 'html' }),
      rel: 'alternate',
      type: 'text/html',
      title: 'This collection as HTML',
    },
    {
      href: link(`${path}/items`, { f: 'json' }),
      rel: 'items',
      type: 'application/geo+json',
      title: 'Items',
    },
    { href: link(`${path}/items`, { f: 'html' }), rel: 'items', type: 'text/html', title: 'Items as HTML' },
    {
      href: link(`${path}/queryables`),
      rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables',
      type: 'application/schema+json',
      title: 'Queryables',
    },
    ...tileLinks,
  ];
  return {
    id: info.id,
    title: info.title,
    description: `${DESCRIPTIONS[info.id]} (${info.titleZh})`,
    itemType: 'feature',
    crs: [CRS84],
    extent: {
      spatial: { bbox: [info.bbox ?? [-180, -90, 180, 90]], crs: CRS84 },
      ...(info.id === 'sites'
        ? {
            temporal: {
              interval: [[sitesSince, null]],
              trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian',
            },
          }
        : {}),
    },
    links,
  };
}
