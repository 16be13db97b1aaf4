import { expect, test } from './support/fixtures';
import type { Hotspot } from '../client/src/api';
import { fetchJson, hotspotsPath } from './support/api';
import { openMap, settle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';

test.describe('the language switch', () => {
  test('shows Chinese in the legend and the panels, and is remembered', async ({
    page,
    request,
  }, testInfo) => {
    const [top] = await fetchJson<Hotspot[]>(request, hotspotsPath(10));
    expect(top, 'the demo seed has a hotspot').toBeDefined();
    await openMap(page);
    await page.getByTestId('lang-toggle').getByRole('button', { name: '中文' }).click();
    await expect(page.getByTestId('legend')).toContainText('无证经营');

    // A panel opened from the search, by its Chinese name.
    await page.getByTestId('search-input').fill(top!.nameZh);
    await expect(page.getByTestId('search-results').getByRole('option').first()).toBeVisible();
    await page.getByTestId('search-results').getByRole('option', { name: top!.nameZh }).first().click();
    const panel = page.getByTestId('substation-panel');
    await expect(panel).toContainText('变电站');
    await expect(panel).toContainText(top!.nameZh);
    await settle(page);
    await saveScreenshot(page, testInfo, 'main-zh');

    await page.reload();
    await expect(page.getByTestId('legend')).toContainText('无证经营');
    await expect(page.getByTestId('lang-toggle').getByRole('button', { name: '中文' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});
