import { expect, test } from '@playwright/test';
import { openMap, renderedCount } from './support/map-page';

test('a layer that fails to load is reported with the API message, and the rest of the map still draws', async ({
  page,
}) => {
  await page.route(/\/api\/layers\/sites(\?|$)/, (route) =>
    route.fulfill({
      status: 503,
      json: { error: { code: 'UNAVAILABLE', message: 'The database cannot be reached', details: [] } },
    }),
  );
  await openMap(page);
  await expect(page.getByRole('alert')).toContainText(
    'Could not load Mining sites: The database cannot be reached',
  );
  expect(await renderedCount(page, 'sites')).toBe(0);
  expect(await renderedCount(page, 'substations')).toBeGreaterThan(0);
});
