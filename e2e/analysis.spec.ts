import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { ProgressReport, ProgressSeries, RegionLoad, UnexplainedLoadRow } from '../client/src/api';
import { fetchJson } from './support/api';
import { openMap, settle } from './support/map-page';
import { saveElementScreenshot, saveScreenshot } from './support/screenshot';

const CAMPAIGN = 'deadline=2026-08-31&start=2026-01-01';
const mw = (locale: string, n: number) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(n);
const share = (locale: string, n: number) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(n);

/**
 * A point on the page inside one of `regionIds`' coloured prefectures with nothing else clickable within 12 px
 * (no site, line, substation or zone), so that a click there opens the prefecture's popup.
 */
async function openRegionSpot(page: Page, regionIds: number[]) {
  const box = (await page.getByTestId('map').boundingBox())!;
  const spot = await page.evaluate((ids) => {
    const map = window.__gridwatchMap;
    if (!map) throw new Error('the map is not published on window');
    const { width, height } = map.getCanvas().getBoundingClientRect();
    for (let y = 40; y < height - 40; y += 16) {
      for (let x = 40; x < width - 40; x += 16) {
        const near = map.queryRenderedFeatures([
          [x - 12, y - 12],
          [x + 12, y + 12],
        ]);
        if (near.some((f) => f.source !== 'regions' && !f.source.startsWith('basemap'))) continue;
        const here = map.queryRenderedFeatures([x, y], { layers: ['regions-choropleth'] });
        const id = Number(here[0]?.id);
        if (here.length === 1 && ids.includes(id)) return { x, y, regionId: id };
      }
    }
    return null;
  }, regionIds);
  if (!spot) throw new Error('no coloured prefecture with room to click');
  return { x: box.x + spot.x, y: box.y + spot.y, regionId: spot.regionId };
}

async function switchTo(page: Page, language: 'English' | '中文') {
  await page.getByTestId('lang-toggle').getByRole('button', { name: language }).click();
}

