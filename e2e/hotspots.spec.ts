import { expect, test } from './support/fixtures';
import type { Hotspot, UnlicensedLoad } from '../client/src/api';
import { fetchJson, hotspotsPath, unlicensedLoadPath } from './support/api';
import { openMap, waitForMapIdle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';

test('the hotspots panel lists the API ranking, and a click opens that substation', async ({
  page,
  request,
}, testInfo) => {
  const ranking = await fetchJson<Hotspot[]>(request, hotspotsPath(10));
  expect(ranking.length).toBeGreaterThan(1);
  await openMap(page);

  const rows = page.getByTestId('analysis-hotspots').getByTestId('hotspot-row');
  await expect(rows).toHaveCount(ranking.length);
  const shown = await rows.evaluateAll((all) => all.map((r) => Number(r.getAttribute('data-substation-id'))));
  expect(shown).toEqual(ranking.map((h) => h.substationId));
  await expect(rows.first()).toContainText(ranking[0]!.name);

  const second = ranking[1]!;
  await rows.nth(1).click();
  const panel = page.getByTestId('substation-panel');
  await expect(panel).toContainText(second.name);
  await expect(panel.getByTestId('site-count')).toHaveAttribute('data-value', String(second.siteCount));
  await expect(panel.getByTestId('total-load')).toHaveAttribute('data-value', String(second.totalLoadMw));
  const answer = await fetchJson<UnlicensedLoad>(request, unlicensedLoadPath(second.substationId, 10));
  expect(answer.totalLoadMw).toBe(second.totalLoadMw);

  // It flew there: the whole 10 km radius is in view, at a zoom where single sites are drawn.
  await waitForMapIdle(page);
  expect(await page.evaluate(() => window.__gridwatchMap?.getZoom())).toBeGreaterThan(9);
  await saveScreenshot(page, testInfo, 'hotspots');
});

test('the hotspots follow the shared radius', async ({ page, request }) => {
  const at25 = await fetchJson<Hotspot[]>(request, hotspotsPath(25));
  await openMap(page);
  await page.getByTestId('hotspots-radius-input').fill('25');
  const rows = page.getByTestId('hotspot-row');
  await expect(rows.first()).toHaveAttribute('data-substation-id', String(at25[0]!.substationId));
  await expect(page.getByTestId('analysis-hotspots')).toContainText('within 25 km');
});
