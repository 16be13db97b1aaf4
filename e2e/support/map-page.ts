import { expect, type Page } from '@playwright/test';

/** What the page did that a test must see: console errors, uncaught errors, requests leaving the app. */
export interface PageWatch {
  consoleErrors: string[];
  foreignRequests: string[];
}

/** Starts recording before the page loads, so that nothing from the first request on is missed. */
export function watchPage(page: Page, appOrigin: string): PageWatch {
  const watch: PageWatch = { consoleErrors: [], foreignRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    // data: and blob: URLs are made inside the page; everything else must go to the app itself.
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== appOrigin) watch.foreignRequests.push(request.url());
  });
  return watch;
}

/** Waits until the map has its data and has drawn it (the map view sets data-map-idle). */
export async function waitForMapIdle(page: Page): Promise<void> {
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
}

export async function openMap(page: Page): Promise<void> {
  await page.goto('/');
  await waitForMapIdle(page);
}

/** The number of features a style layer has drawn in the current view. */
export function renderedCount(page: Page, styleLayer: string): Promise<number> {
  return page.evaluate((id) => {
    const map = window.__gridwatchMap;
    if (!map) throw new Error('the map is not published on window');
    return map.queryRenderedFeatures({ layers: [id] }).length;
  }, styleLayer);
}

/**
 * Moves the view without animation and waits for the data of the new view to be drawn. `padding` (pixels) puts
 * the centre off the middle of the map, e.g. to leave room for a popup beside a floating panel.
 */
export async function jumpTo(
  page: Page,
  center: [number, number],
  zoom: number,
  padding: { right: number; bottom: number } = { right: 0, bottom: 0 },
): Promise<void> {
  await page.evaluate(
    ([lng, lat, z, right, bottom]) => {
      window.__gridwatchMap?.jumpTo({
        center: [lng, lat],
        zoom: z,
        padding: { right, bottom, top: 0, left: 0 },
      });
    },
    [center[0], center[1], zoom, padding.right, padding.bottom] as const,
  );
  await waitForMapIdle(page);
}

/** Where a coordinate is on the page, in CSS pixels. */
export async function pagePoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('the map has no box');
  const point = await page.evaluate((ll) => {
    const map = window.__gridwatchMap;
    if (!map) throw new Error('the map is not published on window');
    const p = map.project(ll);
    return { x: p.x, y: p.y };
  }, lngLat);
  return { x: box.x + point.x, y: box.y + point.y };
}

/** Waits for the map to draw a change that does not move it (a layer toggled, the language switched). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__gridwatchMap;
        if (!map) throw new Error('the map is not published on window');
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** The ids and properties of the features a style layer has drawn in the current view. */
export function renderedFeatures(
  page: Page,
  styleLayer: string,
): Promise<{ id: string | number | undefined; properties: Record<string, unknown> }[]> {
  return page.evaluate((id) => {
    const map = window.__gridwatchMap;
    if (!map) throw new Error('the map is not published on window');
    return map.queryRenderedFeatures({ layers: [id] }).map((f) => ({ id: f.id, properties: f.properties }));
  }, styleLayer);
}

/** The labels the map has drawn in the current view, with the text it rendered (client/src/map/test-hook.ts). */
export function renderedLabels(
  page: Page,
): Promise<{ layer: string; text: string; name: unknown; nameZh: unknown }[]> {
  return page.evaluate(() => {
    const labels = window.__gridwatchLabels;
    if (!labels) throw new Error('the labels are not published on window');
    return labels();
  });
}

/** The north–south extent in degrees of the radius circle the map draws (0 when none is drawn). */
export function radiusCircleSpan(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const map = window.__gridwatchMap;
    if (!map) throw new Error('the map is not published on window');
    const source = map.getSource('focus') as { getData(): Promise<GeoJSON.FeatureCollection> } | undefined;
    const data = await source?.getData();
    const circle = data?.features.find((f) => f.properties?.role === 'radius');
    if (!circle || circle.geometry.type !== 'Polygon') return 0;
    const lats = (circle.geometry.coordinates[0] ?? []).map((p) => p[1] ?? 0);
    return Math.max(...lats) - Math.min(...lats);
  });
}

/** The box of the map's view, written as the client writes it. */
export function viewBbox(page: Page): Promise<string> {
  return page.evaluate(() => {
    const b = window.__gridwatchMap?.getBounds();
    if (!b) throw new Error('the map is not published on window');
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(6)).join(',');
  });
}

/** Opens the map's key (the layer switches and the legend over the map), closed at first. */
export async function openMapKey(page: Page): Promise<void> {
  const toggle = page.getByTestId('map-key-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.getByTestId('legend')).toBeVisible();
}
