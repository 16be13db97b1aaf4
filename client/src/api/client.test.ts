import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import {
  createApiClient,
  hotspotsPath,
  layerPath,
  progressPath,
  progressSeriesPath,
  searchPath,
  unexplainedLoadPath,
  unlicensedLoadPath,
} from './client';

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

describe('layerPath', () => {
  it('writes bbox, status and limit as the API reads them', () => {
    expect(layerPath('pylons', { bbox: [80, 40.5, 81.25, 41], limit: 500 })).toBe(
      '/api/layers/pylons?bbox=80.000000%2C40.500000%2C81.250000%2C41.000000&limit=500',
    );
    expect(layerPath('sites', { status: ['UNLICENSED', 'NO_CONTRACT'] })).toBe(
      '/api/layers/sites?status=UNLICENSED%2CNO_CONTRACT',
    );
    expect(layerPath('regions')).toBe('/api/layers/regions');
    expect(layerPath('lines', { voltageKv: [110, 220] })).toBe('/api/layers/lines?voltageKv=110%2C220');
    expect(layerPath('sites', { minLoadMw: 5, maxLoadMw: 40.5, utility: 3 })).toBe(
      '/api/layers/sites?minLoadMw=5&maxLoadMw=40.5&utility=3',
    );
  });
});

describe('the spatial query paths', () => {
  it('carry the radius, the suspected switch and the limit as the API reads them', () => {
    expect(unlicensedLoadPath(42, { radiusKm: 12.5, includeSuspected: true })).toBe(
      '/api/substations/42/unlicensed-load?radiusKm=12.5&includeSuspected=true',
    );
    expect(hotspotsPath({ radiusKm: 10, limit: 20, includeSuspected: false })).toBe(
      '/api/analysis/hotspots?radiusKm=10&limit=20&includeSuspected=false',
    );
  });
});

describe('the analysis and report paths', () => {
  it('carry the campaign, the day and the step, leaving out what is not given', () => {
    expect(progressPath({ deadline: '2026-08-31', start: '2026-01-01', asOf: '2026-05-01' })).toBe(
      '/api/reports/progress?deadline=2026-08-31&start=2026-01-01&asOf=2026-05-01',
    );
    expect(progressSeriesPath({ deadline: '2026-08-31', asOf: undefined, stepDays: 14 })).toBe(
      '/api/reports/progress/series?deadline=2026-08-31&stepDays=14',
    );
    expect(unexplainedLoadPath(10)).toBe('/api/analysis/unexplained-load?radiusKm=10');
    expect(unexplainedLoadPath(10, '2026-06-01')).toBe(
      '/api/analysis/unexplained-load?radiusKm=10&asOf=2026-06-01',
    );
  });
});

describe('searchPath', () => {
  it('encodes Chinese text and the limit', () => {
    expect(searchPath('乌鲁木齐 北', 10)).toBe(
      '/api/search?q=%E4%B9%8C%E9%B2%81%E6%9C%A8%E9%BD%90+%E5%8C%97&limit=10',
    );
  });
});

