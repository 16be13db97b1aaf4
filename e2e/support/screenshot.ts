import type { Locator, Page, TestInfo } from '@playwright/test';

/**
 * Saves a screenshot for a person to look at, from the main (SQLite) project only: the smoke run on PostGIS
 * repeats some tests and must not replace the pictures with its own.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  if (!['sqlite', 'offline', 'readings'].includes(testInfo.project.name)) return;
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}

/** Saves a picture of one part of the page (a panel), from the main (SQLite) project only. */
export async function saveElementScreenshot(
  locator: Locator,
  testInfo: TestInfo,
  name: string,
): Promise<void> {
  if (!['sqlite', 'readings'].includes(testInfo.project.name)) return;
  await locator.screenshot({ path: `e2e/screenshots/${name}.png` });
}
