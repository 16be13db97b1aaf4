import { expect, test } from './support/fixtures';
import { openMap, renderedCount } from './support/map-page';

test('a layer that fails to load is reported with the API message, and the rest of the map still draws', async ({
  page,
}) => {
  await page.route(/\/api\/layers\/substations(\?|$)/, (route) =>
    route.fulfill({
      status: 503,
      json: { error: { code: 'UNAVAILABLE', message: 'The database cannot be reached', details: [] } },
    }),
  );
  await openMap(page);
  await expect(page.getByRole('alert')).toContainText(
    'Could not load Substations: The database cannot be reached',
  );
  expect(await renderedCount(page, 'substations')).toBe(0);
  expect(await renderedCount(page, 'sites')).toBeGreaterThan(0);
});

test('a tiled layer whose tiles fail is reported with the API message, once', async ({ page }) => {
  await page.route(/\/api\/tiles\/sites\//, (route) =>
    route.fulfill({
      status: 503,
      json: { error: { code: 'UNAVAILABLE', message: 'The tile store cannot be reached', details: [] } },
    }),
  );
  await openMap(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not load Mining sites: The tile store cannot be reached');
  await expect(alert.locator('p')).toHaveCount(1);
  expect(await renderedCount(page, 'sites')).toBe(0);
  expect(await renderedCount(page, 'substations')).toBeGreaterThan(0);
});
