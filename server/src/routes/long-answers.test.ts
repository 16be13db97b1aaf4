import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { generateSeed } from '@gridwatch/geodata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';
import { buildApp } from '../app';

/**
 * An answer holding a long array goes out as the bytes of JSON.stringify's text, encoded a slice at a time
 * (http/json-bytes.ts). Tested over a socket on an app as production builds it (the tests' response check
 * decodes the bytes before they are sent): the bytes and Content-Length, plain and gzipped, against the checked
 * app's answer. 500 sites give 315 substations, 282 of them metered: answers of hundreds of rows with Chinese names.
 */
const SEED = generateSeed({ sites: 500, readings: false });
const LONG = ['/api/analysis/unexplained-load?radiusKm=10', '/api/analysis/hotspots?radiusKm=300&limit=1000'];

function fetchBytes(url: string, encoding?: string) {
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    get(url, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe.each(BACKENDS)('answers with a long array (%s)', (backend) => {
  let t: TestApp;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let base: string;
  beforeAll(async () => {
    t = await makeTestApp(SEED, backend);
    app = await buildApp({ config: t.app.config, store: t.store, serveStatic: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it.each(LONG)('are the bytes of the checked answer: %s', async (path) => {
    const checked = await t.app.inject({ method: 'GET', url: path });
    expect(checked.statusCode).toBe(200);
    const rows = checked.json<unknown[]>();
    expect(rows.length).toBeGreaterThan(200);
    expect(checked.body).toMatch(/[\u4e00-\u9fff]/);

    const plain = await fetchBytes(`${base}${path}`);
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.headers['content-length']).toBe(String(plain.body.length));
    expect(plain.body.equals(Buffer.from(JSON.stringify(rows)))).toBe(true);

    const gzipped = await fetchBytes(`${base}${path}`, 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
  });
});
