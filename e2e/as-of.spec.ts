import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { Hotspot, ProgressReport } from '../client/src/api';
import { fetchJson, fetchLayer, hotspotsPath, pointOf } from './support/api';
import { jumpTo, openMap, renderedFeatures, waitForMapIdle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';

const CAMPAIGN = 'deadline=2026-08-31&start=2026-01-01';
const PAST = '2026-03-01';

/** The status the map draws for a site, once the tiles of the current date are in. */
async function drawnStatus(page: Page, id: number): Promise<unknown> {
  await waitForMapIdle(page);
  const drawn = await renderedFeatures(page, 'sites');
  return drawn.find((f) => Number(f.id) === id)?.properties.status;
}

test.describe('the map as of a day', () => {
  test('the date changes the map and the progress numbers to the API’s for that day @smoke', async ({
    page,
    request,
  }, testInfo) => {
    // 25 s on a quiet 2-core machine (twice the map's idle wait, tiles of two days): a loaded CI machine has
    // taken it past the default 60 s.
    test.setTimeout(150_000);
    // A site whose status then differs from its status now.
    const then = await fetchLayer(request, 'sites', `?asOf=${PAST}`);
    const now = await fetchLayer(request, 'sites');
    const statusNow = new Map(now.features.map((f) => [Number(f.id), f.properties.status]));
    const site = then.features.find((f) => statusNow.get(Number(f.id)) !== f.properties.status);
    expect(site, 'the demo seed has a site whose status changed after 1 March').toBeDefined();
    const id = Number(site!.id);

    await openMap(page);
    await jumpTo(page, pointOf(site!), 12);
    await expect.poll(() => drawnStatus(page, id)).toBe(statusNow.get(id));

    const tiles = page.waitForRequest((r) => new URL(r.url()).searchParams.get('asOf') === PAST);
    await page.getByTestId('asof-date').fill(PAST);
    await tiles;
    await expect.poll(() => drawnStatus(page, id)).toBe(site!.properties.status);
    await expect(page.getByTestId('asof-state')).toContainText('Beijing time');
    await expect(page).toHaveURL(new RegExp(`[?&]date=${PAST}(&|$)`));
    await expect(page.getByTestId('export-csv')).toHaveAttribute('href', new RegExp(`asOf=${PAST}`));

    // The hotspots rank by the statuses of that day, and a hotspot's substation panel gives its numbers.
    const ranking = await fetchJson<Hotspot[]>(request, `${hotspotsPath(10)}&asOf=${PAST}`);
    const rows = page.getByTestId('analysis-hotspots').getByTestId('hotspot-row');
    await expect
      .poll(() => rows.evaluateAll((all) => all.map((r) => Number(r.getAttribute('data-substation-id')))))
      .toEqual(ranking.map((h) => h.substationId));
    await rows.first().click();
    const substation = page.getByTestId('substation-panel');
    await expect(substation.getByTestId('total-load')).toHaveAttribute(
      'data-value',
      String(ranking[0]!.totalLoadMw),
    );
    await page.keyboard.press('Escape');

    // The progress panel follows the same day, with the API's numbers for it.
    await page.getByTestId('progress-open').click();
    const panel = page.getByTestId('report-progress');
    await expect(panel).toHaveAttribute('data-as-of', PAST);
    const report = await fetchJson<ProgressReport>(request, `/api/reports/progress?${CAMPAIGN}&asOf=${PAST}`);
    for (const u of report.utilities) {
      const row = panel.getByTestId(`progress-row-${u.utilityId ?? 'unassigned'}`);
      await expect(row.getByTestId('progress-found')).toHaveAttribute('data-value', String(u.found));
      await expect(row.getByTestId('progress-shutdown')).toHaveAttribute('data-value', String(u.shutDown));
      await expect(row.getByTestId('progress-share')).toHaveAttribute('data-value', String(u.shareDone));
    }
    await saveScreenshot(page, testInfo, 'asof-en');
    await page.getByTestId('lang-toggle').getByRole('button', { name: '中文' }).click();
    await expect(page.getByTestId('asof-state')).toContainText('北京时间');
    await saveScreenshot(page, testInfo, 'asof-zh');
    await page.getByTestId('lang-toggle').getByRole('button', { name: 'EN' }).click();

    // Back to now: the current statuses again.
    await jumpTo(page, pointOf(site!), 12); // the hotspot flew the map away
    await page.getByTestId('asof-now').click();
    await expect(page.getByTestId('asof-state')).toContainText('Now');
    await expect.poll(() => drawnStatus(page, id)).toBe(statusNow.get(id));
  });

  test('play steps through the campaign a week at a time, and pauses', async ({ page }) => {
    await openMap(page);
    const date = page.getByTestId('asof-date');
    const play = page.getByTestId('asof-play');
    await play.focus();
    await page.keyboard.press('Enter');
    await expect(play).toHaveAttribute('aria-pressed', 'true');
    await expect(date).toHaveValue('2026-01-01');
    await expect(date).toHaveValue('2026-01-08');
    const asked = page.waitForRequest((r) => new URL(r.url()).searchParams.get('asOf') === '2026-01-15');
    await asked;
    await page.keyboard.press('Enter');
    await expect(play).toHaveAttribute('aria-pressed', 'false');
    const paused = await date.inputValue();
    await page.waitForTimeout(2000);
    await expect(date).toHaveValue(paused);
  });
});
