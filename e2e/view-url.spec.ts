import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { fetchLayer, pointOf } from './support/api';
import { jumpTo, openMap, openMapKey, waitForMapIdle } from './support/map-page';

async function camera(page: Page): Promise<{ lng: number; lat: number; zoom: number }> {
  return page.evaluate(() => {
    const map = window.__gridwatchMap;
    if (!map) throw new Error('the map is not published on window');
    return { ...map.getCenter(), zoom: map.getZoom() };
  });
}

/** The address once it has caught up with the map (it is written when the map comes to rest). */
async function settledUrl(page: Page, has: string): Promise<string> {
  await waitForMapIdle(page);
  await expect.poll(() => page.url()).toContain(has);
  return page.url();
}

test.describe('the view in the address', () => {
  test('a copied link opens the same view, filters and feature', async ({ page, context, request }) => {
    const [site] = (await fetchLayer(request, 'sites', '?status=UNLICENSED&limit=1')).features;
    expect(site, 'the demo seed has an unlicensed site').toBeDefined();
    await openMap(page);
    await page.getByTestId('filter-status-LICENSED').uncheck();
    await openMapKey(page);
    await page.getByTestId('layer-toggle-pylons').uncheck();
    await jumpTo(page, pointOf(site!), 12.5);
    await page.getByTestId('search-input').fill(site!.properties.externalId);
    await page.getByTestId('search-results').getByRole('option').first().click();
    await expect(page.getByTestId('popup')).toContainText(site!.properties.name);
    const link = await settledUrl(page, `sel=sites%3A${site!.id}`);
    expect(link).toContain('hide=pylons');
    expect(link).toMatch(/status=NO_CONTRACT/);
    const seen = await camera(page);

    const copy = await context.newPage();
    await copy.goto(link);
    await waitForMapIdle(copy);
    await expect(copy.getByTestId('popup')).toContainText(site!.properties.name);
    await expect(copy.getByTestId('filter-status-LICENSED')).not.toBeChecked();
    await expect(copy.getByTestId('filter-status-UNLICENSED')).toBeChecked();
    await expect(copy.getByTestId('layer-toggle-pylons')).not.toBeChecked();
    const opened = await camera(copy);
    expect(opened.zoom).toBeCloseTo(seen.zoom, 1);
    expect(opened.lng).toBeCloseTo(seen.lng, 3);
    expect(opened.lat).toBeCloseTo(seen.lat, 3);
    expect(copy.url()).toBe(link);
  });

  test('back and forward step through the views', async ({ page, request }) => {
    const sites = (await fetchLayer(request, 'sites', '?limit=2')).features;
    expect(sites.length).toBe(2);
    await openMap(page);
    await jumpTo(page, pointOf(sites[0]!), 11);
    const first = await settledUrl(page, 'z=11.00');
    await jumpTo(page, pointOf(sites[1]!), 12);
    const second = await settledUrl(page, 'z=12.00');
    await openMapKey(page);
    await page.getByTestId('layer-toggle-zones').uncheck();
    const third = await settledUrl(page, 'hide=zones');

    await page.goBack();
    await expect.poll(() => page.url()).toBe(second);
    await expect(page.getByTestId('layer-toggle-zones')).toBeChecked();
    await page.goBack();
    await expect.poll(() => page.url()).toBe(first);
    await waitForMapIdle(page);
    expect((await camera(page)).zoom).toBeCloseTo(11, 1);
    await page.goForward();
    await expect.poll(() => page.url()).toBe(second);
    await waitForMapIdle(page);
    expect((await camera(page)).zoom).toBeCloseTo(12, 1);
    await page.goForward();
    await expect.poll(() => page.url()).toBe(third);
    await expect(page.getByTestId('layer-toggle-zones')).not.toBeChecked();
  });
});
