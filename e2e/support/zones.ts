import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { ApiFeature, ZoneSites } from '../../client/src/api';

/**
 * Draws a polygon zone by clicking on the map canvas, as a person does: each corner, then the first corner again
 * to close it. The pauses keep two clicks from being read as a double-click.
 */
export async function drawPolygon(page: Page, corners: readonly { x: number; y: number }[]): Promise<void> {
  await startDrawing(page, 'polygon');
  for (const corner of [...corners, corners[0]!]) {
    await page.mouse.move(corner.x, corner.y, { steps: 4 });
    await page.mouse.click(corner.x, corner.y);
    await page.waitForTimeout(150);
  }
}

/** Chooses a shape and waits until terra-draw (loaded on first use) listens to the map. */
export async function startDrawing(page: Page, shape: 'polygon' | 'rectangle' | 'circle'): Promise<void> {
  await page.getByTestId(`zone-draw-${shape}`).click();
  await expect(page.getByTestId('map')).toHaveAttribute('data-draw-mode', shape);
}

/** A square of corners `half` pixels around a point of the page. */
export function squareAround(center: { x: number; y: number }, half: number) {
  return [
    { x: center.x - half, y: center.y - half },
    { x: center.x + half, y: center.y - half },
    { x: center.x + half, y: center.y + half },
    { x: center.x - half, y: center.y + half },
  ];
}

export async function zoneSites(request: APIRequestContext, zoneId: number): Promise<ZoneSites> {
  const response = await request.get(`/api/zones/${zoneId}/sites`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ZoneSites;
}

/** Creates a zone through the API, as another user of the app would. */
export async function createZone(
  request: APIRequestContext,
  name: string,
  [lon, lat]: [number, number],
  half = 0.05,
): Promise<ApiFeature<'zones'>> {
  const ring = [
    [lon - half, lat - half],
    [lon + half, lat - half],
    [lon + half, lat + half],
    [lon - half, lat + half],
    [lon - half, lat - half],
  ];
  const response = await request.post('/api/zones', {
    data: { name, geometry: { type: 'Polygon', coordinates: [ring] } },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as ApiFeature<'zones'>;
}

/** The summary the zone panel shows must be the API's, number for number (raw values in data-value). */
export async function expectSummary(page: Page, expected: ZoneSites['summary']): Promise<void> {
  const summary = page.getByTestId('zone-summary');
  await expect(summary.getByTestId('zone-site-count')).toHaveAttribute(
    'data-value',
    String(expected.siteCount),
  );
  await expect(summary.getByTestId('zone-total-load')).toHaveAttribute(
    'data-value',
    String(expected.totalLoadMw),
  );
  for (const [status, totals] of Object.entries(expected.byStatus)) {
    const row = summary.locator(`[data-status="${status}"]`);
    await expect(row).toHaveAttribute('data-count', String(totals.count));
    await expect(row).toHaveAttribute('data-load-mw', String(totals.loadMw));
  }
}
