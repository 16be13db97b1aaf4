/**
 * Issue 10, items 6 and 7, over a real socket (inject() cannot send a wrong Host): browser security headers, no
 * caching of users/audit/exports, the Secure cookie behind a TLS proxy, the Host check against DNS rebinding,
 * and cookie-carrying writes refused without an Origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { SMALL_SEED } from '../fixtures/small-seed';
import { BACKENDS, makeTestApp, testPassword, type TestApp } from '../test-app';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host and Origin are exactly what the test says (fetch would set them). */
function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe.each(BACKENDS)('headers and origins on %s', (backend) => {
  let t: TestApp;
  let port: number;
  let cookie: string;
  const host = () => `127.0.0.1:${port}`;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend, {
      publicRead: false,
      env: { GRIDWATCH_TRUST_PROXY: '127.0.0.1', GRIDWATCH_PUBLIC_ORIGIN: 'https://gridwatch.example.org' },
    });
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = Number(new URL(address).port);
    cookie = await t.login('enforcer');
  });
  afterAll(async () => t.close());

  const zone = JSON.stringify({
    name: 'origin check',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [87, 44],
          [87.1, 44],
          [87.1, 44.1],
          [87, 44],
        ],
      ],
    },
  });

  it('sends the browser security headers, with a CSP that lets MapLibre run its blob: worker', async () => {
    const res = await send(port, 'GET', '/api/health', { host: host() });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("script-src 'self'");
  });

  it('lets pages on other origins read the OGC API and the basemap files, never with a cookie; nothing else', async () => {
    const origin = 'https://maps.elsewhere.example';
    for (const path of ['/ogc/collections?f=json', '/ogc/styles/gridwatch', '/basemap/land.geojson']) {
      const res = await send(port, 'GET', path, { host: host(), origin });
      expect(res.headers['access-control-allow-origin'], path).toBe('*');
      // `*` forbids credentialed reads: a cookie-carrying cross-origin fetch is refused by the browser.
      expect(res.headers['access-control-allow-credentials'], path).toBeUndefined();
    }
    for (const path of ['/api/layers/sites', '/api/health', '/api/export/sites.csv']) {
      const res = await send(port, 'GET', path, { host: host(), origin, cookie });
      expect(res.headers['access-control-allow-origin'], path).toBeUndefined();
    }
  });

  it('marks users, audit and exports no-store', async () => {
    const admin = await t.login('admin');
    for (const path of ['/api/users', '/api/audit?entity=zone', '/api/export/sites.csv']) {
      const res = await send(port, 'GET', path, { host: host(), cookie: admin });
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('sets the session cookie Secure when the request came over TLS through the trusted proxy', async () => {
    const body = JSON.stringify({ username: 'viewer', password: testPassword('viewer') });
    const headers = { host: host(), 'content-type': 'application/json' };
    const plain = await send(port, 'POST', '/api/auth/login', headers, body);
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
    const tls = await send(
      port,
      'POST',
      '/api/auth/login',
      { ...headers, 'x-forwarded-proto': 'https' },
      body,
    );
    expect(tls.status).toBe(200);
    expect(String(tls.headers['set-cookie'])).toMatch(/Secure/);
  });

  it('refuses a Host that is not this server (DNS rebinding), even with a matching Origin', async () => {
    const res = await send(
      port,
      'POST',
      '/api/zones',
      { host: 'evil.example', origin: 'http://evil.example', cookie, 'content-type': 'application/json' },
      zone,
    );
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body).error.message).toMatch(/GRIDWATCH_PUBLIC_ORIGIN/);
    const configured = await send(port, 'GET', '/api/health', { host: 'gridwatch.example.org' });
    expect(configured.status).toBe(200);
  });

  it('refuses a cookie-carrying write with no Origin, and takes it with the Origin or Sec-Fetch-Site a browser sends', async () => {
    const headers = { host: host(), cookie, 'content-type': 'application/json' };
    const bare = await send(port, 'POST', '/api/zones', headers, zone);
    expect(bare.status).toBe(403);
    expect(JSON.parse(bare.body).error.message).toMatch(/needs an Origin/);
    const other = await send(port, 'POST', '/api/zones', { ...headers, origin: 'http://127.0.0.1:1' }, zone);
    expect(other.status).toBe(403);
    expect(
      (await send(port, 'POST', '/api/zones', { ...headers, origin: `http://${host()}` }, zone)).status,
    ).toBe(201);
    const fetchMeta = await send(
      port,
      'POST',
      '/api/zones',
      { ...headers, 'sec-fetch-site': 'same-origin' },
      zone,
    );
    expect(fetchMeta.status).toBe(201);
  });

  it('still lets a write without a cookie reach the login check (401, not 403)', async () => {
    const res = await send(
      port,
      'POST',
      '/api/zones',
      { host: host(), 'content-type': 'application/json' },
      zone,
    );
    expect(res.status).toBe(401);
  });
});
