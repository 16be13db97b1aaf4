import { STATUSES } from '@gridwatch/contract';
import type { Role } from '../client/src/api';
import { photo } from '../server/test/fixtures/evidence/fixtures';
import { fetchLayer, pointOf } from './support/api';
import { expect, logIn, originOf, test } from './support/fixtures';
import { jumpTo, renderedCount, renderedFeatures } from './support/map-page';
import {
  changesOf,
  closeSite,
  loneSites,
  openSite,
  record,
  twoOrderedSites,
  waitForLoadedMap,
  workerInControl,
} from './support/offline-crew';
import { saveScreenshot } from './support/screenshot';
import { createZone } from './support/zones';

/**
 * The issue's "Measured by" (issue 14, docs/offline.md) in one flow, on the offline project's server (SQLite, the
 * tests' PMTiles basemap, the service worker allowed): a zone's area saved online, the app reloaded offline, the
 * map drawing and filtering the area's sites over the basemap, two shutdowns recorded with notes and a photo (one
 * withdrawn and recorded again, one edited while it waits), one of the sites changed meanwhile by the office; back
 * online one syncs — its answer lost once, the resend recorded once — and one comes back as a conflict resolved in
 * the UI; the audit trail has both times. And near me, with Playwright's geolocation.
 */
test.use({ role: 'enforcer' satisfies Role });

const shutDown = { status: 'SHUT_DOWN', label: 'Shut down' } as const;

