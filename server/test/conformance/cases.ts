import type { Role } from '@gridwatch/contract';

/**
 * The conformance cases: a request and the answer, hand-checked against CONFORMANCE_SEED (site loads are
 * powers of two, so a total names the sites counted). Both stores must give these answers, and the same JSON.
 * Add a case for every bug found.
 */
export interface ConformanceCase {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  status: number;
  /** Checked with toMatchObject against the answer. */
  expect: unknown;
  /** externalIds of the sites (or substations) listed, in order, where the answer lists features. */
  ids?: string[];
  /** The answer is a vector tile: decode this source layer; `ids` then lists its features' externalIds, sorted. */
  tileLayer?: string;
  /** Asked as a user of this role (logged in for the case); anonymous otherwise (public read is on). */
  as?: Role;
  /** Asked as an enforcer of this utility (docs/utilities.md): the answer holds its own sites only. */
  asUtility?: number;
  /** Top-level keys of the answer left out of both checks: instants the request itself stamps. */
  omit?: string[];
}

/**
 * The reports' drafts the suite opens first, in this order on each store (so their ids agree), by an enforcer
 * of the utility: the cases read them back.
 */
export const REPORT_DRAFTS = [{ utilityId: 2, period: '2026-01' }];

const square = (minLon: number, minLat: number, maxLon: number, maxLat: number) => [
  [minLon, minLat],
  [maxLon, minLat],
  [maxLon, maxLat],
  [minLon, maxLat],
  [minLon, minLat],
];
const ZONE_WITH_HOLE = {
  type: 'Polygon',
  coordinates: [square(86.9, 43.9, 87.1, 44.1), square(86.99, 43.99, 87.01, 44.01).reverse()],
};

