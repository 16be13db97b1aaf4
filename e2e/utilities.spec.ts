import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import type { ApiFeature, Role } from '../client/src/api';
import type { ReportsOverview } from '@gridwatch/contract';
import { photo } from '../server/test/fixtures/evidence/fixtures';
import { fetchJson, fetchLayer, pointOf } from './support/api';
import { expect, originOf, test } from './support/fixtures';
import { jumpTo, openMap, pagePoint, renderedFeatures, settle } from './support/map-page';
import { pdfText } from './support/pdf';
import { saveScreenshot } from './support/screenshot';

test.use({ role: 'admin' satisfies Role });

const PERIOD = '2026-08';

/** A fresh browser context logged in through the login form, as the person would. */
async function logInAs(browser: Browser, baseURL: string, username: string, password: string): Promise<Page> {
  // An empty storage state: the test's own (the admin's session) would otherwise be applied to this context too.
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: originOf(baseURL),
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-bar')).toContainText(username);
  return page;
}

async function openReports(page: Page, period: string): Promise<void> {
  if (!(await page.getByTestId('reports-panel').isVisible())) await page.getByTestId('reports-open').click();
  const panel = page.getByTestId('reports-panel');
  await panel.getByTestId('report-period').selectOption(period);
}

test('a utility reports to the regulator: scoped map, a shutdown with a photo, a report returned, revised and accepted', async ({
  page,
  request,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000);
  // The utility: the one accountable for a site whose shutdown has been ordered.
  const ordered = await fetchLayer(request, 'sites', '?status=SHUTDOWN_ORDERED');
  const site = ordered.features.find((f) => f.properties.utilityId !== null) as ApiFeature<'sites'>;
  const utilityId = site.properties.utilityId!;
  const utilityName = site.properties.utilityName!;
  const all = await fetchLayer(request, 'sites');
  const own = all.features.filter((f) => f.properties.utilityId === utilityId);
  const foreign = all.features.find((f) => f.properties.utilityId !== utilityId)!;
  expect(own.length).toBeGreaterThan(0);

  // 1. The admin creates the utility's enforcer on the users screen; the password is shown once.
  const username = `utility-${utilityId}-${testInfo.project.name}-${Date.now() % 100000}`;
  await openMap(page);
  await page.getByTestId('users-open').click();
  const dialog = page.getByTestId('users-dialog');
  await dialog.getByTestId('user-new-name').fill(username);
  await dialog.getByTestId('org-select').selectOption(String(utilityId));
  await dialog.getByTestId('user-new-role').selectOption('enforcer');
  await dialog.getByTestId('user-new-submit').click();
  const password = (await dialog.getByTestId('one-time-password-value').textContent())!;
  await expect(dialog.locator(`tr[data-username="${username}"]`).getByTestId('user-organisation')).toHaveText(
    utilityName,
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // 2. The utility's enforcer logs in and sees only its utility's sites: map, table, search, export.
  const utility = await logInAs(browser, baseURL!, username, password);
  await openMap(utility);
  await jumpTo(utility, pointOf(site), 9);
  await settle(utility);
  const ownIds = new Set(own.map((f) => f.id));
  const drawn = await renderedFeatures(utility, 'sites');
  expect(drawn.length).toBeGreaterThan(0);
  expect(drawn.filter((f) => !ownIds.has(Number(f.id)))).toEqual([]);
  await utility.getByTestId('table-toggle').click();
  const table = utility.getByTestId('attribute-table');
  await expect(table).toBeVisible();
  await expect(table).not.toContainText(foreign.properties.name);
  await utility.getByTestId('table-toggle').click();
  await utility.getByTestId('search-input').fill(foreign.properties.externalId);
  await expect(utility.getByTestId('search-results')).not.toContainText(foreign.properties.externalId);
  await utility.getByTestId('search-input').fill('');
  const exported = await utility.request.get('/api/export/sites.csv');
  expect(exported.status()).toBe(200);
  const csv = await exported.text();
  expect(csv).toContain(own[0]!.properties.externalId);
  expect(csv).not.toContain(`,${foreign.properties.externalId},`);
  await saveScreenshot(utility, testInfo, 'utility-map');

  // 3. It shuts its site down with a photo taken there.
  await jumpTo(utility, pointOf(site), 13, { right: 700, bottom: 520 });
  const at = await pagePoint(utility, pointOf(site));
  await utility.mouse.click(at.x, at.y);
  // The popup previews the site; its record and forms are in the site panel.
  await expect(utility.getByTestId('popup')).toContainText(site.properties.name);
  const sitePanel = utility.getByTestId('site-panel');
  await sitePanel.getByTestId('status-select').selectOption('SHUT_DOWN');
  await sitePanel.getByTestId('status-note').fill('Power cut at the feeder; machines removed.');
  const [lon, lat] = pointOf(site);
  await sitePanel
    .getByTestId('evidence-upload')
    .setInputFiles([
      { name: 'cut.jpg', mimeType: 'image/jpeg', buffer: await photo('jpeg', { gps: { lon, lat } }) },
    ]);
  await expect(sitePanel.getByTestId('evidence-pending').locator('li')).toHaveCount(1);
  await sitePanel.getByTestId('status-submit').click();
  await expect(sitePanel.getByTestId('evidence-list').first()).toBeVisible();
  await expect
    .poll(
      async () => (await fetchJson<ApiFeature<'sites'>>(request, `/api/sites/${site.id}`)).properties.status,
    )
    .toBe('SHUT_DOWN');

  // 4. It writes the month's report, attaches a document and submits it; the PDF states the hash.
  await openReports(utility, PERIOD);
  const panel = utility.getByTestId('reports-panel');
  await expect(panel.getByTestId('reports-organisation')).toContainText(utilityName);
  await panel.getByTestId('report-open').click();
  await expect(panel.getByTestId('report-status')).toHaveAttribute('data-state', 'draft');
  await panel.getByTestId('report-narrative').fill('August: the feeder was cut; 本月已断电。');
  // Saved when the form shows the next version (it starts afresh at each version).
  const view = panel.getByTestId('report-view');
  const version = Number(await view.getAttribute('data-version'));
  await panel.getByTestId('report-save').click();
  await expect(view).toHaveAttribute('data-version', String(version + 1));
  await panel.getByTestId('report-attach').setInputFiles({
    name: 'order.jpg',
    mimeType: 'image/jpeg',
    buffer: await photo('jpeg', { gps: { lon, lat } }),
  });
  await expect(panel.getByTestId('report-attachments').locator('li')).toHaveCount(1);
  await panel.getByTestId('report-submit').click();
  await expect(panel.getByTestId('report-status')).toHaveAttribute('data-state', 'submitted');
  const hash = (await panel.getByTestId('report-sha256').textContent())!;
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  const download = utility.waitForEvent('download');
  await panel.getByTestId('report-pdf').click();
  const pdf = await (await download).path();
  const text = pdfText(pdf);
  expect(text).toContain(hash);
  expect(text).toContain(utilityName);
  expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  await saveScreenshot(utility, testInfo, 'utility-report-submitted');

  // 5. The regulator returns it with a comment.
  await page.reload();
  await openMap(page);
  await openReports(page, PERIOD);
  const regulator = page.getByTestId('reports-panel');
  const row = regulator.locator(`[data-testid="reports-overview-row"][data-utility="${utilityId}"]`);
  await expect(row).toHaveAttribute('data-state', /ON_TIME|LATE/);
  await row.getByTestId('reports-overview-open').click();
  await expect(regulator.getByTestId('report-status')).toHaveAttribute('data-state', 'submitted');
  await expect(regulator.getByTestId('report-review-return')).toBeDisabled();
  await regulator.getByTestId('report-review-comment').fill('List the feeders cut, with dates.');
  await regulator.getByTestId('report-review-return').click();
  await expect(regulator.getByTestId('report-status')).toHaveAttribute('data-state', 'returned');
  await expect(row).toHaveAttribute('data-state', 'RETURNED');

  // 6. The utility revises and resubmits; the first revision stays readable.
  await utility.reload();
  await openReports(utility, PERIOD);
  await expect(panel.getByTestId('report-review-said')).toContainText('List the feeders cut');
  await panel.getByTestId('report-open').click();
  await expect(panel.getByTestId('report-status')).toHaveAttribute('data-revision', '2');
  await panel.getByTestId('report-narrative').fill('August: feeder F-12 cut on 20 August; 本月已断电。');
  await panel.getByTestId('report-submit').click();
  await expect(panel.getByTestId('report-status')).toHaveAttribute('data-state', 'submitted');
  await expect(panel.getByTestId('report-revision')).toHaveCount(2);

  // 7. The regulator accepts; the overview shows every utility's state.
  await page.reload();
  await openReports(page, PERIOD);
  await expect(row).toHaveAttribute('data-state', /ON_TIME|LATE/);
  await row.getByTestId('reports-overview-open').click();
  await expect(regulator.getByTestId('report-status')).toHaveAttribute('data-revision', '2');
  await regulator.getByTestId('report-review-accept').click();
  await expect(regulator.getByTestId('report-status')).toHaveAttribute('data-state', 'accepted');
  await expect(row).toHaveAttribute('data-state', 'ACCEPTED');
  const overview = await fetchJson<ReportsOverview>(request, `/api/reports/overview?period=${PERIOD}`);
  const rows = regulator.getByTestId('reports-overview-row');
  await expect(rows).toHaveCount(overview.rows.length);
  for (const [i, r] of overview.rows.entries()) {
    await expect(rows.nth(i)).toHaveAttribute('data-utility', String(r.utilityId));
    await expect(rows.nth(i)).toHaveAttribute('data-state', r.state);
  }
  expect(overview.rows.find((r) => r.utilityId === utilityId)?.state).toBe('ACCEPTED');
  // Every other utility has submitted nothing for a month long past: missing.
  for (const r of overview.rows.filter((r) => r.utilityId !== utilityId)) expect(r.state).toBe('MISSING');
  await saveScreenshot(page, testInfo, 'reports-overview');
  await utility.context().close();
});