describe('createApiClient', () => {
  it('returns the parsed body of a 200', async () => {
    const api = createApiClient(() => json(200, []));
    await expect(api.layers()).resolves.toEqual([]);
  });

  it("throws an ApiError with the API's code and message", async () => {
    const api = createApiClient(() =>
      json(404, { error: { code: 'NOT_FOUND', message: 'no site 7', details: [] } }),
    );
    const error = await api.feature('sites', 7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'no site 7', status: 404 });
  });

  it('decodes an answer against its schema and throws BAD_RESPONSE naming the path where it differs', async () => {
    const site = {
      type: 'Feature',
      id: 7,
      geometry: { type: 'Point', coordinates: [87.6, 43.8] },
      properties: {
        externalId: 'M-7',
        name: 'Farm',
        nameZh: '矿场',
        operator: 'Op',
        machines: 10,
        loadMw: 2.5,
        status: 'UNLICENSED',
        feederSubstationId: null,
        firstObserved: '2026-05-01',
        licenceNo: null,
        utilityId: null,
        utilityName: null,
        utilityNameZh: null,
        statusChangedAt: null,
        version: 1,
        synthetic: true,
      },
    };
    await expect(createApiClient(() => json(200, site)).feature('sites', 7)).resolves.toEqual(site);
    const wrong = { ...site, properties: { ...site.properties, loadMw: '2.5' } };
    const error = await createApiClient(() => json(200, wrong))
      .feature('sites', 7)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'BAD_RESPONSE',
      status: 200,
      message: expect.stringMatching(/^\/api\/sites\/7: .* at \/properties\/loadMw: /),
    });
    await expect(createApiClient(() => json(200, { status: 'ok' })).health()).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
  });

  it('takes only a 204 as the answer of a delete', async () => {
    const api = createApiClient(() => json(200, {}));
    await expect(api.deleteZone(4, 2)).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
  });

  it('throws HTTP_ERROR for an error answer without an error body', async () => {
    const api = createApiClient(() => Promise.resolve(new Response('<html>', { status: 502 })));
    await expect(api.layers()).rejects.toMatchObject({ code: 'HTTP_ERROR', status: 502 });
  });

  it('throws NETWORK when the request cannot be made', async () => {
    const api = createApiClient(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api.layers()).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('lets an abort through as it is', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('aborted', 'AbortError');
    const api = createApiClient(() => Promise.reject(abort));
    await expect(api.layer('pylons', {}, controller.signal)).rejects.toBe(abort);
  });
});

describe('the writes and the session', () => {
  it('sends JSON with the method asked for, and takes a 204 as done', async () => {
    const calls: { path: string; init?: RequestInit }[] = [];
    const api = createApiClient((path, init) => {
      calls.push({ path, init });
      return Promise.resolve(new Response(null, { status: 204 }));
    });
    await expect(api.deleteZone(4, 2)).resolves.toBeUndefined();
    expect(calls[0]).toMatchObject({ path: '/api/zones/4?version=2', init: { method: 'DELETE' } });
  });

  it('keys each write, and retries a 503 or a lost connection with the same key; reads and logins unkeyed', async () => {
    const keys: (string | undefined)[] = [];
    const answers = [
      () => json(503, { error: { code: 'UNAVAILABLE', message: 'try again', details: [] } }),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.resolve(new Response(null, { status: 204 })),
    ];
    const api = createApiClient((_path, init) => {
      keys.push((init?.headers as Record<string, string>)['idempotency-key']);
      return answers[keys.length - 1]!();
    });
    await expect(api.deleteZone(4, 2)).resolves.toBeUndefined();
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);

    const seen: (string | undefined)[] = [];
    const plain = createApiClient((_path, init) => {
      seen.push((init?.headers as Record<string, string>)['idempotency-key']);
      return json(409, { error: { code: 'VERSION_CONFLICT', message: 'moved on', details: [] } });
    });
    await expect(plain.deleteZone(4, 2)).rejects.toMatchObject({ status: 409 });
    await expect(plain.deleteZone(4, 2)).rejects.toMatchObject({ status: 409 });
    await expect(plain.login('a', 'b')).rejects.toMatchObject({ status: 409 });
    await expect(plain.layers()).rejects.toMatchObject({ status: 409 });
    // A 409 is not retried; each new write has a new key; the login and the read carry none.
    expect(seen).toHaveLength(4);
    expect(seen[0]).not.toBe(seen[1]);
    expect(seen.slice(2)).toEqual([undefined, undefined]);
  });

  it('tells of a 401 from any call but the login itself', async () => {
    let told = 0;
    const unauthorized = () =>
      json(401, { error: { code: 'UNAUTHENTICATED', message: 'Not logged in', details: [] } });
    const api = createApiClient(unauthorized, () => (told += 1));
    await expect(api.login('a', 'b')).rejects.toMatchObject({ status: 401 });
    expect(told).toBe(0);
    await expect(api.layers()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(told).toBe(1);
  });
});
