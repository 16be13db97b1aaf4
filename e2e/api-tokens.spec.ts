import { expect, test } from './support/fixtures';
import { waitForMapIdle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';
import { USERS } from './support/users';

test('an admin issues a read-only API token in the tools panel; a GIS client reads with it until it is revoked', async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  await page.goto('/');
  await waitForMapIdle(page);
  const section = page.getByTestId('api-tokens');
  await section.scrollIntoViewIfNeeded();
  const name = `qgis-${Date.now()}`;
  await section.getByTestId('api-token-name').fill(name);
  await section.getByTestId('api-token-username').fill(USERS.viewer.username);
  // A day typed in ISO order whatever the browser's locale, good to its end in Beijing (docs/ui.md).
  await section.getByTestId('api-token-expires').fill('2099-12-31');
  await section.getByTestId('api-token-issue').click();
  const token = (await section.getByTestId('api-token-fresh').locator('code').textContent()) ?? '';
  expect(token.length).toBeGreaterThan(20);
  const row = section.getByTestId('api-token-list').locator('li', { hasText: name });
  await expect(row).toContainText('expires 2099-12-31 23:59 (UTC+8)');
  await expect(row).toContainText('last used never');
  await saveScreenshot(page, testInfo, 'api-tokens');

  // A client with no cookie, as QGIS or GDAL is: the token alone lets it read.
  const gis = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const read = () => gis.get('/ogc/collections?f=json', { headers: { Authorization: `Bearer ${token}` } });
  expect((await read()).status()).toBe(200);
  await row.getByTestId('api-token-revoke').click();
  await expect(row).toContainText('revoked');
  expect((await read()).status()).toBe(401);
  await gis.dispose();
});
