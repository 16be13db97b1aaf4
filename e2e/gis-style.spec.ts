import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Hotspot } from '../client/src/api';
import { fetchJson, hotspotsPath, pointOf } from './support/api';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshot';

/** MapLibre as a GIS web app would load it: the package's own ESM build and worker, not the app's bundle. */
const MAPLIBRE_DIST = path.resolve('node_modules/maplibre-gl/dist');
const LIB_PATH = '/gis-style-test/';

/** A bare page that knows nothing of gridwatch but the style URL it is given. */
const pageHtml = (styleUrl: string, bounds: number[]) => `<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="${LIB_PATH}maplibre-gl.css">
<style>html, body, #map { margin: 0; width: 100%; height: 100%; }</style></head>
<body><div id="map"></div>
<script type="module">
  import * as maplibregl from '${LIB_PATH}maplibre-gl.mjs';
  maplibregl.setWorkerUrl('${LIB_PATH}maplibre-gl-worker.mjs');
  const map = new maplibregl.Map({ container: 'map', style: ${JSON.stringify(styleUrl)}, bounds: ${JSON.stringify(bounds)} });
  window.errors = [];
  map.on('error', (e) => window.errors.push(String(e.error && e.error.message)));
  map.once('idle', () => { window.gisMap = map; });
</script></body></html>`;

test(
  'MapLibre draws the whole map from the style URL alone (/ogc/styles/gridwatch, with a token)',
  { tag: '@smoke' },
  async ({ browser, request, baseURL }, testInfo) => {
    const origin = new URL(baseURL ?? '').origin;
    // A viewer's API token, as a GIS team would be given; the page has no session cookie.
    const issued = await request.post('/api/tokens', { data: { name: 'MapLibre e2e', username: 'viewer' } });
    expect(issued.status()).toBe(201);
    const { token } = (await issued.json()) as { token: string };
    // Around the substation with the most unlicensed load near it, at zoom 8 and more: its sites one by one
    // (not clusters), its lines.
    const [top] = await fetchJson<Hotspot[]>(request, hotspotsPath(10));
    const substation = await fetchJson<{ geometry: { type: string; coordinates: number[] } }>(
      request,
      `/api/substations/${top!.substationId}`,
    );
    const [cx, cy] = pointOf(substation);
    const bounds = [cx - 0.6, cy - 0.4, cx + 0.6, cy + 0.4];

    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    const elsewhere: string[] = [];
    const failed: string[] = [];
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== origin) {
        elsewhere.push(url.href);
        return route.abort();
      }
      if (url.pathname === '/gis-style-test.html') {
        const styleUrl = `${origin}/ogc/styles/gridwatch?access_token=${token}`;
        return route.fulfill({ contentType: 'text/html', body: pageHtml(styleUrl, bounds) });
      }
      if (url.pathname.startsWith(LIB_PATH)) {
        const file = path.join(MAPLIBRE_DIST, path.basename(url.pathname));
        const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
        return route.fulfill({ contentType: type, body: readFileSync(file) });
      }
      return route.continue();
    });
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });

    await page.goto(`${origin}/gis-style-test.html`);
    await page.waitForFunction(() => 'gisMap' in window, undefined, { timeout: 45_000 });
    const drawn = await page.evaluate(() => {
      const map = (window as unknown as { gisMap: MapLibreMap }).gisMap;
      const count = (layer: string) => map.queryRenderedFeatures({ layers: [layer] }).length;
      return {
        sites: count('sites'),
        clusters: map.queryRenderedFeatures({ layers: ['sites'] }).filter((f) => f.properties.cluster).length,
        lines: count('lines'),
        substations: count('substations'),
        outline: count('outline-line'),
        zoom: map.getZoom(),
        errors: (window as unknown as { errors: string[] }).errors,
      };
    });
    await saveScreenshot(page, testInfo, 'gis-style-maplibre');
    expect(drawn.errors).toEqual([]);
    expect(drawn.zoom).toBeGreaterThanOrEqual(8);
    expect(drawn.sites).toBeGreaterThan(0);
    expect(drawn.clusters).toBe(0);
    expect(drawn.lines).toBeGreaterThan(0);
    expect(drawn.substations).toBeGreaterThan(0);
    expect(drawn.outline).toBeGreaterThan(0);
    expect(failed).toEqual([]);
    expect(elsewhere).toEqual([]);
    await context.close();
  },
);
