import type { Page } from '@playwright/test';
import { ALLOWED_TRANSITIONS } from '@gridwatch/contract';
import type { Role, SearchHit } from '../client/src/api';
import { fetchJson, fetchLayer } from './support/api';
import { expect, test } from './support/fixtures';
import { waitForMapIdle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';

/** The four screens of issue 13: two phones, a tablet upright, a desktop. */
const VIEWPORTS = [
  { name: 'phone-360', width: 360, height: 740 },
  { name: 'phone-390', width: 390, height: 844 },
  { name: 'tablet-768', width: 768, height: 1024 },
  { name: 'desktop-1440', width: 1440, height: 900 },
] as const;

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('the map has the room, nothing scrolls sideways, the key and the panel open', async ({
      page,
    }, testInfo) => {
      await page.goto('/');
      await waitForMapIdle(page);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      // With no panel open (a desktop's tools column is a panel: it is hidden first), the map has ≥ 60 %.
      if ((await page.getByTestId('app-panel').count()) > 0) await page.getByTestId('panel-close').click();
      const box = (await page.getByTestId('map').boundingBox())!;
      expect((box.width * box.height) / (viewport.width * viewport.height)).toBeGreaterThanOrEqual(0.6);
      // The map's key is on the map, reachable and collapsible.
      const keyToggle = page.getByTestId('map-key-toggle');
      if ((await keyToggle.getAttribute('aria-expanded')) !== 'true') await keyToggle.click();
      await expect(page.getByTestId('legend')).toBeVisible();
      await expect(page.getByTestId('layer-toggle-sites')).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await saveScreenshot(page, testInfo, `layout-${viewport.name}-map`);
      // The tools panel: a column beside the map, or a bottom sheet on a phone.
      await page.getByTestId('panel-toggle').click();
      await expect(page.getByTestId('app-panel')).toBeVisible();
      await expect(page.getByTestId('search-input')).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await saveScreenshot(page, testInfo, `layout-${viewport.name}-panel`);
    });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, role: 'enforcer' satisfies Role });

  test('a site is found, opened and its status changed', async ({ page, request }, testInfo) => {
    const sites = await fetchLayer(request, 'sites', '?limit=200');
    const site = sites.features.find((f) => ALLOWED_TRANSITIONS[f.properties.status].length > 0)!;
    const hits = await fetchJson<SearchHit[]>(
      request,
      `/api/search?q=${encodeURIComponent(site.properties.name)}`,
    );
    expect(hits.some((h) => h.layer === 'sites' && h.id === site.id)).toBe(true);
    await page.goto('/');
    await waitForMapIdle(page);
    await page.getByTestId('panel-toggle').click();
    await page.getByTestId('search-input').fill(site.properties.name);
    await page.getByTestId('search-results').locator(`[data-layer="sites"][data-id="${site.id}"]`).click();
    const sheet = page.getByTestId('site-panel');
    await expect(sheet).toContainText(site.properties.name);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const to = ALLOWED_TRANSITIONS[site.properties.status][0]!;
    await sheet.getByTestId('status-select').selectOption(to);
    const note = `E2E on a phone ${Date.now()}`;
    await sheet.getByTestId('status-note').fill(note);
    await saveScreenshot(page, testInfo, 'layout-phone-390-site-sheet');
    await sheet.getByTestId('status-submit').click();
    const newest = sheet.getByTestId('site-history').locator('li').first();
    await expect(newest).toHaveAttribute('data-to', to);
    await expect(newest).toContainText(note);
    await newest.scrollIntoViewIfNeeded();
    await saveScreenshot(page, testInfo, 'layout-phone-390-site-changed');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
  });
});

/** Whether the page's top-most element at the centre of `testId`'s box is inside it (nothing covers it). */
async function uncovered(page: Page, testId: string): Promise<boolean> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  return page.evaluate(
    ({ id, x, y }) => document.elementFromPoint(x, y)?.closest(`[data-testid="${id}"]`) !== null,
    { id: testId, x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
}

test.describe('a panel opened from the tools on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const { name, open, panel } of [
    { name: 'reports', open: 'reports-open', panel: 'reports-panel' },
    { name: 'progress', open: 'progress-open', panel: 'report-progress' },
  ]) {
    test(`the ${name} panel is a sheet in the tools' place, not under them`, async ({ page }, testInfo) => {
      await page.goto('/');
      await waitForMapIdle(page);
      await page.getByTestId('panel-toggle').click();
      await page.getByTestId(open).click();
      const sheet = page.getByTestId(panel);
      await expect(sheet).toBeVisible();
      // The tools' sheet gives way, and nothing covers the panel's heading or its middle.
      await expect(page.getByTestId('app-panel')).toHaveCount(0);
      expect(await uncovered(page, panel)).toBe(true);
      const heading = (await sheet.locator('h2').first().boundingBox())!;
      expect(heading.y).toBeGreaterThanOrEqual(0);
      expect(heading.y + heading.height).toBeLessThanOrEqual(844);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await saveScreenshot(page, testInfo, `layout-phone-390-${name}`);
      // Esc closes the panel and the tools come back where they were.
      await page.keyboard.press('Escape');
      await expect(sheet).toBeHidden();
      await expect(page.getByTestId('app-panel')).toBeVisible();
    });
  }
});
