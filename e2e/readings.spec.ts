import type { Page } from '@playwright/test';
import type { SignatureList, UnexplainedLoadRow } from '../client/src/api';
import { fetchJson } from './support/api';
import { expect, test } from './support/fixtures';
import { openMap, waitForMapIdle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';

/**
 * Issue 18 in the browser, on the server seeded with the demo's year of hourly readings (playwright.config.ts,
 * project "readings"): the signature list ranks the meters as the API does, each with why in words; a row opens
 * its substation with the readings chart, its step marked and the map's as-of day as a cursor; both follow the
 * as-of day.
 */
const DAY = '2026-12-01';
const EARLIER = '2026-07-15';

async function setDay(page: Page, day: string) {
  await page.getByTestId('asof-date').fill(day);
  await expect(page).toHaveURL(new RegExp(`[?&]date=${day}(&|$)`));
}

async function openSignatures(page: Page) {
  await page.getByTestId('signatures-toggle').check();
  const list = page.getByTestId('signature-list');
  await expect(list).toBeVisible();
  return list;
}

test.describe('metered load over time', () => {
  test('the signature list ranks the hidden farms with reasons, and a row opens the readings chart', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    const ranked = await fetchJson<SignatureList>(request, `/api/analysis/signatures?asOf=${DAY}`);
    const farms = ranked.substations.filter((r) => r.signature === 'flat-step');
    // The seed's ten hidden farms (server/test/seed-signatures.test.ts checks which): flat steps, on top.
    expect(farms.length).toBeGreaterThanOrEqual(5);
    expect(ranked.substations.slice(0, farms.length)).toEqual(farms);

    await openMap(page);
    await setDay(page, DAY);
    const list = await openSignatures(page);
    await expect(list).toHaveAttribute('data-as-of', DAY);
    const rows = list.getByTestId('signature-row');
    for (const [i, farm] of farms.slice(0, 5).entries()) {
      const row = rows.nth(i);
      await expect(row).toHaveAttribute('data-substation-id', String(farm.substationId));
      await expect(row).toHaveAttribute('data-signature', 'flat-step');
      const reason = row.getByTestId('signature-reason');
      await expect(reason).toContainText(farm.step!.date);
      await expect(reason).toContainText('as a mining farm does');
    }

    // The first opens its substation: the chart, its step on the detected day, the cursor on the map's day.
    const first = farms[0]!;
    await rows.first().click();
    const panel = page.getByTestId('substation-panel');
    await expect(panel).toBeVisible();
    const chart = panel.getByTestId('readings-chart');
    await expect(chart.locator('svg[role="img"]')).toBeVisible();
    await expect(chart.getByTestId('readings-step')).toHaveAttribute('data-day', first.step!.date);
    await expect(chart.getByTestId('readings-cursor')).toHaveAttribute('data-day', DAY);
    await expect(chart.locator('svg title')).toContainText(`On ${DAY}`);
    await waitForMapIdle(page);
    await saveScreenshot(page, testInfo, 'readings-desktop-1440');

    // Hour by hour around the day.
    await chart.getByTestId('readings-span-days').click();
    await expect(chart.locator('svg')).toHaveAttribute('data-resolution', 'hour');
    await expect(chart.getByTestId('readings-cursor')).toHaveAttribute('data-day', DAY);
    await chart.getByTestId('readings-span-year').click();

    // Another day: the cursor and the list follow it.
    await setDay(page, EARLIER);
    await expect(chart.getByTestId('readings-cursor')).toHaveAttribute('data-day', EARLIER);
    await expect(list).toHaveAttribute('data-as-of', EARLIER);
    const then = await fetchJson<SignatureList>(request, `/api/analysis/signatures?asOf=${EARLIER}`);
    const shown = then.substations.filter((r) => r.signature !== 'none').slice(0, 15);
    await expect(rows).toHaveCount(shown.length);
    if (shown[0])
      await expect(rows.first()).toHaveAttribute('data-substation-id', String(shown[0].substationId));
    await saveScreenshot(page, testInfo, 'readings-desktop-1440-earlier');

    // In Chinese.
    await page.getByTestId('lang-toggle').getByRole('button', { name: '中文' }).click();
    await expect(list.getByTestId('signature-reason').first()).toContainText('负荷于');
    await expect(chart).toContainText('计量负荷');
    await saveScreenshot(page, testInfo, 'readings-desktop-1440-zh');
  });

  test('the printable report lists the unexplained load of the map’s day', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openMap(page);
    for (const day of [DAY, EARLIER]) {
      await setDay(page, day);
      const rows = (
        await fetchJson<UnexplainedLoadRow[]>(
          request,
          `/api/analysis/unexplained-load?radiusKm=10&asOf=${day}`,
        )
      ).filter((r) => r.unexplainedMw > 0);
      expect(rows[0]?.meteredSource).toBe('readings');
      await page.getByTestId('print-report').click();
      const table = page.getByTestId('report-unexplained');
      await expect(table).toHaveAttribute('data-as-of', day);
      const first = table.locator('tbody tr').first();
      await expect(first).toHaveAttribute('data-substation-id', String(rows[0]!.substationId));
      await expect(first).toHaveAttribute('data-value', String(rows[0]!.unexplainedMw));
      if (day === DAY) {
        await table.scrollIntoViewIfNeeded();
        await saveScreenshot(page, testInfo, 'readings-report-unexplained');
      }
      await page.getByTestId('report-close').click();
    }
  });

  test('on a phone, the list is in the tools sheet and a row opens the chart', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 390, height: 844 });
    const ranked = await fetchJson<SignatureList>(request, `/api/analysis/signatures?asOf=${DAY}`);
    await openMap(page);
    await setDay(page, DAY);
    await page.getByTestId('panel-toggle').click();
    const list = await openSignatures(page);
    const row = list.getByTestId('signature-row').first();
    await expect(row).toHaveAttribute('data-substation-id', String(ranked.substations[0]!.substationId));
    await row.scrollIntoViewIfNeeded();
    await saveScreenshot(page, testInfo, 'readings-phone-390-list');
    await row.click();
    const chart = page.getByTestId('readings-chart');
    await expect(chart.getByTestId('readings-step')).toBeVisible();
    await expect(chart.getByTestId('readings-cursor')).toHaveAttribute('data-day', DAY);
    await chart.scrollIntoViewIfNeeded();
    await saveScreenshot(page, testInfo, 'readings-phone-390-chart');
  });
});