test('a field day: saved online, worked offline, synced with a conflict resolved and a doubled request recorded once', async ({
  page,
  context,
  playwright,
  baseURL,
  request,
}, testInfo) => {
  test.setTimeout(300_000);
  const [a, b] = twoOrderedSites((await fetchLayer(request, 'sites')).features);
  const [lonA, latA] = pointOf(a);
  const [lonB, latB] = pointOf(b);
  const centre: [number, number] = [(lonA + lonB) / 2, (latA + latB) / 2];
  const half = Math.max(Math.abs(lonA - lonB), Math.abs(latA - latB)) / 2 + 0.03;
  const zone = await createZone(request, `E2E field day ${Date.now()}`, centre, half);
  // Another user, online at the office: the admin's own session.
  const office = await playwright.request.newContext({ baseURL, extraHTTPHeaders: originOf(baseURL) });
  await logIn(office, 'admin');

  // Online: the crew saves its zone's area.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await waitForLoadedMap(page);
  await workerInControl(page);
  await page.getByTestId('zone-list').locator(`[data-zone-id="${zone.id}"]`).click();
  await page.getByTestId('offline-save').click();
  await page.getByTestId('offline-download').click();
  await expect(page.getByTestId('offline-areas').locator('li[data-area-id]')).toHaveCount(1, {
    timeout: 120_000,
  });
  await page.getByTestId('zone-panel').locator('.floating-panel__close').click();
  await jumpTo(page, centre, 11, { right: 500, bottom: 200 });

  // Offline, reloaded: the app opens from the worker and draws the area's sites over the basemap.
  await context.setOffline(true);
  await page.reload();
  await waitForLoadedMap(page);
  await expect(page.getByTestId('offline-status')).toContainText('Offline since');
  expect(await renderedCount(page, 'pm-earth')).toBeGreaterThan(0);
  const drawn = await renderedFeatures(page, 'sites');
  expect(drawn.map((f) => f.id)).toEqual(expect.arrayContaining([a.id, b.id]));

  // A status filter, offline: the saved tiles are drawn filtered by the map itself, only that status.
  const others = STATUSES.filter((s) => s !== 'SHUTDOWN_ORDERED');
  for (const status of others) await page.getByTestId(`filter-status-${status}`).uncheck();
  await expect
    .poll(async () => {
      const kept = await renderedFeatures(page, 'sites');
      return {
        onlyOrdered: kept.every((f) => f.properties.status === 'SHUTDOWN_ORDERED'),
        both: [a.id, b.id].every((id) => kept.some((f) => f.id === id)),
      };
    })
    .toEqual({ onlyOrdered: true, both: true });
  const orderedBefore = drawn.filter((f) => f.properties.status === 'SHUTDOWN_ORDERED').length;
  expect((await renderedFeatures(page, 'sites')).length).toBe(orderedBefore);
  await saveScreenshot(page, testInfo, 'offline-filtered-desktop');
  for (const status of others) await page.getByTestId(`filter-status-${status}`).check();
  await expect.poll(async () => (await renderedFeatures(page, 'sites')).length).toBe(drawn.length);
  // Search answers from the saved sites; the band says it in Chinese too.
  await page.getByTestId('search-input').fill(a.properties.name);
  await expect(page.getByTestId('search-results').getByRole('option').first()).toContainText(
    a.properties.name,
  );
  await page.getByTestId('search-input').fill('');
  await page.getByTestId('lang-toggle').getByRole('button', { name: '中文' }).click();
  await expect(page.getByTestId('offline-status')).toContainText('起离线');
  await page.getByTestId('lang-toggle').getByRole('button', { name: 'EN' }).click();
  await expect(page.getByTestId('offline-status')).toContainText('Offline since');

  // The crew shuts down A with a note and a photo.
  const noteA = `E2E field day ${Date.now()}: machines off`;
  const noteA2 = `${noteA}, meter sealed`;
  await record(page, a, shutDown, noteA, [await photo('jpeg', { gps: { lon: lonA, lat: latA } })]);
  // B: recorded by mistake, withdrawn before it was sent, recorded again.
  await record(page, b, shutDown, 'E2E field day: wrong site', []);
  let panel = await openSite(page, b);
  await panel.getByTestId('pending-edit').click();
  await panel.getByTestId('pending-withdraw').click();
  await expect(panel.getByTestId('site-pending')).toHaveCount(0);
  await expect(panel.getByTestId('status-form')).toBeVisible();
  await closeSite(page);
  const noteB = `E2E field day ${Date.now()}: racks removed`;
  await record(page, b, shutDown, noteB, []);

  // A's change, still waiting, is edited: a fuller note and a second photo; its id and place in the queue stay.
  panel = await openSite(page, a);
  const waitingA = panel.getByTestId('site-pending');
  const idA = await waitingA.getAttribute('data-change-id');
  await panel.getByTestId('pending-edit').click();
  await panel.getByTestId('pending-edit-note').fill(noteA2);
  await panel.getByTestId('pending-edit-photo').setInputFiles({
    name: 'meter.jpg',
    mimeType: 'image/jpeg',
    buffer: await photo('jpeg', { gps: { lon: lonA, lat: latA } }),
  });
  await expect(panel.getByTestId('pending-edit-photos').locator('li')).toHaveCount(2);
  // The panel's details scroll on their own: the edit's buttons brought into view for the pictures.
  await panel.getByTestId('pending-withdraw').scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'offline-edit-pending-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.getByTestId('pending-withdraw').scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'offline-edit-pending-phone');
  await page.setViewportSize({ width: 1440, height: 900 });
  await panel.getByTestId('pending-edit-save').click();
  await expect(panel.getByTestId('pending-edit-form')).toHaveCount(0);
  await expect(waitingA.getByTestId('site-pending-note')).toHaveText(noteA2);
  await expect(waitingA.getByTestId('site-pending-photos')).toContainText('2');
  await expect(waitingA).toHaveAttribute('data-change-id', idA!);
  await closeSite(page);

  const pending = page.getByTestId('pending-changes');
  await expect(pending).toHaveAttribute('data-count', '2');
  await pending.getByTestId('pending-changes-toggle').click();
  await expect(pending.locator('li').first()).toHaveAttribute('data-change-id', idA!);
  await expect
    .poll(async () =>
      (await renderedFeatures(page, 'pending-changes')).map((f) => f.properties.siteId).sort(),
    )
    .toEqual([a.id, b.id].sort());
  // Where the browser has Background Sync, the page asked for it when it queued (the worker sends it too).
  const tags = await page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
      sync?: { getTags(): Promise<string[]> };
    };
    return registration.sync ? await registration.sync.getTags() : null;
  });
  console.log(`Background Sync tags after queueing offline: ${JSON.stringify(tags)}`);
  if (tags !== null) expect(tags).toContain('gridwatch-queue');

  // Meanwhile the office records B's shutdown online: the crew's change of B is made against an old version.
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
  expect(await changesOf(office, a.id, noteA2)).toHaveLength(1);

  // The crew sends again — unless the worker's Background Sync, woken by the network's return, already did (the
  // page's route does not see the worker's requests): the same request under the same key either way, so the
  // server answers with the first answer and records nothing more.
  await page.unroute(`**/api/sites/${a.id}`);
  const itemA = pending.locator(`li[data-site-id="${a.id}"]`);
  if ((await itemA.count()) > 0) {
    await expect(itemA).toHaveAttribute('data-state', 'pending');
    await pending.getByTestId('pending-send').click();
  }
  await expect(itemA).toHaveCount(0);
  const recordedA = await changesOf(office, a.id, noteA2);
  expect(recordedA).toHaveLength(1);
  expect(recordedA[0]!.username).toBe('enforcer');
  // Both times in the audit trail: made in the field (offline) before it reached the server.
  expect(Date.parse(recordedA[0]!.details.observedAt!)).toBeLessThan(Date.parse(recordedA[0]!.at));

  // B came back as a conflict: shown beside the office's change, never overwritten, and dropped by the crew.
  const conflictItem = pending.locator(`li[data-site-id="${b.id}"]`);
  await expect(conflictItem).toHaveAttribute('data-state', 'conflict');
  expect(await changesOf(office, b.id, noteB)).toHaveLength(0);
  await conflictItem.getByTestId('pending-resolve').click();
  const dialog = page.getByTestId('sync-conflict');
  await expect(dialog.getByTestId('sync-conflict-mine')).toContainText(noteB);
  await expect(dialog.getByTestId('sync-conflict-theirs')).toContainText(officeNote);
  // The office already shut it down: there is nothing to keep.
  await expect(dialog.getByTestId('sync-conflict-keep')).toBeDisabled();
  await saveScreenshot(page, testInfo, 'offline-conflict-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, testInfo, 'offline-conflict-phone');
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.getByTestId('sync-conflict-drop').click();
  await expect(pending).toBeHidden();

  // A's history shows the change with both times and its two photos.
  panel = await openSite(page, a);
  const newest = panel.getByTestId('site-history').locator('li').first();
  await expect(newest).toHaveAttribute('data-to', 'SHUT_DOWN');
  await expect(newest).toContainText(noteA2);
  await expect(newest.getByTestId('history-observed')).toContainText('observed');
  await expect(newest.getByTestId('evidence-list').locator('li')).toHaveCount(2);
  await office.dispose();
});

