import { expect, test } from './support/fixtures';
import { openMap, waitForMapIdle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';
import { USERS } from './support/users';

test.describe('logging in', () => {
  test(
    'the login page comes first, refuses a wrong password with the API message, then opens the map',
    { tag: '@smoke' },
    async ({ page }, testInfo) => {
      // This test logs in through the form, so it starts without the fixture's session.
      await page.context().clearCookies();
      await page.goto('/');
      await expect(page.getByTestId('login-username')).toBeVisible();
      await expect(page.getByTestId('map')).toHaveCount(0);
      await saveScreenshot(page, testInfo, 'login');

      await page.getByTestId('login-username').fill(USERS.enforcer.username);
      await page.getByTestId('login-password').fill('not the password');
      await page.getByTestId('login-submit').click();
      await expect(page.getByRole('alert')).toHaveText('Wrong username or password');

      await page.getByTestId('login-password').fill(USERS.enforcer.password);
      await page.getByTestId('login-submit').click();
      await waitForMapIdle(page);
      const bar = page.getByTestId('user-bar');
      await expect(bar.getByTestId('user-name')).toHaveText(USERS.enforcer.username);
      await expect(bar).toContainText('enforcer');

      await bar.getByTestId('logout').click();
      await expect(page.getByTestId('login-username')).toBeVisible();
      // The session is gone on the server too: a reload does not bring the map back.
      await page.reload();
      await expect(page.getByTestId('login-username')).toBeVisible();
    },
  );

  test('a 401 from any later call brings the login page back', async ({ page }) => {
    await openMap(page);
    await page.context().clearCookies();
    await page.getByTestId('hotspot-row').first().click();
    await expect(page.getByTestId('login-username')).toBeVisible();
    await expect(page.getByText('Your session has ended')).toBeVisible();
  });
});
