import { readFile } from 'node:fs/promises';
import { ALLOWED_TRANSITIONS } from '@gridwatch/contract';
import type { ApiFeature, Hotspot, Role } from '../client/src/api';
import { fetchJson, hotspotsPath, pointOf } from './support/api';
import { expect, test } from './support/fixtures';
import { photo } from '../server/test/fixtures/evidence/fixtures';
import { jumpTo, openMap, pagePoint, renderedFeatures, settle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';
import { drawPolygon, expectSummary, squareAround, zoneSites } from './support/zones';

test.use({ role: 'enforcer' satisfies Role });

test('an enforcer draws a zone, records a status change in it, and exports it', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  // Around the substation with the most unlicensed load: a zone there holds sites.
  const [top] = await fetchJson<Hotspot[]>(request, hotspotsPath(10));
  const substation = await fetchJson<ApiFeature<'substations'>>(
    request,
    `/api/substations/${top!.substationId}`,
  );
  await openMap(page);
  await jumpTo(page, pointOf(substation), 11);

  await drawPolygon(page, squareAround(await pagePoint(page, pointOf(substation)), 120));
  const panel = page.getByTestId('zone-panel');
  await expect(panel.getByTestId('zone-save')).toBeEnabled();
  await panel.getByTestId('zone-name').fill('E2E zone north of the substation');
  await panel.getByTestId('zone-team').fill('Team 3');
  await panel.getByTestId('zone-due-date').fill('2026-09-30');
  await panel.getByTestId('zone-save').click();

  // Saved: the panel is now the stored zone's, with the API's summary of the sites inside.
  await expect(panel).toHaveAttribute('data-zone-id', /\d+/);
  const zoneId = Number(await panel.getAttribute('data-zone-id'));
  const inside = await zoneSites(request, zoneId);
  expect(inside.summary.siteCount).toBeGreaterThan(0);
  await expectSummary(page, inside.summary);
  await expect(page.getByTestId('zone-list').locator(`[data-zone-id="${zoneId}"]`)).toBeVisible();
  await settle(page);
  expect((await renderedFeatures(page, 'zones-fill')).some((f) => f.id === zoneId)).toBe(true);
  await saveScreenshot(page, testInfo, 'zone-drawn');

  // A site inside: change its status with a note, in this zone.
  const site = inside.features[0]!;
  const from = site.properties.status;
  const to = ALLOWED_TRANSITIONS[from][0]!;
  // Up and to the left, so that the popup opens below the site, beside the zone panel.
  await jumpTo(page, pointOf(site), 13, { right: 700, bottom: 520 });
  const at = await pagePoint(page, pointOf(site));
  await page.mouse.click(at.x, at.y);
  // The popup previews the site; its record and forms are in the site panel beside the map.
  await expect(page.getByTestId('popup')).toContainText(site.properties.name);
  const sitePanel = page.getByTestId('site-panel');
  await expect(sitePanel).toContainText(site.properties.name);
  const options = await sitePanel
    .getByTestId('status-select')
    .locator('option')
    .evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(options).toEqual(ALLOWED_TRANSITIONS[from]);
  await sitePanel.getByTestId('status-select').selectOption(to);
  await expect(sitePanel.getByTestId('status-submit')).toBeDisabled();
  await sitePanel.getByTestId('status-note').fill('   ');
  await expect(sitePanel.getByTestId('status-submit')).toBeDisabled();
  const note = `E2E inspection ${Date.now()}: meters read, operator present.`;
  await sitePanel.getByTestId('status-note').fill(note);
  // "Found in zone" is the open zone already.
  await expect(sitePanel.getByTestId('status-zone')).toHaveValue(String(zoneId));
  await sitePanel.getByTestId('status-zone').selectOption(String(zoneId));
  // Evidence: a photo taken 5 km away (flagged) and one without a position (flagged too).
  const [lon, lat] = pointOf(site);
  await sitePanel.getByTestId('evidence-upload').setInputFiles([
    {
      name: 'meter-room.jpg',
      mimeType: 'image/jpeg',
      buffer: await photo('jpeg', { gps: { lon: lon + 0.065, lat } }),
    },
    { name: 'no-gps.jpg', mimeType: 'image/jpeg', buffer: await photo('jpeg') },
  ]);
  await expect(sitePanel.getByTestId('evidence-pending').locator('li')).toHaveCount(2);
  await sitePanel.getByTestId('status-submit').click();

  const newest = sitePanel.getByTestId('site-history').locator('li').first();
  await expect(newest).toHaveAttribute('data-to', to);
  await expect(newest).toContainText(note);
  await expect(newest).toContainText('enforcer');
  await expect(newest).toContainText(`zone ${zoneId}`);
  const evidence = newest.getByTestId('evidence-list');
  await expect(evidence.locator('li')).toHaveCount(2);
  await expect(evidence.locator('img').first()).toHaveJSProperty('complete', true);
  expect(
    await evidence
      .getByTestId('evidence-flag')
      .evaluateAll((all) => all.map((e) => e.getAttribute('data-flag'))),
  ).toEqual(['FAR_FROM_SITE', 'NO_GPS']);
  // The map draws the site in its new status (the tiles were asked for again) ...
  await expect
    .poll(
      async () => (await renderedFeatures(page, 'sites')).find((f) => f.id === site.id)?.properties.status,
    )
    .toBe(to);
  // ... and the zone's numbers are the API's new ones.
  const after = await zoneSites(request, zoneId);
  expect(after.summary.byStatus[to]!.count).toBe(inside.summary.byStatus[to]!.count + 1);
  await expectSummary(page, after.summary);
  await newest.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'site-history');
  // Esc closes the top-most: the site's panel and popup, leaving the zone's panel under them.
  await page.keyboard.press('Escape');
  await expect(sitePanel).toBeHidden();
  await expect(page.getByTestId('popup')).toBeHidden();
  await expect(panel).toBeVisible();

  // The zone's export is the server's file: a FeatureCollection of the zone's sites, with its count.
  const download = page.waitForEvent('download');
  await page.getByTestId('zone-export-geojson').click();
  const file = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as {
    type: string;
    features: unknown[];
    meta: { count: number };
  };
  expect(file.type).toBe('FeatureCollection');
  expect(file.meta.count).toBe(after.summary.siteCount);
  expect(file.features).toHaveLength(after.summary.siteCount);

  // The zone now holds a status record: deleting it is refused, with what to do instead.
  await panel.getByTestId('zone-delete').click();
  await panel.getByTestId('zone-delete-confirm').click();
  await expect(panel.getByTestId('zone-feedback')).toContainText('close');
  await expect(page.getByTestId('zone-list').locator(`[data-zone-id="${zoneId}"]`)).toBeVisible();
});
