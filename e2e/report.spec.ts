import { mkdirSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { Health, Hotspot, ProgressReport } from '../client/src/api';
import { fetchJson, fetchLayer, hotspotsPath } from './support/api';
import { waitForMapIdle, watchPage } from './support/map-page';
import { pdfPageImages, pdfPages, pdfText, renderPage } from './support/pdf';
import { saveScreenshot } from './support/screenshot';

/** A day inside the campaign, when the seed's utilities are part of the way through. */
const DAY = '2026-05-01';
const CAMPAIGN = 'deadline=2026-08-31&start=2026-01-01';
const LOCALES = { en: 'en-US', zh: 'zh-CN' } as const;
type Lang = keyof typeof LOCALES;

const count = (lang: Lang, n: number) => new Intl.NumberFormat(LOCALES[lang]).format(n);
const mw = (lang: Lang, n: number) =>
  new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 3 }).format(n);
const share = (lang: Lang, n: number) =>
  new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 2 }).format(n);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** pdftotext lays a line out with runs of spaces between columns: compare words, not spacing. */
const words = (s: string) => s.replace(/\s+/g, ' ');

async function openReport(page: Page) {
  await page.getByTestId('print-report').click();
  const report = page.getByTestId('report-page');
  await expect(report).toBeVisible();
  await expect(report).toBeFocused();
  await expect(report).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  return report;
}

/** Prints the page to an A4 PDF as the browser's print would, and shows its first page to a person. */
async function printToPdf(page: Page, testInfo: TestInfo, lang: Lang) {
  const file = testInfo.outputPath(`report-${lang}.pdf`);
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  if (testInfo.project.name === 'sqlite') renderPage(file, 1, 50, `e2e/screenshots/report-pdf-${lang}-1`);
  const images = testInfo.outputPath(`images-${lang}`);
  mkdirSync(images, { recursive: true });
  return { text: pdfText(file), pages: pdfPages(file), firstPageImages: pdfPageImages(file, 1, images) };
}

function expectProgressRows(text: string, report: ProgressReport, lang: Lang) {
  for (const u of report.utilities) {
    // One row's numbers, in the table's order, on one line of the laid-out text.
    const row = [
      count(lang, u.found),
      count(lang, u.shutDown),
      count(lang, u.licensedAfter),
      mw(lang, u.loadRemovedMw),
      mw(lang, u.loadStillDrawingMw),
      share(lang, u.shareDone),
    ];
    expect(text, `the row of ${u.name}`).toMatch(new RegExp(row.map(escape).join(' +')));
  }
}

function expectMapPicture(pdf: Awaited<ReturnType<typeof printToPdf>>) {
  const map = pdf.firstPageImages.find((i) => i.width > 400 && i.height > 300);
  expect(map, 'the map picture on page 1').toBeDefined();
  // A blank canvas prints one colour; the basemap, the grid and the sites give hundreds.
  expect(map?.colours).toBeGreaterThan(100);
}

test.describe('the printable report', () => {
  test('prints the view, the filters, the API progress and hotspots at the as-of day, in English and Chinese', async ({
    page,
    request,
    baseURL,
  }, testInfo) => {
    const watch = watchPage(page, new URL(baseURL ?? '').origin);
    const report = await fetchJson<ProgressReport>(request, `/api/reports/progress?${CAMPAIGN}&asOf=${DAY}`);
    const hotspots = await fetchJson<Hotspot[]>(request, `${hotspotsPath(10)}&asOf=${DAY}`);
    const health = await fetchJson<Health>(request, '/api/health');
    expect(report.utilities.length).toBeGreaterThan(10);
    expect(hotspots.length).toBeGreaterThan(3);

    await page.goto(`/?date=${DAY}`);
    await waitForMapIdle(page);
    const sheet = await openReport(page);
    await expect(sheet.getByTestId('report-as-of')).toHaveAttribute('data-value', DAY);
    await expect(sheet.getByTestId('report-map-image')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await saveScreenshot(page, testInfo, 'report-page-en');
    await sheet.getByRole('heading', { name: 'Progress to the deadline' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, testInfo, 'report-page-en-tables');

    const en = await printToPdf(page, testInfo, 'en');
    expect(en.pages).toBeGreaterThan(1);
    expectMapPicture(en);
    const text = words(en.text);
    expect(text).toContain('Grid load compliance report');
    expect(text).toContain('Records as of the end of 2026-05-01 (Beijing time)');
    expect(text).toContain('Campaign 2026-01-01 to 2026-08-31 · records as of 2026-05-01');
    expect(text).toContain('Site status none (all shown)');
    expectProgressRows(en.text, report, 'en');
    for (const h of hotspots) expect(text).toContain(words(h.name));
    for (const credit of ['Natural Earth', 'world-atlas', 'mapeo-offline-map', 'Noto Sans', 'Synthetic data'])
      expect(text).toContain(credit);
    expect(text).toContain(`the gridwatch API, version ${health.version} (${health.backend})`);

    // The keyboard: Escape closes the report and gives the focus back to its button.
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(page.getByTestId('print-report')).toBeFocused();

    await page.getByTestId('lang-toggle').getByRole('button', { name: '中文' }).click();
    const zhSheet = await openReport(page);
    await expect(zhSheet).toContainText('电网负荷合规报告');
    await saveScreenshot(page, testInfo, 'report-page-zh');
    await zhSheet.getByRole('heading', { name: '截止日期前的整治进度' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, testInfo, 'report-page-zh-tables');

    const zh = await printToPdf(page, testInfo, 'zh');
    expect(zh.pages).toBeGreaterThan(1);
    expectMapPicture(zh);
    const zhText = words(zh.text);
    for (const phrase of [
      '电网负荷合规报告',
      '截至 2026-05-01（北京时间）结束时的记录',
      '截止日期前的整治进度',
    ])
      expect(zhText).toContain(phrase);
    for (const phrase of ['筛选条件', '无（全部显示）', '热点', '数据来源与致谢', '合成数据', '供电公司'])
      expect(zhText).toContain(phrase);
    expectProgressRows(zh.text, report, 'zh');
    for (const h of hotspots) expect(zhText).toContain(words(h.nameZh || h.name));

    await zhSheet.getByTestId('report-close').click();
    await expect(zhSheet).toBeHidden();
    expect(watch.consoleErrors).toEqual([]);
  });

  test('says the filters in words, with the utility and region names', async ({ page, request }) => {
    const report = await fetchJson<ProgressReport>(request, `/api/reports/progress?${CAMPAIGN}&asOf=${DAY}`);
    const utility = report.utilities.find((u) => u.utilityId !== null)!;
    const regions = await fetchLayer(request, 'regions');
    const region = regions.features.find((f) => f.properties.level !== 'province')!;
    await page.goto(
      `/?date=${DAY}&status=UNLICENSED,SUSPECTED&kv=750&utility=${utility.utilityId}&region=${region.id}&min=1.5`,
    );
    await waitForMapIdle(page);
    const sheet = await openReport(page);
    const filters = sheet.getByTestId('report-filters');
    await expect(filters).toContainText('Site statusUnlicensed and Suspected');
    await expect(filters).toContainText('Voltage750 kV');
    await expect(filters).toContainText(`Utility${utility.name}`);
    await expect(filters).toContainText(`Region${region.properties.name}`);
    await expect(filters).toContainText('Site loadat least 1.5 MW');
  });
});