export const CASES: ConformanceCase[] = [
  {
    name: 'unlicensed load within 10 km: points on the circle and within the millimetre count, 2 mm out does not',
    method: 'GET',
    url: '/api/substations/1/unlicensed-load?radiusKm=10',
    status: 200,
    expect: {
      substationId: 1,
      radiusKm: 10,
      siteCount: 7,
      totalLoadMw: 923,
      byStatus: {
        UNLICENSED: { count: 4, loadMw: 657 },
        NO_CONTRACT: { count: 2, loadMw: 258 },
        SHUTDOWN_ORDERED: { count: 1, loadMw: 8 },
      },
    },
    ids: ['C-N0.1', 'C-in-hole', 'C-hole-edge', 'C-edge', 'C-N10', 'C-E10', 'C-N10+0.5mm'],
  },
  {
    name: 'unlicensed load with suspected sites',
    method: 'GET',
    url: '/api/substations/1/unlicensed-load?radiusKm=10&includeSuspected=true',
    status: 200,
    expect: { siteCount: 8, totalLoadMw: 955, byStatus: { SUSPECTED: { count: 1, loadMw: 32 } } },
  },
  {
    name: 'a radius of 0.1 km holds the site on its circle only',
    method: 'GET',
    url: '/api/substations/1/unlicensed-load?radiusKm=0.1',
    status: 200,
    expect: { siteCount: 1, totalLoadMw: 16 },
    ids: ['C-N0.1'],
  },
  {
    name: 'a radius of 300 km reaches the far sites',
    method: 'GET',
    url: '/api/substations/1/unlicensed-load?radiusKm=300',
    status: 200,
    expect: { siteCount: 11, totalLoadMw: 14239 },
  },
  {
    name: 'an empty result around a substation',
    method: 'GET',
    url: '/api/substations/3/unlicensed-load?radiusKm=1',
    status: 200,
    expect: { siteCount: 0, totalLoadMw: 0, sites: { type: 'FeatureCollection', features: [] } },
  },
  {
    name: 'sites in a polygon with a hole: edges and the hole boundary count, the hole does not',
    method: 'POST',
    url: '/api/query/within',
    body: { geometry: ZONE_WITH_HOLE },
    status: 200,
    expect: { summary: { siteCount: 7, totalLoadMw: 493 } },
    ids: ['C-N10', 'C-N10+2mm', 'C-N10+0.5mm', 'C-S5-susp', 'C-S5-lic', 'C-edge', 'C-hole-edge'],
  },
  {
    name: 'sites in a MultiPolygon',
    method: 'POST',
    url: '/api/query/within',
    body: {
      geometry: {
        type: 'MultiPolygon',
        coordinates: [ZONE_WITH_HOLE.coordinates, [square(89.4, 43.9, 89.6, 44.1)]],
      },
    },
    status: 200,
    expect: { summary: { siteCount: 8, totalLoadMw: 1517 } },
  },
  {
    name: 'sites in a polygon filtered by status',
    method: 'POST',
    url: '/api/query/within',
    body: { geometry: ZONE_WITH_HOLE, status: ['UNLICENSED'] },
    status: 200,
    expect: {
      summary: { siteCount: 3, totalLoadMw: 133, byStatus: { UNLICENSED: { count: 3, loadMw: 133 } } },
    },
    ids: ['C-N10', 'C-N10+2mm', 'C-edge'],
  },
  {
    name: 'an empty polygon',
    method: 'POST',
    url: '/api/query/within',
    body: { geometry: { type: 'Polygon', coordinates: [square(80, 40, 80.1, 40.1)] } },
    status: 200,
    expect: { features: [], summary: { siteCount: 0, totalLoadMw: 0 } },
  },
  {
    name: 'nearest substations are geodesic: Near-E (64.0 km) before Near-N (66.7 km)',
    method: 'GET',
    url: '/api/substations/nearest?lon=87&lat=44&k=4',
    status: 200,
    expect: {},
    ids: ['S-1', 'S-2', 'S-NE', 'S-NN'],
  },
  {
    name: 'nearest substation at the edge of the region',
    method: 'GET',
    url: '/api/substations/nearest?lon=73.5&lat=39.4&k=1',
    status: 200,
    expect: {},
    ids: ['S-W'],
  },
  {
    name: 'hotspots rank substations by unlicensed load within the radius',
    method: 'GET',
    url: '/api/analysis/hotspots?radiusKm=10',
    status: 200,
    expect: [
      { name: 'West edge', siteCount: 1, totalLoadMw: 2048 },
      { substationId: 1, siteCount: 7, totalLoadMw: 923 },
    ],
  },
  {
    // The aggregate's second status set (migration 0021): SUSPECTED sites count too.
    name: 'hotspots at 10 km with the suspected sites',
    method: 'GET',
    url: '/api/analysis/hotspots?radiusKm=10&includeSuspected=true',
    status: 200,
    // Alpha's seven illegal sites (923 MW) and its one suspected site within 10 km (32 MW).
    expect: [
      { name: 'West edge', siteCount: 1, totalLoadMw: 2048 },
      { substationId: 1, siteCount: 8, totalLoadMw: 955 },
    ],
  },
  {
    // Radii up to 10 km read the stored substation–site pairs (migration 0019); larger ones join on the index.
    name: 'hotspots beyond the stored pairs (50 km) join on the spatial index: more sites, two more substations',
    method: 'GET',
    url: '/api/analysis/hotspots?radiusKm=50',
    status: 200,
    expect: [
      { name: 'West edge', siteCount: 1, totalLoadMw: 2048 },
      { substationId: 3, siteCount: 1, totalLoadMw: 1024 },
      { substationId: 1, siteCount: 8, totalLoadMw: 927 },
      { substationId: 2, siteCount: 8, totalLoadMw: 927 },
    ],
  },
  {
    name: 'hotspots as of a day before every status record: no site counts anywhere',
    method: 'GET',
    url: '/api/analysis/hotspots?radiusKm=10&asOf=2025-12-31',
    status: 200,
    expect: [],
  },
  {
    name: 'unexplained load beyond the stored pairs (50 km): feederless sites explain their nearest meter within 50 km',
    method: 'GET',
    url: '/api/analysis/unexplained-load?radiusKm=50&asOf=2026-06-01',
    status: 200,
    expect: [
      { substationId: 1, licensedLoadMw: 64, knownIllegalLoadMw: 959, unexplainedMw: -873 },
      { substationId: 3, licensedLoadMw: 0, knownIllegalLoadMw: 1024, unexplainedMw: -984 },
      { substationId: 6, licensedLoadMw: 0.75, knownIllegalLoadMw: 2048, unexplainedMw: -2008.75 },
    ],
  },
  {
    name: 'a corridor of 1 km along a line measures to its great-circle segments',
    method: 'GET',
    url: '/api/lines/1/corridor?widthKm=1',
    status: 200,
    // C-E10 lies ≈ 0.56 km south of the first segment (at lon 87.125 the line is at lat ≈ 44.005).
    expect: { lineId: 1, widthKm: 1, summary: { siteCount: 4, totalLoadMw: 786 } },
    ids: ['C-E10', 'C-N0.1', 'C-hole-edge', 'C-in-hole'],
  },
  {
    name: 'unexplained load: metered − base − licensed − known illegal (suspected included), largest first',
    method: 'GET',
    url: '/api/analysis/unexplained-load?radiusKm=10',
    status: 200,
    expect: [
      {
        substationId: 3,
        meteredPeakMw: 60,
        baseLoadMw: 20,
        licensedLoadMw: 0,
        knownIllegalLoadMw: 0,
        unexplainedMw: 40,
      },
      { substationId: 1, licensedLoadMw: 64, knownIllegalLoadMw: 955, unexplainedMw: -869 },
      { substationId: 6, licensedLoadMw: 0.75, knownIllegalLoadMw: 2048, unexplainedMw: -2008.75 },
    ],
  },
  {
    name: "unexplained load as of a day with readings: the day's peak reading (72 at 19:00), not the reported 60",
    method: 'GET',
    url: '/api/analysis/unexplained-load?radiusKm=10&asOf=2026-03-01',
    status: 200,
    expect: [
      {
        substationId: 3,
        asOf: '2026-03-01',
        meteredPeakMw: 72,
        meteredSource: 'readings',
        readingCount: 24,
        baseLoadMw: 20,
        unexplainedMw: 52,
      },
      {
        substationId: 1,
        meteredSource: 'reported',
        licensedLoadMw: 64,
        knownIllegalLoadMw: 955,
        unexplainedMw: -869,
      },
      { substationId: 6, licensedLoadMw: 0.75, knownIllegalLoadMw: 2048, unexplainedMw: -2008.75 },
    ],
  },
  {
    name: 'unexplained load as of a day before every site: nothing explained, the reported peaks minus base',
    method: 'GET',
    url: '/api/analysis/unexplained-load?radiusKm=10&asOf=2025-12-31',
    status: 200,
    expect: [
      { substationId: 1, licensedLoadMw: 0, knownIllegalLoadMw: 0, unexplainedMw: 150 },
      { substationId: 3, readingCount: 0, unexplainedMw: 40 },
      { substationId: 6, licensedLoadMw: 0, knownIllegalLoadMw: 0, unexplainedMw: 40 },
    ],
  },
  {
    name: 'unexplained load refuses a day that is not in the calendar, naming asOf',
    method: 'GET',
    url: '/api/analysis/unexplained-load?asOf=2026-02-30',
    status: 400,
    expect: { error: { code: 'VALIDATION_FAILED' } },
  },
  {
    name: "a substation's readings by day: the day's mean and peak, and what its sites explain each day",
    method: 'GET',
    url: '/api/substations/3/readings?from=2026-03-01&to=2026-03-02&resolution=day',
    status: 200,
    // 40 + h/2 for h = 0…23 sums to 1098; hour 19 reads 72 instead of 49.5: 1120.5 / 24 = 46.6875.
    expect: {
      substationId: 3,
      resolution: 'day',
      baseLoadMw: 20,
      points: [{ at: '2026-03-01', mw: 46.688, peakMw: 72 }],
      explained: [
        { day: '2026-03-01', licensedMw: 0, knownIllegalMw: 0 },
        { day: '2026-03-02', licensedMw: 0, knownIllegalMw: 0 },
      ],
    },
  },
  {
    name: "a substation's readings by hour: the first hour of a Beijing day is 16:00 UTC the day before",
    method: 'GET',
    url: '/api/substations/3/readings?from=2026-03-01&to=2026-03-01&resolution=hour',
    status: 200,
    expect: {
      points: Array.from({ length: 24 }, (_, h) => ({
        at: new Date(Date.parse('2026-02-28T16:00:00.000Z') + h * 3_600_000).toISOString(),
        mw: h === 19 ? 72 : 40 + h / 2,
      })),
    },
  },
  {
    name: 'readings refuse a range that ends before it starts',
    method: 'GET',
    url: '/api/substations/3/readings?from=2026-03-02&to=2026-03-01',
    status: 400,
    expect: { error: { code: 'VALIDATION_FAILED' } },
  },
  {
    name: 'readings of a substation that does not exist',
    method: 'GET',
    url: '/api/substations/999/readings',
    status: 404,
    expect: {},
  },
  {
    name: 'signatures: a meter with one day of readings has no step; it is ranked, and says so',
    method: 'GET',
    url: '/api/analysis/signatures?asOf=2026-03-01',
    status: 200,
    expect: {
      asOf: '2026-03-01',
      substations: [{ substationId: 3, rank: 1, signature: 'none', unexplainedMw: 52, step: null }],
    },
  },
  {
    name: 'signatures: a day without readings in the year before it ranks nothing',
    method: 'GET',
    url: '/api/analysis/signatures?asOf=2025-01-01',
    status: 200,
    expect: { asOf: '2025-01-01', substations: [] },
  },
  {
    name: 'tiles west and east of the z12 boundary at lon 90 both hold the two sites 2e-7° apart (one in the buffer)',
    method: 'GET',
    url: '/api/tiles/sites/12/3071/1473.mvt',
    status: 200,
    expect: {},
    tileLayer: 'sites',
    ids: ['C-tile-e', 'C-tile-w'],
  },
  {
    name: 'the east tile of the boundary',
    method: 'GET',
    url: '/api/tiles/sites/12/3072/1473.mvt',
    status: 200,
    expect: {},
    tileLayer: 'sites',
    ids: ['C-tile-e', 'C-tile-w'],
  },
  {
    name: 'a tile with nothing in it is 204',
    method: 'GET',
    url: '/api/tiles/sites/12/3000/1473.mvt',
    status: 204,
    expect: {},
  },
  {
    // Every site is feederless: C-far and C-tile-w lie in East Power's service region; the others take the
    // nearest substation within 10 km. C-N10+2mm is 2 mm too far from S-1 and C-tile-e 1e-7° outside R-E:
    // unassigned.
    name: 'progress: utility by service region, else the nearest substation within 10 km and the millimetre, unassigned last',
    method: 'GET',
    url: '/api/reports/progress?deadline=2026-08-31&asOf=2026-01-01',
    status: 200,
    expect: {
      deadline: '2026-08-31',
      asOf: '2026-01-01',
      start: '2026-01-01',
      elapsedShare: 0.0041,
      utilities: [
        { utilityId: 1, found: 7, shutDown: 0, licensedAfter: 0, loadRemovedMw: 0, loadStillDrawingMw: 923 },
        { utilityId: 2, found: 3, loadStillDrawingMw: 7168, shareDone: 0, onTrack: false },
        { utilityId: null, name: 'Unassigned', found: 2, loadStillDrawingMw: 8196, shareDone: 0 },
      ],
    },
  },
  {
    name: 'progress before any record: nothing found, every utility on track, no unassigned row',
    method: 'GET',
    url: '/api/reports/progress?deadline=2026-08-31&asOf=2025-12-31',
    status: 200,
    expect: {
      elapsedShare: 0,
      utilities: [
        { utilityId: 1, found: 0, shareDone: 1, onTrack: true },
        { utilityId: 2, found: 0, shareDone: 1, onTrack: true },
      ],
    },
  },
  {
    name: 'progress refuses a day that is not in the calendar',
    method: 'GET',
    url: '/api/reports/progress?deadline=2026-02-30',
    status: 400,
    expect: { error: { code: 'VALIDATION_FAILED', details: [{ path: '/deadline' }] } },
  },
  {
    // The records are at 08:00 Beijing time on 1 January: not yet there at the end of 31 December.
    name: 'sites as of the day before their first record: none',
    method: 'GET',
    url: '/api/layers/sites?asOf=2025-12-31',
    status: 200,
    expect: { type: 'FeatureCollection', features: [] },
  },
  {
    name: 'sites as of a day, filtered by the status then',
    method: 'GET',
    url: '/api/layers/sites?asOf=2026-01-01&status=NO_CONTRACT',
    status: 200,
    expect: { type: 'FeatureCollection' },
    ids: ['C-E10', 'C-hole-edge', 'C-west-edge'],
  },
  {
    name: 'sites as of a day take the utility and region filters too',
    method: 'GET',
    url: '/api/layers/sites?asOf=2026-01-01&utility=2',
    status: 200,
    expect: { type: 'FeatureCollection' },
    ids: ['C-far', 'C-west-edge', 'C-west-lic', 'C-tile-w'],
  },
  {
    name: 'sites as of a day in a region',
    method: 'GET',
    url: '/api/layers/sites?asOf=2026-01-01&region=2',
    status: 200,
    expect: { type: 'FeatureCollection' },
    ids: ['C-far', 'C-tile-w'],
  },
  {
    name: 'unlicensed load near a substation as of the day before any record: none',
    method: 'GET',
    url: '/api/substations/1/unlicensed-load?radiusKm=10&asOf=2025-12-31',
    status: 200,
    expect: { siteCount: 0, totalLoadMw: 0, sites: { features: [] } },
  },
  {
    name: 'unlicensed load near a substation as of a day: the numbers of its hotspot',
    method: 'GET',
    url: '/api/substations/1/unlicensed-load?radiusKm=10&asOf=2026-01-01',
    status: 200,
    expect: { siteCount: 7, totalLoadMw: 923 },
  },
  {
    name: 'hotspots as of the day before any record: none',
    method: 'GET',
    url: '/api/analysis/hotspots?radiusKm=10&asOf=2025-12-31',
    status: 200,
    expect: [],
  },
  {
    name: 'hotspots as of a day rank by the statuses then',
    method: 'GET',
    url: '/api/analysis/hotspots?radiusKm=10&asOf=2026-01-01',
    status: 200,
    // Every record is of 1 January: the ranking of now.
    expect: [
      { name: 'West edge', siteCount: 1, totalLoadMw: 2048 },
      { substationId: 1, siteCount: 7, totalLoadMw: 923 },
    ],
  },
  {
    name: 'unlicensed load by prefecture as of a day, through the region memberships',
    method: 'GET',
    url: '/api/analysis/regions?asOf=2026-01-01',
    status: 200,
    // Region 2 holds C-far (1024 MW) and C-tile-w (4096 MW), both unlicensed: 5120 MW.
    expect: [
      { regionId: 1, siteCount: 8, totalLoadMw: 927 },
      { regionId: 2, siteCount: 2, totalLoadMw: 5120, byStatus: { UNLICENSED: { count: 2, loadMw: 5120 } } },
    ],
  },
  {
    name: 'asOf on a layer other than sites is refused',
    method: 'GET',
    url: '/api/layers/lines?asOf=2026-01-01',
    status: 400,
    expect: { error: { code: 'VALIDATION_FAILED', details: [{ path: '/asOf' }] } },
  },
  {
    name: 'sites by utility: without a feeder, the nearest substation within 10 km decides (2 mm beyond: none)',
    method: 'GET',
    url: '/api/layers/sites?utility=1',
    status: 200,
    expect: {},
    ids: [
      'C-N10',
      'C-E10',
      'C-N10+0.5mm',
      'C-N0.1',
      'C-S5-susp',
      'C-S5-lic',
      'C-edge',
      'C-hole-edge',
      'C-in-hole',
    ],
  },
  {
    // C-west-edge and C-west-lic by their nearest substation (S-W, East Power's); C-far and C-tile-w by East
    // Power's service region R-E (C-tile-e lies 1e-7° east of it: unassigned).
    name: 'sites by utility: by the nearest substation at the edge of one region, by the service region in another',
    method: 'GET',
    url: '/api/layers/sites?utility=2',
    status: 200,
    expect: {},
    ids: ['C-far', 'C-west-edge', 'C-west-lic', 'C-tile-w'],
  },
  {
    name: 'sites in a region: a site on its top edge is in, one 1e-7° east of its east edge is out',
    method: 'GET',
    url: '/api/layers/sites?region=2',
    status: 200,
    expect: {},
    ids: ['C-far', 'C-tile-w'],
  },
  {
    name: 'tiles take the layer filters: a load range keeps one of the two boundary sites',
    method: 'GET',
    url: '/api/tiles/sites/12/3071/1473.mvt?minLoadMw=5000',
    status: 200,
    expect: {},
    tileLayer: 'sites',
    ids: ['C-tile-e'],
  },
  {
    name: 'tiles take the region filter: of the two boundary sites, the one inside region 2',
    method: 'GET',
    url: '/api/tiles/sites/12/3071/1473.mvt?region=2',
    status: 200,
    expect: {},
    tileLayer: 'sites',
    ids: ['C-tile-w'],
  },
  {
    name: 'a region filter on the lines layer is refused, naming the parameter',
    method: 'GET',
    url: '/api/tiles/lines/12/3071/1473.mvt?region=2',
    status: 400,
    expect: { error: { code: 'VALIDATION_FAILED', details: [{ path: '/region' }] } },
  },
  {
    name: 'site tiles as of a day: the records of the day, filtered by the status then',
    method: 'GET',
    url: '/api/tiles/sites/12/3071/1473.mvt?asOf=2026-01-01&status=UNLICENSED',
    status: 200,
    expect: {},
    tileLayer: 'sites',
    ids: ['C-tile-e', 'C-tile-w'],
  },
  {
    name: 'site tiles as of the day before the first record: empty',
    method: 'GET',
    url: '/api/tiles/sites/12/3071/1473.mvt?asOf=2025-12-31',
    status: 204,
    expect: {},
  },
  // C-retired (id 16, 16384 MW, 5 km north of S-1) is retired: every answer above leaves it out, and these ask
  // for it by name.
  {
    name: 'a retired site is not found',
    method: 'GET',
    url: '/api/sites/16',
    status: 404,
    expect: { error: { code: 'NOT_FOUND' } },
  },
  {
    name: 'nor is its history',
    method: 'GET',
    url: '/api/sites/16/history',
    status: 404,
    expect: { error: { code: 'NOT_FOUND' } },
  },
  {
    name: 'search does not find a retired site',
    method: 'GET',
    url: '/api/search?q=C-re',
    status: 200,
    expect: [],
  },
  {
    name: 'the sites layer counts only live sites',
    method: 'GET',
    url: '/api/layers',
    status: 200,
    expect: [
      { id: 'regions' },
      { id: 'substations' },
      { id: 'lines' },
      { id: 'pylons' },
      { id: 'sites', count: 15 },
      { id: 'zones' },
    ],
  },
  {
    // 13 = 1 + 4 + 8 (the 10 km circle), 784 = 16 + 256 + 512: the ten live sites, 1 + 2 + … + 512 MW.
    name: 'clusters count only live sites: the z7 tile of S-1 holds the ten live sites around it',
    method: 'GET',
    url: '/api/tiles/sites/7/94/46.mvt',
    status: 200,
    expect: {
      features: [
        { properties: { cluster: true, count: 3, loadMw: 13 } },
        { properties: { count: 1, loadMw: 128 } },
        { properties: { count: 3, loadMw: 784 } },
        { properties: { count: 1, loadMw: 2 } },
        { properties: { count: 1, loadMw: 64 } },
        { properties: { count: 1, loadMw: 32 } },
      ],
    },
    tileLayer: 'sites',
  },
  {
    name: 'an admin lists the retired sites, with who retired each, when and why',
    method: 'GET',
    url: '/api/sites/retired',
    as: 'admin',
    status: 200,
    expect: [
      {
        id: 16,
        externalId: 'C-retired',
        status: 'UNLICENSED',
        loadMw: 16384,
        retiredAt: '2026-01-02T00:00:00.000Z',
        retiredBy: 'fixture',
        reason: 'conformance fixture: a site mapped by mistake',
        version: 2,
      },
    ],
  },
  {
    // The point layers' features are written as JSON by the database (store/sql/feature-json-sql.ts).
    name: 'point layers written by the database: substations of a utility and the sites of a box with a status',
    method: 'GET',
    url: '/api/layers/substations?utility=2',
    status: 200,
    expect: { type: 'FeatureCollection' },
  },
  {
    name: 'sites of a box with a status, written by the database',
    method: 'GET',
    url: '/api/layers/sites?bbox=80,30,100,50&status=UNLICENSED,NO_CONTRACT',
    status: 200,
    expect: { type: 'FeatureCollection' },
  },
  {
    // PostGIS's `&&` alone compares 32-bit boxes rounded outwards: a site 2e-6° below the box was in its answer.
    name: 'bbox: a site just outside a box edge (closer than a 32-bit float step) is out on both stores',
    method: 'GET',
    url: '/api/layers/sites?bbox=89.9,45.000002,90.1,46',
    status: 200,
    expect: { type: 'FeatureCollection' },
    ids: [],
  },
  {
    name: 'bbox: the boundary is in, a site 1e-7° past it is out',
    method: 'GET',
    url: '/api/layers/sites?bbox=89.9,44.9,90,45',
    status: 200,
    expect: { type: 'FeatureCollection' },
    ids: ['C-tile-w'],
  },
  {
    name: "a utility's enforcer lists only its own sites",
    method: 'GET',
    url: '/api/layers/sites',
    asUtility: 2,
    status: 200,
    expect: { type: 'FeatureCollection' },
    // East Power serves R-E: its sites have no feeder and lie in R-E or nearest its substations.
    ids: ['C-far', 'C-west-edge', 'C-west-lic', 'C-tile-w'],
  },
  {
    name: "a utility's enforcer gets its own row of the progress report only",
    method: 'GET',
    url: '/api/reports/progress?deadline=2026-08-31&asOf=2026-06-01',
    asUtility: 2,
    status: 200,
    // Found: the three illegal ones; still drawing 1024 + 2048 + 4096.
    expect: { utilities: [{ utilityId: 2, found: 3, shutDown: 0, loadStillDrawingMw: 7168 }] },
  },
  {
    name: "a utility's enforcer sees its own substations' hotspots only",
    method: 'GET',
    url: '/api/analysis/hotspots?radiusKm=50',
    asUtility: 2,
    status: 200,
    expect: [
      { substationId: 6, siteCount: 1, totalLoadMw: 2048 },
      { substationId: 3, siteCount: 1, totalLoadMw: 1024 },
    ],
  },
  {
    // At 10 km, now, the regulator's hotspots read the per-substation aggregate (migration 0021), which sums every
    // utility's sites: a utility's user must keep the scoped pairs read and count its own sites only.
    name: "a utility's enforcer at 10 km, now: its own substations' hotspots, not the aggregate's",
    method: 'GET',
    url: '/api/analysis/hotspots?radiusKm=10',
    asUtility: 2,
    status: 200,
    // Alpha's seven sites (the regulator's second row) are not this utility's.
    expect: [{ substationId: 6, siteCount: 1, totalLoadMw: 2048 }],
  },
  {
    name: "a utility's draft report: the figures, sites and changes of January from the records",
    method: 'GET',
    url: '/api/reports/1',
    asUtility: 2,
    status: 200,
    omit: ['createdAt'],
    // East Power's records all date from 1 January (08:00 in Beijing): C-far, C-west-edge, C-tile-w illegal
    // (1024 + 2048 + 4096 MW still drawing), C-west-lic licensed from the start (not found).
    expect: {
      utilityId: 2,
      period: '2026-01',
      state: 'draft',
      revision: 1,
      discrepancies: [],
      content: {
        from: '2026-01-01',
        to: '2026-01-31',
        asOf: '2026-01-31T16:00:00.000Z',
        figures: { found: 3, shutDown: 0, licensedAfter: 0, loadRemovedMw: 0, loadStillDrawingMw: 7168 },
        sites: [
          { siteId: 11, status: 'UNLICENSED', standing: 'STILL_DRAWING', loadMw: 1024 },
          { siteId: 12, status: 'NO_CONTRACT', standing: 'STILL_DRAWING', loadMw: 2048 },
          { siteId: 14, status: 'UNLICENSED', standing: 'STILL_DRAWING', loadMw: 4096 },
        ],
        changes: [11, 12, 13, 14].map((id) => ({
          id,
          siteId: id,
          from: null,
          at: '2026-01-01T00:00:00.000Z',
        })),
      },
    },
  },
  {
    name: "the regulator's overview of January: both utilities missing (a draft is not a report), behind",
    method: 'GET',
    url: '/api/reports/overview?period=2026-01',
    status: 200,
    expect: {
      period: { period: '2026-01', dueAt: '2026-02-05T16:00:00.000Z' },
      rows: [
        { utilityId: 1, state: 'MISSING', revision: null, reported: null, pace: 'BEHIND' },
        {
          utilityId: 2,
          state: 'MISSING',
          revision: 1,
          reported: null,
          pace: 'BEHIND',
          shareDone: 0,
          current: { found: 3, shutDown: 0, loadStillDrawingMw: 7168 },
        },
      ],
    },
  },
  {
    name: "a utility's enforcer gets its own row of the overview only",
    method: 'GET',
    url: '/api/reports/overview?period=2026-01',
    asUtility: 2,
    status: 200,
    expect: { rows: [{ utilityId: 2, state: 'MISSING' }] },
  },
  {
    // OGC API items (issue 15): countFeatures' numberMatched and the keyset page backwards (beforeId).
    name: 'OGC items of a status: counted beyond the page, paged backwards from an id',
    method: 'GET',
    url: '/ogc/collections/sites/items?status=NO_CONTRACT&limit=1&before=1000000',
    status: 200,
    expect: { type: 'FeatureCollection', numberMatched: 3, numberReturned: 1 },
    ids: ['C-west-edge'],
  },
  {
    name: 'OGC items as of a day: counted with the status then',
    method: 'GET',
    url: '/ogc/collections/sites/items?datetime=2026-01-01&utilityId=2&limit=2',
    status: 200,
    expect: { numberMatched: 4, numberReturned: 2 },
    ids: ['C-far', 'C-west-edge'],
  },
  {
    name: "OGC sites collection: the temporal extent starts at the first live site's first record",
    method: 'GET',
    url: '/ogc/collections/sites',
    status: 200,
    expect: { id: 'sites', extent: { temporal: { interval: [['2026-01-01T00:00:00.000Z', null]] } } },
  },
];
