import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

describe.each(BACKENDS)('layer API on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  describe('GET /api/health', () => {
    it('names the backend and the version', async () => {
      const res = await get('/api/health');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        status: 'ok',
        backend,
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      });
    });
  });

  describe('GET /api/layers', () => {
    it('lists every layer with its count and extent', async () => {
      const res = await get('/api/layers');
      expect(res.statusCode).toBe(200);
      const layers = res.json() as { id: string; count: number; bbox: number[] | null; title: string }[];
      expect(layers.map((l) => [l.id, l.count])).toEqual([
        ['regions', 2],
        ['substations', 3],
        ['lines', 1],
        ['pylons', 3],
        ['sites', 6],
        ['zones', 0],
      ]);
      const sites = layers.find((l) => l.id === 'sites')!;
      expect(sites.bbox![0]).toBeCloseTo(86.5, 4);
      expect(sites.bbox![1]).toBeCloseTo(43.5, 4);
      expect(sites.bbox![2]).toBeCloseTo(89.2, 4);
      expect(sites.bbox![3]).toBeCloseTo(44.1, 4);
      expect(layers.find((l) => l.id === 'zones')!.bbox).toBeNull();
    });
  });

  describe('GET /api/layers/:layer', () => {
    it('serves sites as a FeatureCollection with integer ids and externalId in properties', async () => {
      const res = await get('/api/layers/sites');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      const fc = res.json();
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.truncated).toBeUndefined();
      expect(fc.features).toHaveLength(6);
      expect(fc.features[1]).toEqual({
        type: 'Feature',
        id: 2,
        geometry: { type: 'Point', coordinates: [87.02, 44.02] },
        properties: {
          externalId: 'M-2',
          name: 'Farm Two',
          nameZh: '二号矿场',
          operator: 'Farm Two Ltd',
          machines: 16000,
          loadMw: 40,
          status: 'UNLICENSED',
          feederSubstationId: 1,
          firstObserved: '2026-01-05',
          statusChangedAt: '2026-02-01T08:00:00.000Z',
          licenceNo: null,
          utilityId: 1,
          utilityName: 'West Power',
          utilityNameZh: '西电',
          version: 1,
          synthetic: true,
        },
      });
    });

    it.each([
      ['regions', 2, 'MultiPolygon'],
      ['substations', 3, 'Point'],
      ['lines', 1, 'LineString'],
      ['pylons', 3, 'Point'],
      ['zones', 0, undefined],
    ])('serves %s', async (layer, count, geometryType) => {
      const fc = (await get(`/api/layers/${layer}`)).json();
      expect(fc.features).toHaveLength(count);
      if (geometryType) expect(fc.features[0].geometry.type).toBe(geometryType);
    });

    it('joins the utility of a substation', async () => {
      const fc = (await get('/api/layers/substations')).json();
      expect(fc.features[2].properties).toMatchObject({
        externalId: 'S-3',
        utilityName: 'East Power',
        utilityNameZh: '东电',
        voltageKv: 110,
      });
    });

    it('filters by bbox, edges included', async () => {
      const fc = (await get('/api/layers/sites?bbox=87,44,87.51,44.02')).json();
      expect(fc.features.map((f: { id: number }) => f.id)).toEqual([1, 2, 3]);
    });

    it('filters lines and regions by bbox overlap', async () => {
      expect((await get('/api/layers/lines?bbox=87.2,43.9,87.3,44.1')).json().features).toHaveLength(1);
      expect((await get('/api/layers/lines?bbox=88,43,89,44')).json().features).toHaveLength(0);
      const regions = (await get('/api/layers/regions?bbox=88.5,43.5,89,44')).json();
      expect(
        regions.features.map((f: { properties: { externalId: string } }) => f.properties.externalId),
      ).toEqual(['R-E']);
    });

    it('filters sites by status', async () => {
      const fc = (await get('/api/layers/sites?status=UNLICENSED,SHUTDOWN_ORDERED')).json();
      expect(fc.features.map((f: { properties: { externalId: string } }) => f.properties.externalId)).toEqual(
        ['M-2', 'M-6'],
      );
    });

    it('combines bbox and status', async () => {
      const fc = (await get('/api/layers/sites?bbox=86,43,88,45&status=LICENSED,SUSPECTED')).json();
      expect(fc.features.map((f: { id: number }) => f.id)).toEqual([1]);
    });

    it('filters substations and lines by voltage, and sites by load range', async () => {
      const subs = (await get('/api/layers/substations?voltageKv=750,110')).json();
      expect(
        subs.features.map((f: { properties: { externalId: string } }) => f.properties.externalId),
      ).toEqual(['S-1', 'S-3']);
      expect((await get('/api/layers/lines?voltageKv=220')).json().features).toHaveLength(0);
      const sites = (await get('/api/layers/sites?minLoadMw=8.25&maxLoadMw=55')).json();
      expect(
        sites.features.map((f: { properties: { externalId: string } }) => f.properties.externalId),
      ).toEqual(['M-1', 'M-2', 'M-3', 'M-5']);
    });

    it('filters substations and sites by utility: a site without feeder by the service region it lies in', async () => {
      const west = (await get('/api/layers/sites?utility=1')).json();
      // M-6 has no feeder and lies 66 km from S-1, but in R-W, West Power's region. M-5 has none either and is
      // 16 km from S-3, in R-E: East Power's.
      expect(
        west.features.map((f: { properties: { externalId: string } }) => f.properties.externalId),
      ).toEqual(['M-1', 'M-2', 'M-3', 'M-6']);
      expect(west.features.map((f: { properties: { utilityId: number } }) => f.properties.utilityId)).toEqual(
        [1, 1, 1, 1],
      );
      const east = (await get('/api/layers/sites?utility=2')).json();
      expect(
        east.features.map((f: { properties: { externalId: string } }) => f.properties.externalId),
      ).toEqual(['M-4', 'M-5']);
      expect((await get('/api/layers/substations?utility=2')).json().features).toHaveLength(1);
    });

    it('filters point layers by region, boundary included, with limit and truncation', async () => {
      const east = (await get('/api/layers/sites?region=2')).json();
      expect(
        east.features.map((f: { properties: { externalId: string } }) => f.properties.externalId),
      ).toEqual(['M-4', 'M-5']);
      const west = (
        await get('/api/layers/sites?region=1&status=UNLICENSED,SHUTDOWN_ORDERED&limit=1')
      ).json();
      expect(
        west.features.map((f: { properties: { externalId: string } }) => f.properties.externalId),
      ).toEqual(['M-2']);
      expect(west.truncated).toBe(true);
      expect((await get('/api/layers/substations?region=2&bbox=89.5,43,90,45')).json().features).toHaveLength(
        0,
      );
      expect((await get('/api/layers/sites?region=99')).json().features).toHaveLength(0);
    });

    it('marks a collection cut by limit as truncated', async () => {
      const fc = (await get('/api/layers/sites?limit=4')).json();
      expect(fc.features.map((f: { id: number }) => f.id)).toEqual([1, 2, 3, 4]);
      expect(fc.truncated).toBe(true);
      expect((await get('/api/layers/sites?limit=6')).json().truncated).toBeUndefined();
    });

    it('answers 404 NOT_FOUND for an unknown layer', async () => {
      const res = await get('/api/layers/roads');
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining('roads'),
      });
    });
  });

  describe('bad query strings (QUALITY.md §7) are 400 VALIDATION_FAILED naming the parameter', () => {
    it.each([
      ['bbox with 3 numbers', '/api/layers/sites?bbox=86,43,88', 'bbox', /4 numbers/],
      ['bbox with min > max', '/api/layers/sites?bbox=88,43,86,45', 'bbox', /minLon 88 is greater/],
      ['bbox with NaN', '/api/layers/sites?bbox=86,NaN,88,45', 'bbox', /minLat/],
      ['bbox out of range', '/api/layers/sites?bbox=86,43,188,45', 'bbox', /maxLon 188/],
      ['bbox given twice', '/api/layers/sites?bbox=86,43,88,45&bbox=1,2,3,4', 'bbox', /string/],
      ['limit beyond the cap', '/api/layers/sites?limit=50001', 'limit', /50000/],
      ['limit zero', '/api/layers/sites?limit=0', 'limit', />= 1/],
      ['limit negative', '/api/layers/sites?limit=-5', 'limit', />= 1/],
      ['limit not a number', '/api/layers/sites?limit=lots', 'limit', /integer/],
      ['limit fractional', '/api/layers/sites?limit=2.5', 'limit', /integer/],
      ['an unknown status', '/api/layers/sites?status=ILLEGAL', 'status', /unknown status "ILLEGAL"/],
      ['a status filter on another layer', '/api/layers/lines?status=LICENSED', 'status', /sites layer only/],
      ['an unknown filter field', '/api/layers/sites?color=red', 'color', /unknown field "color"/],
      ['an unknown sort field', '/api/layers/sites?sort=loadMw', 'sort', /unknown field "sort"/],
      [
        'a voltage filter on sites',
        '/api/layers/sites?voltageKv=110',
        'voltageKv',
        /substations and lines only/,
      ],
      [
        'a voltage that is not a number',
        '/api/layers/lines?voltageKv=110,high',
        'voltageKv',
        /positive numbers/,
      ],
      [
        'a load range upside down',
        '/api/layers/sites?minLoadMw=50&maxLoadMw=10',
        'minLoadMw',
        /greater than/,
      ],
      ['a negative load', '/api/layers/sites?minLoadMw=-1', 'minLoadMw', />= 0/],
      [
        'a region filter on lines',
        '/api/layers/lines?region=1',
        'region',
        /sites, substations and pylons only/,
      ],
      ['a utility filter on lines', '/api/layers/lines?utility=1', 'utility', /sites and substations only/],
      ['a load filter on lines', '/api/layers/lines?maxLoadMw=5', 'maxLoadMw', /sites only/],
    ])('%s', async (_name, url, param, message) => {
      const res = await get(url);
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toMatch(message);
      expect(error.details[0].path).toBe(`/${param}`);
    });
  });

  describe('GET /api/<layer>/:id', () => {
    it.each([
      ['sites', 6, 'M-6'],
      ['substations', 1, 'S-1'],
      ['lines', 1, 'L-1'],
      ['pylons', 2, 'PY-2'],
      ['regions', 2, 'R-E'],
    ])('serves one %s feature', async (layer, id, externalId) => {
      const res = await get(`/api/${layer}/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ type: 'Feature', id, properties: { externalId } });
    });

    it('answers 404 for an unknown id', async () => {
      const res = await get('/api/sites/999');
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'No site with id 999' });
    });

    it.each(['abc', '0', '-1', '1.5', '99999999999'])('answers 400 for the id "%s"', async (id) => {
      const res = await get(`/api/sites/${id}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('the API documents itself', () => {
    it('serves the OpenAPI document with the layer routes', async () => {
      const res = await get('/api/openapi.json');
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/health', '/api/layers', '/api/layers/{layer}', '/api/sites/{id}']),
      );
    });

    it('answers unknown API paths with the error shape', async () => {
      const res = await get('/api/nothing-here');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    });
  });
});