test.describe('the analysis panels', () => {
  test('the progress report shows the API numbers, in English and Chinese', async ({
    page,
    request,
  }, testInfo) => {
    await openMap(page);
    await page.getByTestId('progress-open').click();
    const panel = page.getByTestId('report-progress');
    await expect(panel).toBeVisible();
    const asOf = await panel.getAttribute('data-as-of');
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const report = await fetchJson<ProgressReport>(request, `/api/reports/progress?${CAMPAIGN}&asOf=${asOf}`);
    expect(report.utilities.length).toBeGreaterThan(10);

    const rows = panel.locator('tbody tr');
    await expect(rows).toHaveCount(report.utilities.length);
    for (const u of report.utilities) {
      const row = panel.getByTestId(`progress-row-${u.utilityId ?? 'unassigned'}`);
      const cell = (id: string) => row.getByTestId(id);
      await expect(row.getByTestId('progress-name')).toHaveText(u.name);
      await expect(cell('progress-found')).toHaveAttribute('data-value', String(u.found));
      await expect(cell('progress-found')).toHaveText(String(u.found));
      await expect(cell('progress-shutdown')).toHaveAttribute('data-value', String(u.shutDown));
      await expect(cell('progress-licensed')).toHaveAttribute('data-value', String(u.licensedAfter));
      await expect(cell('progress-removed')).toHaveAttribute('data-value', String(u.loadRemovedMw));
      await expect(cell('progress-removed')).toHaveText(mw('en-US', u.loadRemovedMw));
      await expect(cell('progress-drawing')).toHaveAttribute('data-value', String(u.loadStillDrawingMw));
      await expect(cell('progress-drawing')).toHaveText(mw('en-US', u.loadStillDrawingMw));
      await expect(cell('progress-share')).toHaveAttribute('data-value', String(u.shareDone));
      await expect(cell('progress-share')).toHaveText(share('en-US', u.shareDone));
      await expect(cell('progress-ontrack')).toHaveAttribute('data-value', String(u.onTrack));
      await expect(cell('progress-ontrack')).toContainText(u.onTrack ? 'Yes' : 'No');
    }

    // The chart draws the series the API computed; its cursor starts on the last date and moves by key.
    const series = await fetchJson<ProgressSeries>(
      request,
      `/api/reports/progress/series?${CAMPAIGN}&asOf=${asOf}`,
    );
    const first = series.utilities[0]!;
    const chart = panel.getByTestId('progress-chart-svg');
    // The deadline is a vertical line (no width, so never "visible" to Playwright) with its label.
    await expect(panel.getByTestId('progress-chart-deadline')).toHaveAttribute('x1', /\d/);
    await expect(panel.getByTestId('progress-chart-deadline-label')).toHaveText('Deadline 08-31');
    await expect(chart).toHaveAttribute('aria-valuenow', String(series.dates.length - 1));
    await expect(chart).toHaveAttribute(
      'aria-valuetext',
      new RegExp(`${share('en-US', first.shareDone.at(-1)!)} done`),
    );
    await chart.focus();
    await page.keyboard.press('Home');
    await expect(chart).toHaveAttribute('aria-valuenow', '0');
    await page.keyboard.press('ArrowRight');
    await expect(panel.getByTestId('progress-chart-value')).toContainText(
      `${share('en-US', first.shareDone[1]!)} done; on-track pace ${share('en-US', series.elapsedShare[1]!)}`,
    );
    await panel.evaluate((el) => el.scrollTo(0, 0));
    await saveElementScreenshot(panel, testInfo, 'progress-en');
    await saveScreenshot(page, testInfo, 'progress-page-en');

    await switchTo(page, '中文');
    const zhRow = panel.getByTestId(`progress-row-${report.utilities[0]!.utilityId}`);
    await expect(panel).toContainText('供电公司');
    await expect(zhRow.getByTestId('progress-name')).toHaveText(report.utilities[0]!.nameZh);
    await expect(zhRow.getByTestId('progress-share')).toHaveText(
      share('zh-CN', report.utilities[0]!.shareDone),
    );
    await panel.evaluate((el) => el.scrollTo(0, 0));
    await saveElementScreenshot(panel, testInfo, 'progress-zh');

    await panel.getByRole('button', { name: '关闭进度报告' }).click();
    await expect(panel).toBeHidden();
  });

  test('the unexplained-load panel lists the API ranking, draws circles, and opens a substation', async ({
    page,
    request,
  }, testInfo) => {
    const ranking = await fetchJson<UnexplainedLoadRow[]>(
      request,
      '/api/analysis/unexplained-load?radiusKm=10',
    );
    const positive = ranking.filter((r) => r.unexplainedMw > 0);
    expect(positive.length).toBeGreaterThan(3);
    await openMap(page);
    const panel = page.getByTestId('analysis-unexplained');
    await panel.getByTestId('unexplained-toggle').check();
    const rows = panel.getByTestId('unexplained-row');
    await expect(rows).toHaveCount(Math.min(20, positive.length));
    const shown = await rows.evaluateAll((all) =>
      all.map((r) => [Number(r.getAttribute('data-substation-id')), Number(r.getAttribute('data-value'))]),
    );
    expect(shown).toEqual(positive.slice(0, 20).map((r) => [r.substationId, r.unexplainedMw]));
    await expect(rows.first()).toContainText(positive[0]!.name);

    // The circles are drawn at the substations, one per row with unexplained load.
    await settle(page);
    const circles = await page.evaluate(() =>
      window.__gridwatchMap
        ?.queryRenderedFeatures({ layers: ['unexplained-circles'] })
        .map((f) => Number(f.properties.substationId)),
    );
    expect(new Set(circles)).toEqual(new Set(positive.map((r) => r.substationId)));
    await saveElementScreenshot(panel, testInfo, 'unexplained-en');
    await saveScreenshot(page, testInfo, 'unexplained-page-en');

    await rows.first().click();
    const substation = page.getByTestId('substation-panel');
    await expect(substation).toContainText(positive[0]!.name);
    await expect.poll(() => page.evaluate(() => window.__gridwatchMap?.getZoom() ?? 0)).toBeGreaterThan(9);

    await switchTo(page, '中文');
    await expect(rows.first()).toContainText(positive[0]!.nameZh);
    await saveElementScreenshot(panel, testInfo, 'unexplained-zh');
  });

  test('the choropleth colours each prefecture by the API load', async ({ page, request }, testInfo) => {
    const loads = await fetchJson<RegionLoad[]>(request, '/api/analysis/regions');
    await openMap(page);
    const panel = page.getByTestId('analysis-regions');
    await panel.getByTestId('choropleth-toggle').check();
    await expect(panel.getByTestId('choropleth-legend').locator('li')).toHaveCount(5);
    await settle(page);
    await expect
      .poll(() =>
        page.evaluate(() => window.__gridwatchMap?.getLayoutProperty('regions-choropleth', 'visibility')),
      )
      .toBe('visible');
    const readDrawn = () =>
      page.evaluate(() => {
        const map = window.__gridwatchMap;
        if (!map) throw new Error('the map is not published on window');
        const byId: Record<string, unknown> = {};
        for (const f of map.queryRenderedFeatures({ layers: ['regions-choropleth'] })) {
          byId[String(f.id)] = f.state.unlicensedMw;
        }
        return byId;
      });
    // The loads arrive as a query of their own: the layer may be visible a moment before its states are set.
    await expect
      .poll(async () => {
        const states = await readDrawn();
        return loads.filter((r) => states[String(r.regionId)] !== undefined).length;
      })
      .toBe(loads.length);
    const drawn = await readDrawn();
    for (const region of loads) expect(drawn[String(region.regionId)], region.name).toBe(region.totalLoadMw);
    await saveScreenshot(page, testInfo, 'choropleth-en');
    await saveElementScreenshot(panel, testInfo, 'choropleth-legend-en');

    // A coloured prefecture's popup says what coloured it: its MW, the unit and the class.
    const loaded = loads.filter((r) => r.totalLoadMw > 0).map((r) => r.regionId);
    const spot = await openRegionSpot(page, loaded);
    const region = loads.find((r) => r.regionId === spot.regionId)!;
    await page.mouse.click(spot.x, spot.y);
    const popup = page.getByTestId('popup');
    await expect(popup).toContainText(region.name);
    const mw = region.totalLoadMw.toLocaleString('en-US', { maximumFractionDigits: 3 });
    await expect(popup.getByTestId('choropleth-mw')).toContainText(`Unlicensed load${mw} MW`);
    await expect(popup.getByTestId('choropleth-class')).toContainText(/Colour class.*MW/);
    await saveScreenshot(page, testInfo, 'choropleth-popup-en');

    await switchTo(page, '中文');
    await expect(panel).toContainText('各地州无证负荷');
    await expect(popup.getByTestId('choropleth-mw')).toContainText(`无证负荷${mw} MW`);
    await saveElementScreenshot(panel, testInfo, 'choropleth-legend-zh');
    await page.keyboard.press('Escape');

    await panel.getByTestId('choropleth-toggle').uncheck();
    await expect
      .poll(() =>
        page.evaluate(() => window.__gridwatchMap?.getLayoutProperty('regions-choropleth', 'visibility')),
      )
      .toBe('none');
  });
});
