import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { openMap, openMapKey, settle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';

/** Where the e2e server says its online basemap is (playwright.config.ts): a host that never resolves. */
const TILES = 'http://tiles.gridwatch.invalid/**';

/** A 1×1 PNG, light green: stretched over each tile, it shows where the online basemap draws. */
const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM48ewEAATwAne+b1cUAAAAAElFTkSuQmCC',
  'base64',
);

const layerVisibility = (page: Page) =>
  page.evaluate(() => window.__gridwatchMap?.getLayoutProperty('online-basemap', 'visibility'));

test.describe('the online basemap', () => {
  test('is an option, off by default, drawn under the data when switched on, with its credit', async ({
    page,
  }, testInfo) => {
    let asked = 0;
    await page.route(TILES, (route) => {
      asked += 1;
      return route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG });
    });
    await openMap(page);
    expect(asked, 'no online tile is fetched while the option is off').toBe(0);
    expect(await layerVisibility(page)).toBe('none');

    await openMapKey(page);
    const toggle = page.getByTestId('layer-toggle-online-basemap');
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle).toBeChecked();
    await expect.poll(() => asked).toBeGreaterThan(0);
    await settle(page);
    expect(await layerVisibility(page)).toBe('visible');
    await expect(page.getByTestId('online-basemap-credit')).toHaveText('tiles.gridwatch.invalid');
    await saveScreenshot(page, testInfo, 'online-basemap');

    // The printed report credits it while it is in the picture.
    await page.getByTestId('print-report').click();
    await expect(page.getByTestId('report-credits')).toContainText(
      'Online basemap in the picture: tiles.gridwatch.invalid',
    );
    await page.getByTestId('report-close').click();
    await toggle.focus();

    await page.keyboard.press('Space');
    await expect(page.getByTestId('online-basemap-credit')).toHaveCount(0);
    expect(await layerVisibility(page)).toBe('none');
  });

  test('says so when its tiles do not load, and the offline map stays', async ({ page }) => {
    await page.route(TILES, (route) => route.abort('internetdisconnected'));
    await openMap(page);
    await openMapKey(page);
    await page.getByTestId('layer-toggle-online-basemap').check();
    await expect(page.getByRole('status').filter({ hasText: 'the offline basemap is shown' })).toBeVisible();
    await expect(page.getByTestId('map')).toHaveAttribute('data-map-idle', 'true');
  });
});
