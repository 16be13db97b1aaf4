import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { fetchLayer, pointOf } from './support/api';
import { jumpTo, openMap, renderedFeatures, waitForMapIdle } from './support/map-page';

/** The next request whose path starts with `path` and whose query has `param`. */
function nextRequest(page: Page, path: string, param: string): Promise<URL> {
  return page
    .waitForRequest((r) => {
      const url = new URL(r.url());
      return url.pathname.startsWith(path) && url.searchParams.has(param);
    })
    .then((r) => new URL(r.url()));
}

test.describe('the filters', () => {
  test('narrow the map and the export, keys only', async ({ page, request }) => {
    const [site] = (await fetchLayer(request, 'sites', '?status=UNLICENSED&limit=1')).features;
    expect(site, 'the demo seed has an unlicensed site').toBeDefined();
    await openMap(page);
    await jumpTo(page, pointOf(site!), 11);

    // Every status but UNLICENSED unticked, moving with Tab and ticking with Space.
    const tiles = nextRequest(page, '/api/tiles/sites/', 'status');
    await page.getByTestId('filter-status-LICENSED').focus();
    for (const key of ['Space', 'Tab', 'Space', 'Tab', 'Tab', 'Space', 'Tab', 'Space', 'Tab', 'Space', 'Tab'])
      await page.keyboard.press(key);
    await page.keyboard.press('Space');
    const group = page.getByTestId('filter-status');
    await expect(group.getByRole('checkbox', { checked: true })).toHaveCount(1);
    // The last one ticked stays ticked: an empty list would mean every status to the API.
    await expect(page.getByTestId('filter-status-UNLICENSED')).toBeDisabled();
    expect((await tiles).searchParams.get('status')?.split(',')).not.toContain('LICENSED');

    await waitForMapIdle(page);
    await expect
      .poll(async () => {
        const drawn = await renderedFeatures(page, 'sites');
        return drawn.length > 0 && drawn.every((f) => f.properties.status === 'UNLICENSED');
      })
      .toBe(true);
    await expect(page.getByTestId('export-csv')).toHaveAttribute('href', /status=UNLICENSED(&|$)/);

    // A voltage unticked asks the lines and substations again with the other voltages.
    const lines = nextRequest(page, '/api/layers/lines', 'voltageKv');
    const substations = nextRequest(page, '/api/layers/substations', 'voltageKv');
    await page.getByTestId('filter-voltage-110').focus();
    await page.keyboard.press('Space');
    expect((await lines).searchParams.get('voltageKv')).toBe('750,220');
    expect((await substations).searchParams.get('voltageKv')).toBe('750,220');

    // A load bound goes to the tiles and to the export.
    const loaded = nextRequest(page, '/api/tiles/sites/', 'minLoadMw');
    await page.getByTestId('filter-min-load').focus();
    await page.keyboard.type('5');
    expect((await loaded).searchParams.get('minLoadMw')).toBe('5');
    await expect(page.getByTestId('export-csv')).toHaveAttribute('href', /minLoadMw=5/);
  });

  test('narrow the sites and substations to one utility', async ({ page }) => {
    await openMap(page);
    const select = page.getByTestId('filter-utility');
    await expect(select.locator('option')).not.toHaveCount(1);
    const value = await select.locator('option').nth(1).getAttribute('value');
    const tiles = nextRequest(page, '/api/tiles/sites/', 'utility');
    const substations = nextRequest(page, '/api/layers/substations', 'utility');
    await select.focus();
    await select.selectOption(value ?? '');
    expect((await tiles).searchParams.get('utility')).toBe(value);
    expect((await substations).searchParams.get('utility')).toBe(value);
  });
});
