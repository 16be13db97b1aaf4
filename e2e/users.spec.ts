import { expect, test } from './support/fixtures';
import { waitForMapIdle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';

test('an admin creates a utility enforcer, who logs in with the one-time password and changes it', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(90_000);
  const username = `e2e-user-${Date.now()}`;
  await page.goto('/');
  await waitForMapIdle(page);
  await page.getByTestId('users-open').click();
  const dialog = page.getByTestId('users-dialog');
  await expect(dialog.getByTestId('users-table').locator('tr[data-username="admin"]')).toBeVisible();

  await dialog.getByTestId('user-new-name').fill(username);
  const org = dialog.getByTestId('org-select');
  await expect(org.locator('option')).not.toHaveCount(1);
  const utility = await org.locator('option').nth(1).textContent();
  await org.selectOption({ index: 1 });
  // A utility has no admins.
  await expect(dialog.getByTestId('user-new-role').locator('option[value="admin"]')).toHaveCount(0);
  await dialog.getByTestId('user-new-role').selectOption('enforcer');
  await dialog.getByTestId('user-new-submit').click();
  const password = (await dialog.getByTestId('one-time-password-value').textContent())!;
  expect(password).toMatch(/^\w{20}$/);
  const row = dialog.locator(`tr[data-username="${username}"]`);
  await expect(row.getByTestId('user-organisation')).toHaveText(utility!);
  await saveScreenshot(page, testInfo, 'users-screen');

  // The new user logs in with it, and changes it; the old one no longer works.
  // A browser of their own, with no session (the test's own options would log it in as the admin).
  const other = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const theirs = await other.newPage();
  await theirs.goto('/');
  await theirs.getByTestId('login-username').fill(username);
  await theirs.getByTestId('login-password').fill(password);
  await theirs.getByTestId('login-submit').click();
  await waitForMapIdle(theirs);
  await theirs.getByTestId('password-open').click();
  const form = theirs.getByTestId('password-dialog');
  const next = 'a long and new passphrase for e2e';
  await form.getByTestId('password-current').fill(password);
  await form.getByTestId('password-new').fill(next);
  await form.getByTestId('password-repeat').fill(next);
  await form.getByTestId('password-submit').click();
  await expect(form.getByTestId('password-changed')).toBeVisible();
  // Still logged in here: the change gave this browser a new session.
  await theirs.keyboard.press('Escape');
  await theirs.reload();
  await waitForMapIdle(theirs);
  await other.close();

  // The admin disables the user, then resets the password: a new one-time password, shown once.
  await row.getByTestId('user-disable').click();
  await expect(row).toHaveAttribute('data-disabled', 'true');
  await row.getByTestId('user-reset').click();
  await expect(dialog.getByTestId('one-time-password')).toContainText(username);
  await expect(dialog.getByTestId('one-time-password-value')).toHaveText(/^\w{20}$/);
  await expect(dialog.getByTestId('one-time-password-value')).not.toHaveText(password);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
