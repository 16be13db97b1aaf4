import { expect, test } from './support/fixtures';
import { fetchLayer, pointOf } from './support/api';
import {
  jumpTo,
  openMap,
  openMapKey,
  pagePoint,
  renderedCount,
  renderedLabels,
  settle,
  watchPage,
} from './support/map-page';
import { saveScreenshot } from './support/screenshot';

const SCREENSHOTS = 'e2e/screenshots';
/** Han characters: a label in Chinese has some. */
const CJK = /[\u4e00-\u9fff]/;

test.describe('the map page', () => {
  test(
    'loads with no console error and no request to another origin',
    { tag: '@smoke' },
    async ({ page, baseURL }, testInfo) => {
      const watch = watchPage(page, new URL(baseURL ?? '').origin);
      await openMap(page);
      // The legend is on the map, behind its key's button.
      await openMapKey(page);
      await expect(page.getByTestId('hotspot-row').first()).toBeVisible();
      await saveScreenshot(page, testInfo, 'map');

      expect(watch.consoleErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    },
  );

  test('draws the basemap and every data layer at the fitted view', async ({ page }) => {
    await openMap(page);
    for (const layer of [
      'outline-line',
      'countries-fill',
      'cities-label',
      'regions-fill',
      'lines',
      'substations',
      'sites',
    ]) {
      await expect.poll(() => renderedCount(page, layer), { message: layer }).toBeGreaterThan(0);
    }
    // Pylons wait for a zoom where they mean something.
    expect(await renderedCount(page, 'pylons')).toBe(0);
  });

  test('fetches and draws the pylons near a line once zoomed in', async ({ page, request }) => {
    const [pylon] = (await fetchLayer(request, 'pylons', '?limit=1')).features;
    expect(pylon, 'the demo seed has pylons').toBeDefined();
    await openMap(page);
    await jumpTo(page, pointOf(pylon!), 11.5);
    await expect.poll(() => renderedCount(page, 'pylons')).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/pylons.png` });

    await jumpTo(page, pointOf(pylon!), 7);
    expect(await renderedCount(page, 'pylons')).toBe(0);
  });

  test('hides a layer when its toggle is switched off, and shows it again', async ({ page }) => {
    await openMap(page);
    await openMapKey(page);
    const toggle = page.getByTestId('layer-toggle-sites');
    await expect(toggle).toBeChecked();
    expect(await renderedCount(page, 'sites')).toBeGreaterThan(0);

    await toggle.uncheck();
    await expect.poll(() => renderedCount(page, 'sites')).toBe(0);
    await toggle.check();
    await settle(page);
    await expect.poll(() => renderedCount(page, 'sites')).toBeGreaterThan(0);
  });

  test("opens a site's popup with its name and status on click", async ({ page, request }) => {
    const sites = await fetchLayer(request, 'sites', '?status=UNLICENSED&limit=1');
    const [site] = sites.features;
    expect(site, 'the demo seed has an unlicensed site').toBeDefined();
    await openMap(page);
    await jumpTo(page, pointOf(site!), 12);

    const point = await pagePoint(page, pointOf(site!));
    await page.mouse.click(point.x, point.y);
    const popup = page.getByTestId('popup');
    await expect(popup).toBeVisible();
    // The click also lands on a prefecture (and maybe a line): only the topmost layer answers.
    await expect(popup).toHaveCount(1);
    await expect(popup).toContainText('Mining sites');
    await expect(popup).toContainText(site!.properties.name);
    await expect(popup).toContainText('Unlicensed');
    await page.screenshot({ path: `${SCREENSHOTS}/popup.png` });

    await page.getByRole('button', { name: /close popup/i }).click();
    await expect(popup).toBeHidden();
  });

  test('shows the interface and the map labels in Chinese', async ({ page }) => {
    await openMap(page);
    const english = await renderedLabels(page);
    // The place names are drawn, in English (Latin letters) before the switch.
    expect(english.filter((l) => l.layer === 'cities-label').length).toBeGreaterThan(0);
    const inEnglish = english.filter((l) => typeof l.name === 'string' && l.name !== '');
    expect(inEnglish.filter((l) => l.text !== l.name || CJK.test(l.text))).toEqual([]);

    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByTestId('legend')).toContainText('无证经营');
    await settle(page);
    // Every drawn label of a feature with a Chinese name shows that name, and there are such labels.
    await expect
      .poll(async () => (await renderedLabels(page)).filter((l) => CJK.test(l.text)).length)
      .toBeGreaterThan(0);
    const chinese = await renderedLabels(page);
    const named = chinese.filter((l) => typeof l.nameZh === 'string' && l.nameZh !== '');
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((l) => l.text !== l.nameZh)).toEqual([]);
    expect(named.every((l) => CJK.test(l.text))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/map-zh.png` });
  });
});
