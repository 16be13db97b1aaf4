import type { APIRequestContext, Page } from '@playwright/test';
import type { ApiFeature, Role } from '../client/src/api';
import { photo } from '../server/test/fixtures/evidence/fixtures';
import { fetchLayer, pointOf } from './support/api';
import { expect, logIn, originOf, test } from './support/fixtures';
import { jumpTo, openMap, pagePoint, renderedFeatures, settle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';

test.use({ role: 'enforcer' satisfies Role });

type Site = ApiFeature<'sites'>;

/** Kilometres between two points, flat (good enough at a few km). */
function km([a, b]: [number, number], [c, d]: [number, number]): number {
  const x = (c - a) * 111.32 * Math.cos((((b + d) / 2) * Math.PI) / 180);
  return Math.hypot(x, (d - b) * 110.57);
}

/** Sites of a status with no other site within 1.5 km, so that a click hits each alone. */
function loneSites(sites: Site[], status: Site['properties']['status']): Site[] {
  return sites.filter(
    (s) => s.properties.status === status && sites.every((o) => o === s || km(pointOf(s), pointOf(o)) > 1.5),
  );
}

/** Two lone sites whose shutdown was ordered, 3–15 km apart: both in one view at zoom 11. */
function twoOrderedSites(sites: Site[]): [Site, Site] {
  const lone = loneSites(sites, 'SHUTDOWN_ORDERED');
  for (const a of lone) {
    const b = lone.find((o) => o !== a && km(pointOf(a), pointOf(o)) > 3 && km(pointOf(a), pointOf(o)) < 15);
    if (b) return [a, b];
  }
  throw new Error('the demo has no two lone sites with a shutdown ordered near each other');
}

async function openSite(page: Page, site: Site) {
  const at = await pagePoint(page, pointOf(site));
  await page.mouse.click(at.x, at.y);
  const panel = page.getByTestId('site-panel');
  await expect(panel).toContainText(site.properties.name);
  return panel;
}

async function closeSite(page: Page) {
  await page.getByTestId('site-panel-close').click();
  await expect(page.getByTestId('site-panel')).toBeHidden();
}

/** Records a status change in the site's panel while offline: it is kept in the queue. */
async function record(
  page: Page,
  site: Site,
  to: { status: Site['properties']['status']; label: string },
  note: string,
  photos: Buffer[],
  shot?: () => Promise<void>,
) {
  const panel = await openSite(page, site);
  await panel.getByTestId('status-select').selectOption(to.status);
  await panel.getByTestId('status-note').fill(note);
  if (photos.length) {
    await panel
      .getByTestId('evidence-upload')
      .setInputFiles(
        photos.map((buffer, i) => ({ name: `site-${site.id}-${i}.jpg`, mimeType: 'image/jpeg', buffer })),
      );
    await expect(panel.getByTestId('evidence-pending').locator('li[data-kept]')).toHaveCount(photos.length);
  }
  await panel.getByTestId('status-submit').click();
  // Kept on the device: the panel says so, and waits for it before another status can be recorded.
  const pending = panel.getByTestId('site-pending');
  await expect(pending).toHaveAttribute('data-state', 'pending');
  await expect(pending).toContainText(`Pending: ${to.label}, recorded`);
  await expect(panel.getByTestId('status-form')).toBeHidden();
  await shot?.();
  await closeSite(page);
}

async function changesOf(request: APIRequestContext, siteId: number, note: string) {
  const response = await request.get(`/api/audit?entity=site&id=${siteId}&limit=50`);
  expect(response.status()).toBe(200);
  const all = (await response.json()) as {
    at: string;
    username: string;
    details: { note: string; observedAt: string | null };
  }[];
  return all.filter((c) => c.details.note === note);
}

test('offline, a crew shuts down two sites with notes and a photo; back online one syncs once, one is a conflict resolved in the UI', async ({
  page,
  context,
  playwright,
  baseURL,
  request,
}, testInfo) => {
  test.setTimeout(150_000);
  const [a, b] = twoOrderedSites((await fetchLayer(request, 'sites')).features);
  const [lonA, latA] = pointOf(a);
  const [lonB, latB] = pointOf(b);
  // Another user, online elsewhere: the admin's own session.
  const office = await playwright.request.newContext({ baseURL, extraHTTPHeaders: originOf(baseURL) });
  await logIn(office, 'admin');

  await page.setViewportSize({ width: 1440, height: 900 });
  await openMap(page);
  await jumpTo(page, [(lonA + lonB) / 2, (latA + latB) / 2], 11, { right: 500, bottom: 200 });
  // The crew looked at both sites while it still had a signal (the saved areas keep them too: docs/offline.md).
  for (const site of [a, b]) {
    await expect((await openSite(page, site)).getByTestId('status-form')).toBeVisible();
    await closeSite(page);
  }
  await settle(page);

  await context.setOffline(true);
  const noteA = `E2E offline ${Date.now()}: machines off, meter sealed`;
  const noteB = `E2E offline ${Date.now()}: racks removed`;
  const shutDown = { status: 'SHUT_DOWN', label: 'Shut down' } as const;
  await record(
    page,
    a,
    shutDown,
    noteA,
    [await photo('jpeg', { gps: { lon: lonA, lat: latA } })],
    async () => {
      await saveScreenshot(page, testInfo, 'offline-site-pending-desktop');
      await page.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(page, testInfo, 'offline-site-pending-phone');
      await page.setViewportSize({ width: 1440, height: 900 });
    },
  );
  await record(page, b, shutDown, noteB, []);

  const pending = page.getByTestId('pending-changes');
  await expect(pending).toHaveAttribute('data-count', '2');
  await pending.getByTestId('pending-changes-toggle').click();
  await expect(pending.locator('li[data-state="pending"]')).toHaveCount(2);
  await expect(pending.locator('li').first()).toContainText(a.properties.name);
  // Both ringed on the map.
  await expect
    .poll(async () =>
      (await renderedFeatures(page, 'pending-changes')).map((f) => f.properties.siteId).sort(),
    )
    .toEqual([a.id, b.id].sort());
  await saveScreenshot(page, testInfo, 'offline-pending-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, testInfo, 'offline-pending-phone');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Meanwhile the office records B's shutdown online: the crew's change of B is now made against an old version.
  const officeNote = 'E2E office: shutdown confirmed by the utility';
  const changed = await office.patch(`/api/sites/${b.id}`, {
    data: { status: 'SHUT_DOWN', note: officeNote, version: b.properties.version },
  });
  expect(changed.status()).toBe(200);

  // Back online, A's answer is lost after the server committed it (the connection drops on the way back).
  let reached = 0;
  await page.route(`**/api/sites/${a.id}`, async (route) => {
    if (route.request().method() !== 'PATCH') return route.fallback();
    await route.fetch();
    reached++;
    await route.abort('connectionreset');
  });
  await context.setOffline(false);
  await expect.poll(() => reached).toBeGreaterThan(0);
  await expect(pending.getByTestId('pending-send')).toBeEnabled();
  await expect(pending.locator(`li[data-site-id="${a.id}"]`)).toHaveAttribute('data-state', 'pending');
  expect(await changesOf(office, a.id, noteA)).toHaveLength(1);

  // The crew sends again: the same key, so the server answers with the first answer and records nothing more.
  await page.unroute(`**/api/sites/${a.id}`);
  await pending.getByTestId('pending-send').click();
  await expect(pending.locator(`li[data-site-id="${a.id}"]`)).toHaveCount(0);
  const [recordedA] = await changesOf(office, a.id, noteA);
  expect(await changesOf(office, a.id, noteA)).toHaveLength(1);
  expect(recordedA!.username).toBe('enforcer');
  // Both times in the audit trail: made in the field (offline) before it reached the server.
  expect(Date.parse(recordedA!.details.observedAt!)).toBeLessThan(Date.parse(recordedA!.at));

  // B came back as a conflict: shown, never overwritten.
  const conflictItem = pending.locator(`li[data-site-id="${b.id}"]`);
  await expect(conflictItem).toHaveAttribute('data-state', 'conflict');
  expect(await changesOf(office, b.id, noteB)).toHaveLength(0);
  await expect
    .poll(async () => (await renderedFeatures(page, 'pending-changes')).map((f) => f.properties.state))
    .toEqual(['conflict']);
  await conflictItem.getByTestId('pending-resolve').click();
  const dialog = page.getByTestId('sync-conflict');
  await expect(dialog.getByTestId('sync-conflict-mine')).toContainText(noteB);
  await expect(dialog.getByTestId('sync-conflict-theirs')).toContainText(officeNote);
  await expect(dialog.getByTestId('sync-conflict-theirs')).toContainText('admin');
  await expect(dialog.getByTestId('sync-conflict-current')).toHaveAttribute('data-status', 'SHUT_DOWN');
  // The office already shut it down: there is nothing to keep.
  await expect(dialog.getByTestId('sync-conflict-keep')).toBeDisabled();
  await expect(dialog.getByTestId('sync-conflict-why')).toBeVisible();
  await saveScreenshot(page, testInfo, 'offline-conflict-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, testInfo, 'offline-conflict-phone');
  await page.setViewportSize({ width: 1440, height: 900 });
  // Esc closes the dialog only, and the conflict waits (deciding later loses nothing).
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(conflictItem).toHaveAttribute('data-state', 'conflict');
  await conflictItem.getByTestId('pending-resolve').click();
  await dialog.getByTestId('sync-conflict-drop').click();
  await expect(dialog).toBeHidden();
  await expect(pending).toBeHidden();

  // A's history shows the change with both times and its photo.
  await jumpTo(page, pointOf(a), 12, { right: 500, bottom: 200 });
  const panel = await openSite(page, a);
  const newest = panel.getByTestId('site-history').locator('li').first();
  await expect(newest).toHaveAttribute('data-to', 'SHUT_DOWN');
  await expect(newest).toContainText(noteA);
  await expect(newest.getByTestId('history-observed')).toContainText('observed');
  await expect(newest.getByTestId('evidence-list').locator('li')).toHaveCount(1);
  await office.dispose();
});

test("a conflict kept: the crew's change is made again from the status the server has now, and sent", async ({
  page,
  context,
  playwright,
  baseURL,
  request,
}) => {
  test.setTimeout(120_000);
  const [site] = loneSites((await fetchLayer(request, 'sites')).features, 'SUSPECTED');
  const office = await playwright.request.newContext({ baseURL, extraHTTPHeaders: originOf(baseURL) });
  await logIn(office, 'admin');
  await page.setViewportSize({ width: 1440, height: 900 });
  await openMap(page);
  await jumpTo(page, pointOf(site!), 12, { right: 500, bottom: 200 });
  await expect((await openSite(page, site!)).getByTestId('status-form')).toBeVisible();
  await closeSite(page);

  // Offline, the crew finds a licence on the wall; meanwhile the office marks the site unlicensed.
  await context.setOffline(true);
  const note = `E2E offline ${Date.now()}: licence found on site`;
  await record(page, site!, { status: 'LICENSED', label: 'Licensed' }, note, []);
  const changed = await office.patch(`/api/sites/${site!.id}`, {
    data: { status: 'UNLICENSED', note: 'E2E office: no licence on file', version: site!.properties.version },
  });
  expect(changed.status()).toBe(200);
  await context.setOffline(false);

  const pending = page.getByTestId('pending-changes');
  await expect(pending.locator(`li[data-site-id="${site!.id}"]`)).toHaveAttribute('data-state', 'conflict');
  await pending.getByTestId('pending-resolve').click();
  const dialog = page.getByTestId('sync-conflict');
  await expect(dialog.getByTestId('sync-conflict-current')).toHaveAttribute('data-status', 'UNLICENSED');
  // Unlicensed → licensed is allowed: the crew keeps its change, made again from the current status.
  const keep = dialog.getByTestId('sync-conflict-keep');
  await expect(keep).toHaveText('Keep mine as a new change from Unlicensed');
  await keep.click();
  await expect(dialog).toBeHidden();
  await expect(pending).toBeHidden();
  const [kept, ...more] = await changesOf(office, site!.id, note);
  expect(more).toHaveLength(0);
  expect(kept).toMatchObject({ username: 'enforcer', details: { from: 'UNLICENSED', to: 'LICENSED' } });
  expect(Date.parse(kept!.details.observedAt!)).toBeLessThan(Date.parse(kept!.at));
  await office.dispose();
});
