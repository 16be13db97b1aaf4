import type { Role } from '../client/src/api';
import { fetchLayer, pointOf } from './support/api';
import { expect, logIn, originOf, test } from './support/fixtures';
import { jumpTo, openMap } from './support/map-page';
import { changesOf, closeSite, loneSites, openSite, record } from './support/offline-crew';

/**
 * The offline queue's "keep mine" (docs/offline.md, "The queue and sync"), with the page loaded and the service
 * worker blocked (sqlite project). The field day itself — an area saved, opened offline, two shutdowns, a lost
 * answer resent once, a conflict dropped — is e2e/offline-field-day.spec.ts, in the offline project.
 */
test.use({ role: 'enforcer' satisfies Role });

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
