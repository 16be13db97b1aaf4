import type { Page } from '@playwright/test';

/**
 * Every console error and warning of a page from now on, and its uncaught errors (issue 13: none on a normal
 * visit). Chromium's software GL driver (no GPU here) reports its own performance notes as warnings: not the
 * app's, so they are left out; so is Playwright's own note that it blocked the service worker's registration (the
 * suite blocks workers outside the offline project: playwright.config.ts).
 */
export function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('GL Driver Message')) return;
    if (m.text().includes('Service Worker registration blocked by Playwright')) return;
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`uncaught: ${e.message}`));
  return messages;
}
