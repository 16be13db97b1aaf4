import { expect, test } from './support/fixtures';
import type { ApiFeature, Hotspot } from '../client/src/api';
import { fetchJson, hotspotsPath } from './support/api';
import { jumpTo, renderedCount, waitForMapIdle } from './support/map-page';
import { waitForLoadedMap, workerInControl } from './support/offline-crew';
import { saveScreenshot } from './support/screenshot';
import { createZone, zoneSites } from './support/zones';

/**
 * Offline field work (issue 14, docs/offline.md, docs/basemap.md), on the offline project's server: SQLite with
 * the tests' own PMTiles basemap (server/test/pmtiles), and the service worker allowed (playwright.config.ts).
 */
const URUMQI: [number, number] = [87.6168, 43.8256];

test('the PMTiles basemap is served by the app and drawn with the Protomaps style', async ({
  page,
}, testInfo) => {
  const basemapTiles: number[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/basemap/')) basemapTiles.push(r.status());
  });
  await page.goto('/');
  await waitForMapIdle(page);
  await jumpTo(page, URUMQI, 7);
  expect(basemapTiles.filter((s) => s === 200).length).toBeGreaterThan(0);
  expect(await renderedCount(page, 'pm-earth')).toBeGreaterThan(0);
  expect(await renderedCount(page, 'pm-places_locality')).toBeGreaterThan(0);
  await saveScreenshot(page, testInfo, 'offline-pmtiles-basemap');
});

/**
 * The demo's busiest inspection zone: the demo seeds no zones, so the test draws one as a regulator would, a box
 * of about 20 km around the substation with the most sites within 10 km (the top hotspot).
 */
async function busiestZone(request: Parameters<typeof zoneSites>[0]) {
  const [top] = await fetchJson<Hotspot[]>(request, hotspotsPath(10));
  if (!top) throw new Error('the demo seed has no hotspot');
  const substation = await fetchJson<ApiFeature<'substations'>>(
    request,
    `/api/substations/${top.substationId}`,
  );
  const at = (substation.geometry as unknown as { coordinates: [number, number] }).coordinates;
  const zone = await createZone(request, `E2E offline ${top.name}`, at, 0.1);
  const { features } = await zoneSites(request, zone.id);
  expect(features.length, 'the busiest zone has sites').toBeGreaterThan(0);
  return { zone, sites: features };
}

test('an area is saved online within its budget, a cancelled download keeps nothing, and a deleted area leaves no cache', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  const { zone, sites } = await busiestZone(request);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await waitForLoadedMap(page);
  await workerInControl(page);

  // Online: open the zone, see the estimate against the budget, download, and find it in the list.
  await page.getByTestId('zone-list').locator(`[data-zone-id="${zone.id}"]`).click();
  await expect(page.getByTestId('zone-panel')).toBeVisible();
  await page.getByTestId('offline-save').click();
  const estimate = page.getByTestId('offline-estimate').locator('p');
  await expect(estimate).toContainText('MB budget');
  const estimated = await estimate.textContent();
  await page.getByTestId('offline-download').click();
  const row = page.getByTestId('offline-areas').locator('li[data-area-id]');
  await expect(row).toHaveCount(1, { timeout: 120_000 });
  await expect(row).toContainText(zone.properties.name);
  const meta = (await row.getByTestId('offline-area-meta').textContent()) ?? '';
  expect(meta).toMatch(/^\d+\.\d MB · saved \d+ min ago$/);
  // The note wants this number: the busiest demo zone's saved size.
  console.log(`busiest zone "${zone.properties.name}" (${sites.length} sites): ${meta}; ${estimated}`);
  await saveScreenshot(page, testInfo, 'offline-area-saved');

  // A second download cancelled at once keeps nothing: still one area, one area cache.
  await page.getByTestId('offline-save').click();
  await page.getByTestId('offline-download').click();
  await page.getByTestId('offline-cancel').click();
  await expect(page.getByText('Cancelled: nothing was kept.')).toBeVisible();
  await expect(row).toHaveCount(1);
  await expect
    .poll(() =>
      page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('gridwatch-area-')).length),
    )
    .toBe(1);

  // Opened offline, worked on and sent: e2e/offline-field-day.spec.ts. Deleted, the area leaves no cache.
  await page.getByTestId('offline-areas').getByTestId('offline-area-delete').click();
  await expect(page.getByTestId('offline-areas').locator('li[data-area-id]')).toHaveCount(0);
  const areaCaches = await page.evaluate(async () =>
    (await caches.keys()).filter((name) => name.startsWith('gridwatch-area-')),
  );
  expect(areaCaches).toEqual([]);
});