test("Background Sync: with the app closed, the worker's sync event sends the queue and tells the open pages", async ({
  page,
  context,
  playwright,
  baseURL,
  request,
}) => {
  test.setTimeout(240_000);
  const [site] = loneSites((await fetchLayer(request, 'sites')).features, 'SUSPECTED');
  // The audit trail is the admin's to read.
  const office = await playwright.request.newContext({ baseURL, extraHTTPHeaders: originOf(baseURL) });
  await logIn(office, 'admin');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await waitForLoadedMap(page);
  await workerInControl(page);
  // Another page of the app's origin, not the app: it listens to what the worker tells the pages.
  const other = await context.newPage();
  await other.goto('/api/health');
  await other.evaluate(() => {
    const seen: unknown[] = [];
    (window as unknown as { seen: unknown[] }).seen = seen;
    new BroadcastChannel('gridwatch-queue').onmessage = (event) => seen.push(event.data);
  });
  await jumpTo(page, pointOf(site!), 12, { right: 500, bottom: 200 });
  await expect((await openSite(page, site!)).getByTestId('status-form')).toBeVisible();
  await closeSite(page);
  await context.setOffline(true);
  const note = `E2E background sync ${Date.now()}: licence on the wall`;
  await record(page, site!, { status: 'LICENSED', label: 'Licensed' }, note, []);
  // The app is closed before the network returns: only the worker can send it.
  await page.close();
  expect(await changesOf(office, site!.id, note)).toHaveLength(0);
  await context.setOffline(false);

  // Chromium fires `sync` when the network returns (Playwright's offline emulation included, as measured); should
  // it not within 20 s, the DevTools protocol dispatches the same event to the same worker.
  const sentByItself = await expect
    .poll(async () => (await changesOf(office, site!.id, note)).length, { timeout: 20_000 })
    .toBe(1)
    .then(() => true)
    .catch(() => false);
  console.log(`Background Sync: the browser fired sync by itself on reconnect: ${sentByItself}`);
  if (!sentByItself) {
    const cdp = await context.newCDPSession(other);
    const registration = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => !r.isDeleted);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: new URL(other.url()).origin,
      registrationId: await registration,
      tag: 'gridwatch-queue',
      lastChance: false,
    });
  }
  await expect
    .poll(async () => (await changesOf(office, site!.id, note)).length, { timeout: 30_000 })
    .toBe(1);
  const [sent] = await changesOf(office, site!.id, note);
  expect(sent).toMatchObject({ username: 'enforcer', details: { from: 'SUSPECTED', to: 'LICENSED' } });
  expect(Date.parse(sent!.details.observedAt!)).toBeLessThan(Date.parse(sent!.at));
  await expect
    .poll(() => other.evaluate(() => (window as unknown as { seen: unknown[] }).seen))
    .toEqual([{ type: 'queue-synced', report: { sent: 1, conflicts: 0, rejected: 0, stopped: false } }]);
  await office.dispose();
});

test.describe('near me', () => {
  test.use({ geolocation: { longitude: 87.6168, latitude: 43.8256 }, permissions: ['geolocation'] });

  test('lists the nearest sites, nearest first, and puts the position on the map', async ({ page }) => {
    await page.goto('/');
    await waitForLoadedMap(page);
    await page.getByTestId('near-me-locate').click();
    const rows = page.getByTestId('near-me-list').locator('button');
    await expect(rows.first()).toBeVisible();
    const distances = await page
      .getByTestId('near-me-list')
      .locator('.site-list__distance')
      .allTextContents();
    const km = distances.map((d) => Number(d.replace(/[^\d.]/g, '')));
    expect(km.length).toBeGreaterThan(1);
    expect([...km].sort((a, b) => a - b)).toEqual(km);
    expect(await renderedCount(page, 'my-position')).toBe(1);
  });
});
