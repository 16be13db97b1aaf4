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
  const ids = (ranking: Hotspot[]) => ranking.map((h) => h.substationId);
  const at10 = await fetchJson<Hotspot[]>(request, hotspotsPath(10));
  const at25 = await fetchJson<Hotspot[]>(request, hotspotsPath(25));
  // The seed makes them differ (sites between 10 and 25 km of a substation reorder the list): else the test
  // could not tell that the radius was applied.
  expect(ids(at25)).not.toEqual(ids(at10));
  await openMap(page);
  const rows = page.getByTestId('hotspot-row');
  const shown = () => rows.evaluateAll((all) => all.map((r) => Number(r.getAttribute('data-substation-id'))));
  await expect.poll(shown).toEqual(ids(at10));

  await page.getByTestId('hotspots-radius-input').fill('25');
  await expect(page.getByTestId('analysis-hotspots')).toContainText('within 25 km');
  // The whole ranking is the API's at 25 km, its rows and their order: not the 10 km one.
  await expect.poll(shown).toEqual(ids(at25));
  for (const [i, h] of at25.entries()) {
    await expect(rows.nth(i)).toContainText(h.name);
  }
});
