/**
 * Issue 10, item 1: one anonymous, deeply nested JSON body used to freeze the server for seconds (depth 12,000)
 * or exhaust its heap and kill it (depth 40,000), on /api/auth/login before any auth. Sent here over a real
 * socket to a listening server on both stores: each is refused at once with a 413 naming the limit, the
 * process's memory stays flat, and the server answers the next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/http/strict-json';
import { SMALL_SEED } from '../fixtures/small-seed';
import { BACKENDS, makeTestApp, testPassword, type TestApp } from '../test-app';

describe.each(BACKENDS)('deeply nested JSON bodies on %s', (backend) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend, { publicRead: false });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t.close());

  const post = (path: string, body: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it.each([
    ['depth 40,000 in 80 KB (killed the process)', 40_000],
    ['depth 10^6 in 2 MB', 1_000_000],
  ])('refuses %s anonymously, at once, with memory flat', async (_name, depth) => {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const res = await post('/api/auth/login', '['.repeat(depth) + ']'.repeat(depth));
    const elapsed = performance.now() - started;
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.message).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
    expect(elapsed).toBeLessThan(1000);
    // The quadratic scan grew the heap by 1.4–2.1 GB at depth 12,000; the body itself is at most 4 MB of text.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('still serves health and a real login afterwards', async () => {
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const res = await post(
      '/api/auth/login',
      JSON.stringify({ username: 'viewer', password: testPassword('viewer') }),
    );
    expect(res.status).toBe(200);
  });
});
