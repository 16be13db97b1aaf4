import type { Page, Request } from '@playwright/test';
import { watchConsole } from './support/console';
import { expect, test } from './support/fixtures';
import { waitForMapIdle } from './support/map-page';

/**
 * A light first load (issue 13, docs/ui.md): the bytes a cold browser transfers (bodies as sent, compressed,
 * and headers) for the login page and for the map logged in; no request asked twice; nothing on the console.
 */
interface Load {
  bytes: number;
  requests: string[];
  console: string[];
}

function watchLoad(page: Page): { done: () => Promise<Load> } {
  const finished: Request[] = [];
  const messages = watchConsole(page);
  page.on('requestfinished', (request) => finished.push(request));
  return {
    done: async () => {
      let bytes = 0;
      const requests: string[] = [];
      for (const request of finished) {
        const sizes = await request.sizes();
        bytes += sizes.responseBodySize + sizes.responseHeadersSize;
        const url = request.url();
        // What reached the server: a copy the browser's own cache gave back has no response headers sent.
        if (sizes.responseHeadersSize > 0 && !url.startsWith('data:') && !url.startsWith('blob:'))
          requests.push(`${request.method()} ${url}`);
      }
      return { bytes, requests, console: messages };
    },
  };
}

/**
 * The app's own requests asked more than once: the API, the basemap, the scripts and styles. Chromium itself
 * asks for the favicon and, on a cold load, the Latin font twice (two requests reach the server): those are the
 * browser's, not the app's, and are left out (docs/ui.md).
 */
const repeated = (requests: string[]) =>
  requests
    .filter((r) => /\/api\/|\/basemap\/|\.(js|mjs|css)$/.test(r))
    .filter((r, i, all) => all.indexOf(r) !== i);

test.describe('a cold first load', () => {
  test('the login page is under 150 KB, without the map, and quiet', async ({ page }) => {
    await page.context().clearCookies();
    const watch = watchLoad(page);
    await page.goto('/');
    await expect(page.getByTestId('login-username')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const load = await watch.done();
    expect(load.console).toEqual([]);
    expect(repeated(load.requests)).toEqual([]);
    // The map's code is a chunk of its own, not asked for before a login.
    expect(load.requests.filter((r) => /maplibre|\/api\/layers/.test(r))).toEqual([]);
    console.log(`login page: ${load.bytes} bytes in ${load.requests.length} requests`);
    expect(load.bytes).toBeLessThan(150 * 1024);
  });

  test('the logged-in map is under 800 KB, each request asked once, and quiet', async ({ page }) => {
    const watch = watchLoad(page);
    await page.goto('/');
    await waitForMapIdle(page);
    await page.waitForLoadState('networkidle');
    const load = await watch.done();
    expect(load.console).toEqual([]);
    expect(repeated(load.requests)).toEqual([]);
    console.log(`map: ${load.bytes} bytes in ${load.requests.length} requests`);
    expect(load.bytes).toBeLessThan(800 * 1024);
  });

  test('hashed assets are cached for good, compressed; the page is checked each time', async ({
    request,
  }) => {
    const page = await request.get('/', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.headers()['cache-control']).toBe('no-cache');
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(await page.text())?.[1];
    expect(script).toMatch(/^\/assets\//);
    const asset = await request.get(script!, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers()['content-encoding']).toBe('br');
    const layer = await request.get('/api/layers/regions', { headers: { 'accept-encoding': 'gzip' } });
    expect(layer.headers()['content-encoding']).toBe('gzip');
  });
});
