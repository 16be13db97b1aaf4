import { get } from 'node:http';
import { generateSeed } from '@gridwatch/geodata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app';
import { buildApp } from '../app';

/**
 * A layer page the database copies (PostGIS, store copyLayerPage) is streamed as it arrives
 * (http/feature-json-answer.ts). Tested on an app as production builds it: the tests' response check reads a
 * streamed answer whole before it is sent. Enough sites for an answer of many chunks, so that one cut short
 * leaves its copy mid-statement.
 */
const SEED = generateSeed({ sites: 3000, readings: false });

/** A client that reads the first bytes of an answer and hangs up. */
function readFirstBytesAndGo(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = get(url, (res) => {
      res.once('data', () => {
        request.destroy();
        resolve();
      });
    });
    request.on('error', reject);
  });
}

describe('a layer page streamed from PostGIS', () => {
  let t: TestApp;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await makeTestApp(SEED, 'postgis');
    app = await buildApp({ config: t.app.config, store: t.store, serveStatic: false });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('is the bytes of the checked answer, truncated or not', async () => {
    for (const search of ['', 'limit=2500', 'bbox=80,40,90,45&status=SUSPECTED', 'limit=1']) {
      const res = await app.inject({ method: 'GET', url: `/api/layers/sites?${search}` });
      const checked = await t.app.inject({ method: 'GET', url: `/api/layers/sites?${search}` });
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body, search).toBe(checked.body);
    }
    const whole = await app.inject({ method: 'GET', url: '/api/layers/sites?limit=2500' });
    expect(whole.body.length).toBeGreaterThan(10 * 64 * 1024);
    expect(whole.json()).toMatchObject({ truncated: true });
  });

  it('frees its connection when the answer is not read to the end: a HEAD, a client gone', async () => {
    // More unread answers than the pool holds connections (8): one kept would leave the later reads waiting.
    for (let i = 0; i < 12; i++) {
      const head = await app.inject({ method: 'HEAD', url: '/api/layers/sites' });
      expect(head.statusCode).toBe(200);
    }
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    for (let i = 0; i < 12; i++) await readFirstBytesAndGo(`${url}/api/layers/sites`);
    const res = await app.inject({ method: 'GET', url: '/api/layers/sites?limit=2' });
    expect((res.json() as { features: unknown[] }).features).toHaveLength(2);
  });
});
