import { expect, test } from './support/fixtures';
import { openMap } from './support/map-page';

test.describe('the keyboard shortcuts', () => {
  test('? shows the help sheet, / goes to the search, l switches the language', async ({ page }) => {
    await openMap(page);
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcuts-help');
    await expect(help).toBeVisible();
    await expect(help).toContainText('Go to the search box');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    await page.keyboard.press('/');
    await expect(page.getByTestId('search-input')).toBeFocused();
    // Typed into the search box, the shortcut keys are text.
    await page.keyboard.type('l/');
    await expect(page.getByTestId('search-input')).toHaveValue('l/');
    await expect(page.getByTestId('legend')).not.toContainText('无证经营');

    await page.getByTestId('search-input').blur();
    await page.keyboard.press('l');
    await expect(page.getByTestId('legend')).toContainText('无证经营');
    await expect(page.getByRole('button', { name: '键盘快捷键' })).toBeVisible();
  });
});
