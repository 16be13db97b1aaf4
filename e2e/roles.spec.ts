import type { Role } from '../client/src/api';
import { fetchLayer, pointOf } from './support/api';
import { expect, test } from './support/fixtures';
import { jumpTo, openMap, pagePoint } from './support/map-page';

test.describe('a viewer', () => {
  test.use({ role: 'viewer' satisfies Role });

  test('sees the map, the zones and the history, and no edit control', async ({ page, request }) => {
    const [site] = (await fetchLayer(request, 'sites', '?status=UNLICENSED&limit=1')).features;
    await openMap(page);
    await expect(page.getByTestId('user-bar')).toHaveAttribute('data-role', 'viewer');
    await expect(page.getByTestId('zones-section')).toBeVisible();
    await expect(page.getByTestId('zone-draw-polygon')).toHaveCount(0);
    await expect(page.getByTestId('import-open')).toHaveCount(0);

    await jumpTo(page, pointOf(site!), 12);
    const point = await pagePoint(page, pointOf(site!));
    await page.mouse.click(point.x, point.y);
    await expect(page.getByTestId('site-history').locator('li').first()).toBeVisible();
    await expect(page.getByTestId('status-form')).toHaveCount(0);
    await expect(page.getByTestId('status-select')).toHaveCount(0);
  });

  test('is refused a status change by the API with 403', async ({ request }) => {
    const [site] = (await fetchLayer(request, 'sites', '?status=UNLICENSED&limit=1')).features;
    const response = await request.patch(`/api/sites/${site!.id}`, {
      data: { status: 'SHUTDOWN_ORDERED', note: 'not mine to change', version: site!.properties.version },
    });
    expect(response.status()).toBe(403);
  });
});

test.describe('an enforcer', () => {
  test.use({ role: 'enforcer' satisfies Role });

  test('can draw zones but is not offered the import', async ({ page }) => {
    await openMap(page);
    await expect(page.getByTestId('zone-draw-polygon')).toBeVisible();
    await expect(page.getByTestId('import-open')).toHaveCount(0);
  });
});
