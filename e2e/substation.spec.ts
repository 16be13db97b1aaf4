import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { Hotspot, UnlicensedLoad } from '../client/src/api';
import { fetchJson, hotspotsPath, pointOf, unlicensedLoadPath } from './support/api';
import {
  jumpTo,
  openMap,
  pagePoint,
  radiusCircleSpan,
  renderedCount,
  waitForMapIdle,
} from './support/map-page';
import { saveScreenshot } from './support/screenshot';

/** The panel shows the API's answer: the raw numbers are in data-value, the text is their formatting. */
async function expectTotals(page: Page, expected: UnlicensedLoad): Promise<void> {
  const panel = page.getByTestId('substation-panel');
  await expect(panel.getByTestId('unlicensed-load')).toHaveAttribute(
    'data-radius-km',
    String(expected.radiusKm),
  );
  await expect(panel.getByTestId('site-count')).toHaveAttribute('data-value', String(expected.siteCount));
  await expect(panel.getByTestId('total-load')).toHaveAttribute('data-value', String(expected.totalLoadMw));
  for (const [status, totals] of Object.entries(expected.byStatus)) {
    const row = panel.locator(`[data-status="${status}"]`);
    await expect(row).toHaveAttribute('data-count', String(totals.count));
    await expect(row).toHaveAttribute('data-load-mw', String(totals.loadMw));
  }
  await expect(panel.getByTestId('site-list').locator('[data-site-id]')).toHaveCount(
    expected.sites.features.length,
  );
}

test.describe('the substation panel', () => {
  test(
    'opens on a click on a substation with the API answer for 10 km, and follows the radius',
    { tag: '@smoke' },
    async ({ page, request }, testInfo) => {
      // The substation with the most unlicensed load nearby, so that the panel has something to show.
      const [top] = await fetchJson<Hotspot[]>(request, hotspotsPath(10));
      expect(top, 'the demo seed has a hotspot').toBeDefined();
      const substation = await fetchJson<{ geometry: { type: string; coordinates: number[] } }>(
        request,
        `/api/substations/${top!.substationId}`,
      );
      const at10 = await fetchJson<UnlicensedLoad>(request, unlicensedLoadPath(top!.substationId, 10));
      expect(at10.siteCount).toBeGreaterThan(0);

      await openMap(page);
      await jumpTo(page, pointOf(substation), 13);
      const point = await pagePoint(page, pointOf(substation));
      await page.mouse.click(point.x, point.y);

      const panel = page.getByTestId('substation-panel');
      await expect(panel).toBeVisible();
      await expect(panel).toContainText(top!.name);
      await expect(page.getByTestId('radius-input')).toHaveValue('10');
      await expectTotals(page, at10);
      // The list is the API's, in its order: nearest first.
      const ids = await panel
        .getByTestId('site-list')
        .locator('[data-site-id]')
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-site-id'))));
      expect(ids).toEqual(at10.sites.features.map((f) => f.id));
      const span10 = await radiusCircleSpan(page);
      // 20 km across is about 0.18° of latitude.
      expect(span10).toBeCloseTo((2 * 10) / 111.2, 2);

      const at25 = await fetchJson<UnlicensedLoad>(request, unlicensedLoadPath(top!.substationId, 25));
      await page.getByTestId('radius-input').fill('25');
      await expectTotals(page, at25);
      await expect.poll(() => radiusCircleSpan(page)).toBeCloseTo((2 * 25) / 111.2, 2);
      await page.evaluate(() => window.__gridwatchMap?.zoomTo(9.5, { duration: 0 }));
      await saveScreenshot(page, testInfo, 'substation-panel');
    },
  );

  test('refuses a radius out of range without asking the API', async ({ page, request }) => {
    const [top] = await fetchJson<Hotspot[]>(request, hotspotsPath(10));
    await openMap(page);
    await page.getByTestId('hotspot-row').first().click();
    await expect(page.getByTestId('substation-panel')).toContainText(top!.name);

    let asked = 0;
    page.on('request', (r) => {
      if (r.url().includes('/unlicensed-load')) asked += 1;
    });
    const input = page.getByTestId('radius-input');
    for (const bad of ['0', '501', '-4']) {
      await input.fill(bad);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByTestId('substation-panel').getByRole('alert')).toContainText('at most 500 km');
    }
    await page.waitForTimeout(800);
    expect(asked).toBe(0);
  });

  test('flies to a site picked from the list and shows its popup', async ({ page, request }) => {
    const [top] = await fetchJson<Hotspot[]>(request, hotspotsPath(10));
    const answer = await fetchJson<UnlicensedLoad>(request, unlicensedLoadPath(top!.substationId, 10));
    const site = answer.sites.features.at(-1)!;
    await openMap(page);
    await page.getByTestId('hotspot-row').first().click();
    await page.getByTestId('site-list').locator(`[data-site-id="${site.id}"]`).click();
    await expect(page.getByTestId('popup')).toContainText(site.properties.name);
    // The site is drawn in the part of the map the panel leaves free, with its highlight ring.
    await waitForMapIdle(page);
    const where = await pagePoint(page, pointOf(site));
    const panel = await page.getByTestId('substation-panel').boundingBox();
    const map = await page.getByTestId('map').boundingBox();
    expect(where.x).toBeGreaterThan(map!.x);
    expect(where.x).toBeLessThan(panel!.x);
    expect(where.y).toBeGreaterThan(map!.y);
    expect(where.y).toBeLessThan(map!.y + map!.height);
    expect(await page.evaluate(() => window.__gridwatchMap?.getZoom())).toBeGreaterThanOrEqual(12);
    expect(await renderedCount(page, 'focus-site')).toBe(1);
  });
});
