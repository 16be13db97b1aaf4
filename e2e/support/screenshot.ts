import type { Page, TestInfo } from '@playwright/test';

/**
 * Saves a screenshot for a person to look at, from the main (SQLite) project only: the smoke run on PostGIS
 * repeats some tests and must not replace the pictures with its own.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  if (testInfo.project.name !== 'sqlite') return;
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}
