import type { ImportResult, Role } from '../client/src/api';
import { watchConsole } from './support/console';
import { expect, test } from './support/fixtures';
import { openMap, settle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';

/** A utility report of two new sites, the second with its load as text: the API takes JSON types as sent. */
function report(badLoad: boolean) {
  const site = (n: number, loadMw: unknown) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [84.9 + n / 100, 45.6] },
    properties: {
      externalId: `E2E-IMPORT-${n}`,
      name: `E2E import ${n}`,
      machines: 100,
      loadMw,
      status: 'SUSPECTED',
      firstObserved: '2026-05-01',
    },
  });
  const features = [site(1, 3.5), site(2, badLoad ? '4.5' : 4.5)];
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
}

test.describe('the import dialog', () => {
  test.use({ role: 'admin' satisfies Role });

  test('checks a file first and reports every bad row; a clean file is then imported', async ({
    page,
    request,
  }, testInfo) => {
    // A check that finds bad rows is an answer, not a failed request: nothing on the console (a 4xx would be).
    const consoleMessages = watchConsole(page);
    const checks: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/import/') && r.url().includes('dryRun=true')) checks.push(r.status());
    });
    await openMap(page);
    await page.getByTestId('import-open').click();
    const dialog = page.getByTestId('import-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('import-layer').selectOption('sites');
    const file = dialog.getByTestId('import-file');
    await file.setInputFiles({
      name: 'report.geojson',
      mimeType: 'application/geo+json',
      buffer: report(true),
    });
    await expect(dialog.getByTestId('import-encoding')).toBeDisabled();
    await dialog.getByTestId('import-check').click();

    const bad = dialog.getByTestId('import-bad-rows');
    await expect(bad).toContainText('Bad rows: 1');
    const row = bad.locator('tr[data-index="1"]');
    await expect(row).toContainText('E2E-IMPORT-2');
    await expect(row).toContainText('loadMw');
    await expect(dialog.getByTestId('import-commit')).toBeDisabled();
    expect(checks).toEqual([200]);
    expect(consoleMessages).toEqual([]);
    await settle(page);
    await saveScreenshot(page, testInfo, 'import-dialog');

    await file.setInputFiles({
      name: 'report.geojson',
      mimeType: 'application/geo+json',
      buffer: report(false),
    });
    await dialog.getByTestId('import-check').click();
    const counts = dialog.getByTestId('import-counts');
    await expect(counts).toHaveAttribute('data-dry-run', 'true');
    await expect(counts.getByTestId('import-created')).toHaveAttribute('data-value', '2');
    // Nothing was written by the check.
    const before = await request.get('/api/layers/sites?bbox=84.9,45.59,84.93,45.61');
    expect(((await before.json()) as { features: unknown[] }).features).toHaveLength(0);

    await dialog.getByTestId('import-commit').click();
    await expect(counts).toHaveAttribute('data-dry-run', 'false');
    await expect(counts.getByTestId('import-created')).toHaveAttribute('data-value', '2');
    const after = await request.get('/api/layers/sites?bbox=84.9,45.59,84.93,45.61');
    expect(((await after.json()) as { features: unknown[] }).features).toHaveLength(2);

    // A second run of the same file changes nothing: the API says so, the dialog shows it.
    await dialog.getByTestId('import-check').click();
    await expect(counts.getByTestId('import-unchanged')).toHaveAttribute('data-value', '2');
    const again = await request.post('/api/import/sites?dryRun=true', {
      data: JSON.parse(report(false).toString()) as unknown,
    });
    expect(((await again.json()) as ImportResult).unchanged).toBe(2);
    expect(consoleMessages).toEqual([]);
  });
});
