import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { fetchLayer, pointOf } from './support/api';
import { jumpTo, openMap, renderedFeatures, viewBbox, waitForMapIdle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';

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

  test('narrow the map, the table and the export to one region, kept in the link', async ({
    page,
    request,
  }, testInfo) => {
    await openMap(page);
    const select = page.getByTestId('filter-region');
    // The province first, then the prefectures: take the first prefecture.
    await expect(select.locator('option')).not.toHaveCount(1);
    const region = (await select.locator('option').nth(2).getAttribute('value')) ?? '';
    const tiles = nextRequest(page, '/api/tiles/sites/', 'region');
    const substationsAsked = nextRequest(page, '/api/layers/substations', 'region');
    await select.focus();
    await select.selectOption(region);
    expect((await tiles).searchParams.get('region')).toBe(region);
    expect((await substationsAsked).searchParams.get('region')).toBe(region);
    await expect(page).toHaveURL(new RegExp(`[?&]region=${region}(&|$)`));
    await expect(page.getByTestId('export-csv')).toHaveAttribute('href', new RegExp(`region=${region}(&|$)`));

    // The chosen region is outlined.
    await waitForMapIdle(page);
    await expect
      .poll(async () => (await renderedFeatures(page, 'regions-chosen')).map((f) => Number(f.id)))
      .toContain(Number(region));
    await saveScreenshot(page, testInfo, 'region-filter');

    // The substations drawn are the region's, as the API lists them.
    const substations = await fetchLayer(request, 'substations', `?region=${region}`);
    const substationIds = new Set(substations.features.map((f) => f.id));
    await waitForMapIdle(page);
    await expect
      .poll(async () => {
        const drawn = await renderedFeatures(page, 'substations');
        return drawn.length > 0 && drawn.every((f) => substationIds.has(Number(f.id)));
      })
      .toBe(true);

    // Close in on one of its sites: the sites drawn and the table's rows are the region's in view.
    const sites = await fetchLayer(request, 'sites', `?region=${region}`);
    expect(sites.features.length, 'the region holds sites').toBeGreaterThan(0);
    await jumpTo(page, pointOf(sites.features[0]!), 9);
    const siteIds = new Set(sites.features.map((f) => f.id));
    await expect
      .poll(async () => {
        const drawn = await renderedFeatures(page, 'sites');
        return drawn.length > 0 && drawn.every((f) => siteIds.has(Number(f.id)));
      })
      .toBe(true);
    await page.getByTestId('table-toggle').click();
    const rows = page.getByTestId('attribute-table').locator('tbody tr');
    const inView = await fetchLayer(request, 'sites', `?bbox=${await viewBbox(page)}&region=${region}`);
    await expect(rows).toHaveCount(Math.min(inView.features.length, 100));
    const listed = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-site-id'))));
    expect(listed.every((id) => siteIds.has(id))).toBe(true);

    // The link reopens the same filter.
    await page.reload();
    await waitForMapIdle(page);
    await expect(page.getByTestId('filter-region')).toHaveValue(region);
  });
});
