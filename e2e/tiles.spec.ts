import { expect, test } from './support/fixtures';
import type { Hotspot } from '../client/src/api';
import { fetchJson, fetchLayer, hotspotsPath, pointOf } from './support/api';
import { jumpTo, openMap, renderedCount, renderedFeatures, watchPage } from './support/map-page';
import { saveScreenshot } from './support/screenshot';

test(
  'sites and pylons are drawn from the vector tiles, sites as clusters at low zoom',
  { tag: '@smoke' },
  async ({ page, request, baseURL }, testInfo) => {
    const tileRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/tiles/')) tileRequests.push(r.url());
    });
    const watch = watchPage(page, new URL(baseURL ?? '').origin);
    const layerRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/layers\/(sites|pylons)/.test(r.url())) layerRequests.push(r.url());
    });

    const [top] = await fetchJson<Hotspot[]>(request, hotspotsPath(10));
    const substation = await fetchJson<{ geometry: { type: string; coordinates: number[] } }>(
      request,
      `/api/substations/${top!.substationId}`,
    );
    await openMap(page);
    await jumpTo(page, pointOf(substation), 6);
    const clusters = await renderedFeatures(page, 'sites');
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.every((f) => f.properties.cluster === true && Number(f.properties.count) >= 1)).toBe(
      true,
    );
    expect(await renderedCount(page, 'sites-cluster-count')).toBeGreaterThan(0);
    await saveScreenshot(page, testInfo, 'tiles-z6');

    await jumpTo(page, pointOf(substation), 10);
    const sites = await renderedFeatures(page, 'sites');
    expect(sites.length).toBeGreaterThan(0);
    expect(sites.every((f) => typeof f.id === 'number' && f.properties.cluster === undefined)).toBe(true);

    const [pylon] = (await fetchLayer(request, 'pylons', '?limit=1')).features;
    await jumpTo(page, pointOf(pylon!), 11.5);
    await expect.poll(() => renderedCount(page, 'pylons')).toBeGreaterThan(0);

    expect(tileRequests.some((u) => u.includes('/api/tiles/sites/'))).toBe(true);
    expect(tileRequests.some((u) => u.includes('/api/tiles/pylons/'))).toBe(true);
    expect(layerRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  },
);
