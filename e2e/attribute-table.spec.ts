import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { ApiFeatureCollection } from '../client/src/api';
import { fetchJson, fetchLayer, pointOf } from './support/api';
import { jumpTo, openMap, pagePoint, viewBbox, waitForMapIdle } from './support/map-page';

/** The points the map rings as hovered from the table. */
function hoverRing(page: Page): Promise<number[][]> {
  return page.evaluate(async () => {
    const source = window.__gridwatchMap?.getSource('focus') as
      { getData(): Promise<GeoJSON.FeatureCollection> } | undefined;
    const data = await source?.getData();
    return (data?.features ?? [])
      .filter((f) => f.properties?.role === 'hover' && f.geometry.type === 'Point')
      .map((f) => (f.geometry as GeoJSON.Point).coordinates);
  });
}

test.describe('the attribute table', () => {
  test('follows the map, and the map follows it', async ({ page, request }) => {
    const [site] = (await fetchLayer(request, 'sites', '?status=UNLICENSED&limit=1')).features;
    expect(site, 'the demo seed has an unlicensed site').toBeDefined();
    await openMap(page);
    await jumpTo(page, pointOf(site!), 13);
    await page.getByTestId('table-toggle').click();
    const table = page.getByTestId('attribute-table');
    const rows = table.locator('tbody tr');

    // The sites in view, from the API.
    const bbox = await viewBbox(page);
    const inView = await fetchJson<ApiFeatureCollection<'sites'>>(request, `/api/layers/sites?bbox=${bbox}`);
    await expect(rows).toHaveCount(Math.min(inView.features.length, 100));
    await expect(table.getByTestId('table-page')).toContainText(String(inView.features.length));
    await expect(table.getByTestId('table-export-csv')).toHaveAttribute('href', /bbox=/);

    // Sorted by load, then the other way.
    const loads = async () =>
      Promise.all(
        (await rows.all()).map(async (r) =>
          Number((await r.locator('td').nth(2).innerText()).replace(/,/g, '')),
        ),
      );
    const descending = await loads();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await table.getByTestId('table-sort-loadMw').click();
    await expect(table.locator('th[aria-sort="ascending"]')).toHaveCount(1);
    const ascending = await loads();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    // A row under the pointer rings its site on the map; a site under the pointer shades its row.
    const row = table.locator(`tr[data-site-id="${site!.id}"]`);
    await row.hover();
    await expect.poll(() => hoverRing(page)).toEqual([pointOf(site!)]);
    await page.getByTestId('map').hover({ position: { x: 5, y: 5 } });
    await expect.poll(() => hoverRing(page)).toEqual([]);
    const at = await pagePoint(page, pointOf(site!));
    await page.mouse.move(at.x, at.y);
    await expect(row).toHaveClass(/is-hovered/);

    // A site clicked on the map brings its row into view; a row clicked opens its site.
    await page.mouse.click(at.x, at.y);
    await expect(page.getByTestId('popup')).toContainText(site!.properties.name);
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await expect(row).toBeInViewport();
    const other = inView.features.find((f) => f.id !== site!.id);
    test.skip(!other, 'the view holds one site only');
    await table.locator(`tr[data-site-id="${other!.id}"] button`).click();
    await expect(page.getByTestId('popup')).toContainText(other!.properties.name);
    await expect(table.locator(`tr[data-site-id="${other!.id}"]`)).toHaveAttribute('aria-selected', 'true');
    await waitForMapIdle(page);
  });
});
