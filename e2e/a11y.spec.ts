import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ApiFeature } from '../client/src/api';
import { fetchLayer, pointOf } from './support/api';
import { expect, test } from './support/fixtures';
import { waitForMapIdle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';
import { createZone } from './support/zones';

/**
 * Accessibility (issue 13): axe-core on every screen a person uses, in both languages; no serious or critical
 * violation. The map's canvas is a picture, not text: axe reads the page around it (controls, panels, popups).
 */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, screen).toEqual([]);
}

for (const locale of ['en', 'zh'] as const) {
  test.describe(`in ${locale}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((l) => localStorage.setItem('gridwatch.locale', l), locale);
    });

    test('the login page', async ({ page }) => {
      await page.context().clearCookies();
      await page.goto('/');
      await expect(page.getByTestId('login-username')).toBeVisible();
      await expectAccessible(page, 'login');
    });

    // A test of its own, since the one below is already long on a busy machine; the panel is the page's, not the
    // map's, so it does not wait for the map to finish drawing.
    test("the periodic reports' panel", async ({ page }, testInfo) => {
      test.setTimeout(90_000);
      await page.goto('/');
      await page.getByTestId('reports-open').click();
      const panel = page.getByTestId('reports-panel');
      await expect(panel.getByTestId('reports-overview')).toBeVisible();
      await expectAccessible(page, 'reports panel');
      await saveScreenshot(page, testInfo, `reports-panel-${locale}`);
    });

    test('the map, the site, zone and progress panels, the report and the users screen', async ({
      page,
      request,
    }, testInfo) => {
      test.setTimeout(90_000);
      const site = (await fetchLayer(request, 'sites', '?limit=1')).features[0] as ApiFeature<'sites'>;
      const zone = await createZone(request, `A11y zone ${locale} ${Date.now()}`, pointOf(site));
      await page.goto('/');
      await waitForMapIdle(page);
      await page.getByTestId('map-key-toggle').click();
      await expectAccessible(page, 'map');

      await page.getByTestId('search-input').fill(site.properties.externalId);
      await page.getByTestId('search-results').locator(`[data-layer="sites"][data-id="${site.id}"]`).click();
      await expect(page.getByTestId('site-panel')).toContainText(site.properties.externalId);
      await expectAccessible(page, 'site panel');
      await page.keyboard.press('Escape');

      await page.getByTestId('zone-list').locator(`[data-zone-id="${zone.id}"]`).click();
      await expect(page.getByTestId('zone-panel')).toBeVisible();
      await expectAccessible(page, 'zone panel');
      await page.keyboard.press('Escape');

      await page.getByTestId('progress-open').click();
      await expect(page.getByTestId('report-progress')).toBeVisible();
      await expectAccessible(page, 'progress panel');
      await page.keyboard.press('Escape');

      await page.getByTestId('print-report').click();
      await expect(page.getByTestId('report-page')).toBeVisible();
      await expectAccessible(page, 'report');
      await page.keyboard.press('Escape');

      await page.getByTestId('users-open').click();
      await expect(page.getByTestId('users-table').locator('tbody tr').first()).toBeVisible();
      await expectAccessible(page, 'users');
      await saveScreenshot(page, testInfo, `users-${locale}`);
    });
  });
}
