import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OGC_CONFORMANCE } from '@gridwatch/contract';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

interface Page {
  features: { id: number; properties: { externalId: string; status: string } }[];
  links: { rel: string; href: string; type?: string }[];
  numberMatched: number;
  numberReturned: number;
}

describe.each(BACKENDS)('OGC API – Features on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
  });
  afterAll(async () => t.close());

  const get = async (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
  const page = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    return res.json() as Page;
  };
  const ids = (p: Page) => p.features.map((f) => f.properties.externalId);
  const follow = (p: Page, rel: string) => {
    const href = p.links.find((l) => l.rel === rel && l.type === 'application/geo+json')?.href;
    return href === undefined ? null : href.replace(/^http:\/\/[^/]+/, '');
  };

  it('has a landing page, conformance, an OpenAPI 3.0 description and six collections with extents', async () => {
    const landing = (await get('/ogc')).json() as { links: { rel: string; href: string }[] };
    expect(landing.links.map((l) => l.rel)).toEqual(
      expect.arrayContaining(['self', 'service-desc', 'conformance', 'data']),
    );
    expect(landing.links.every((l) => l.href.startsWith('http://localhost'))).toBe(true);
    expect((await get('/ogc/conformance')).json().conformsTo).toEqual([...OGC_CONFORMANCE]);
    const api = await get('/ogc/api');
    expect(api.headers['content-type']).toMatch(/openapi\+json/);
    expect(Object.keys(api.json().paths)).toContain('/collections/{collectionId}/items');
    expect(api.json().servers[0].url).toMatch(/^http:\/\/localhost(:\d+)?\/ogc$/);
    expect(api.json().openapi).toMatch(/^3\.0/);
    const { collections } = (await get('/ogc/collections')).json() as {
      collections: {
        id: string;
        extent: { spatial: { bbox: number[][] }; temporal?: { interval: unknown } };
      }[];
    };
    expect(collections.map((c) => c.id).sort()).toEqual(
      ['lines', 'pylons', 'regions', 'sites', 'substations', 'zones'].sort(),
    );
    const sites = collections.find((c) => c.id === 'sites')!;
    expect(sites.extent.spatial.bbox[0]).toEqual([86.5, 43.5, 89.2, 44.1]);
    expect(sites.extent.temporal?.interval).toEqual([['2026-01-05T08:00:00.000Z', null]]);
    expect(collections.find((c) => c.id === 'lines')!.extent.temporal).toBeUndefined();
    expect((await get('/ogc/collections/mines')).statusCode).toBe(404);
  });

  it('pages by id with next and prev links, and counts what matched', async () => {
    const first = await page('/ogc/collections/sites/items?limit=2');
    expect([first.numberMatched, first.numberReturned]).toEqual([6, 2]);
    expect(ids(first)).toEqual(['M-1', 'M-2']);
    expect(follow(first, 'prev')).toBeNull();
    const second = await page(follow(first, 'next')!);
    expect(ids(second)).toEqual(['M-3', 'M-4']);
    const third = await page(follow(second, 'next')!);
    expect(ids(third)).toEqual(['M-5', 'M-6']);
    expect(follow(third, 'next')).toBeNull();
    const back = await page(follow(third, 'prev')!);
    expect(ids(back)).toEqual(['M-3', 'M-4']);
    expect(ids(await page(follow(back, 'prev')!))).toEqual(['M-1', 'M-2']);
    expect((await page('/ogc/collections/sites/items')).numberReturned).toBe(6);
    expect((await page('/ogc/collections/sites/items?limit=50000')).numberReturned).toBe(6);
  });

  it('filters by bbox, status, utilityId and reads the sites as of a day', async () => {
    const unlicensed = await page('/ogc/collections/sites/items?status=UNLICENSED&bbox=86,43,88,45');
    expect(ids(unlicensed)).toEqual(['M-2']);
    expect(unlicensed.numberMatched).toBe(1);
    const several = await page('/ogc/collections/sites/items?status=UNLICENSED,SHUT_DOWN&limit=1');
    expect([ids(several), several.numberMatched]).toEqual([['M-2'], 2]);
    expect(follow(several, 'next')).toContain('status=UNLICENSED%2CSHUT_DOWN');
    const asOf = await page('/ogc/collections/sites/items?datetime=2026-01-06');
    expect(asOf.features.map((f) => [f.properties.externalId, f.properties.status])).toEqual([
      ['M-1', 'LICENSED'],
      ['M-2', 'SUSPECTED'],
      ['M-3', 'SUSPECTED'],
    ]);
    expect(asOf.numberMatched).toBe(3);
    const instant = await page(
      '/ogc/collections/sites/items?datetime=2026-02-01T09:00:00Z&status=UNLICENSED',
    );
    expect(ids(instant)).toEqual(['M-2']);
    const utility = await page('/ogc/collections/substations/items?utilityId=1');
    expect(utility.numberMatched).toBe(utility.numberReturned);
  });

  it("writes a point layer's page from the database's texts, the bytes of the same page as objects", async () => {
    const queries = [
      ['sites', 'limit=3'],
      ['sites', 'limit=2&after=2'],
      ['sites', 'limit=2&before=5'],
      ['sites', 'status=UNLICENSED&bbox=86,43,90,45'],
      ['substations', 'limit=2'],
      ['pylons', 'limit=4&after=1'],
    ] as const;
    for (const [layer, query] of queries) {
      const res = await get(`/ogc/collections/${layer}/items?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const answer = res.json() as Page;
      expect(answer.numberReturned, `${layer}?${query}`).toBeGreaterThan(0);
      // The objects' page: the store's features for the same filter, in the answer's frame.
      const params = new URLSearchParams(query);
      const filter = {
        limit: Number(params.get('limit') ?? 100),
        ...(params.has('after') ? { afterId: Number(params.get('after')) } : {}),
        ...(params.has('before') ? { beforeId: Number(params.get('before')) } : {}),
        ...(params.has('status') ? { statuses: [params.get('status')!] } : {}),
        ...(params.has('bbox')
          ? { bbox: params.get('bbox')!.split(',').map(Number) as [number, number, number, number] }
          : {}),
      };
      const objects = await t.store.queryLayer(layer, filter as never);
      expect(res.body, `${layer}?${query}`).toBe(
        JSON.stringify({
          type: 'FeatureCollection',
          features: objects.features,
          links: answer.links,
          numberMatched: answer.numberMatched,
          numberReturned: objects.features.length,
        }),
      );
    }
  });

  it('refuses what it cannot answer, naming the parameter', async () => {
    const path = async (url: string) => {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      return res.json().error.details[0].path as string;
    };
    expect(await path('/ogc/collections/sites/items?datetime=2026-01-01/2026-02-01')).toBe('/datetime');
    expect(await path('/ogc/collections/sites/items?datetime=2026-02-30')).toBe('/datetime');
    expect(await path('/ogc/collections/lines/items?datetime=2026-01-06')).toBe('/datetime');
    expect(await path('/ogc/collections/lines/items?status=UNLICENSED')).toBe('/status');
    expect(await path('/ogc/collections/sites/items?status=GONE')).toBe('/status');
    expect(await path('/ogc/collections/sites/items?bbox=1,2,3')).toBe('/bbox');
    expect((await get('/ogc/collections/sites/items?colour=red')).statusCode).toBe(400);
    expect((await get('/ogc/collections/sites/items/999')).statusCode).toBe(404);
  });

  it('serves one item and the queryables', async () => {
    const item = await get('/ogc/collections/sites/items/2');
    expect(item.json()).toMatchObject({ type: 'Feature', id: 2, properties: { externalId: 'M-2' } });
    const queryables = await get('/ogc/collections/sites/queryables');
    expect(queryables.headers['content-type']).toMatch(/^application\/schema\+json/);
    expect(Object.keys(queryables.json().properties)).toEqual(['status', 'utilityId']);
  });

  it('renders HTML for a browser (Accept or f=html) and JSON for f=json', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const html = await get('/ogc/collections/sites/items?limit=2', { accept: browser });
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('Farm One');
    expect(html.body).toContain('next page');
    expect((await get('/ogc?f=html')).body).toContain('<h1>gridwatch</h1>');
    expect((await get('/ogc/collections?f=json', { accept: browser })).headers['content-type']).toMatch(
      /^application\/json/,
    );
  });
});
