import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { ApiFeature } from '../../client/src/api';
import { pointOf } from './api';
import { pagePoint } from './map-page';

/** A crew's work on sites in the e2e of the offline queue (offline-field-day.spec.ts, offline-sync.spec.ts). */
export type Site = ApiFeature<'sites'>;

/** Kilometres between two points, flat (good enough at a few km). */
export function km([a, b]: [number, number], [c, d]: [number, number]): number {
  const x = (c - a) * 111.32 * Math.cos((((b + d) / 2) * Math.PI) / 180);
  return Math.hypot(x, (d - b) * 110.57);
}

/** Sites of a status with no other site within 1.5 km, so that a click hits each alone. */
export function loneSites(sites: Site[], status: Site['properties']['status']): Site[] {
  return sites.filter(
    (s) => s.properties.status === status && sites.every((o) => o === s || km(pointOf(s), pointOf(o)) > 1.5),
  );
}

/** Two lone sites whose shutdown was ordered, 3–15 km apart: both in one view at zoom 11. */
export function twoOrderedSites(sites: Site[]): [Site, Site] {
  const lone = loneSites(sites, 'SHUTDOWN_ORDERED');
  for (const a of lone) {
    const b = lone.find((o) => o !== a && km(pointOf(a), pointOf(o)) > 3 && km(pointOf(a), pointOf(o)) < 15);
    if (b) return [a, b];
  }
  throw new Error('the demo has no two lone sites with a shutdown ordered near each other');
}

export async function openSite(page: Page, site: Site) {
  const at = await pagePoint(page, pointOf(site));
  await page.mouse.click(at.x, at.y);
  const panel = page.getByTestId('site-panel');
  await expect(panel).toContainText(site.properties.name);
  return panel;
}

export async function closeSite(page: Page) {
  await page.getByTestId('site-panel-close').click();
  await expect(page.getByTestId('site-panel')).toBeHidden();
}

/** Records a status change in the site's panel while offline: it is kept in the queue. */
export async function record(
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

export async function changesOf(request: APIRequestContext, siteId: number, note: string) {
  const response = await request.get(`/api/audit?entity=site&id=${siteId}&limit=50`);
  expect(response.status()).toBe(200);
  const all = (await response.json()) as {
    at: string;
    username: string;
    details: { note: string; observedAt: string | null };
  }[];
  return all.filter((c) => c.details.note === note);
}

/**
 * The first load installs the worker, which precaches the app shell (2.4 MB) while the map loads; on the shared
 * 2-core machine that took up to 50 s: the map's idle is waited for longer than waitForMapIdle's 30 s.
 */
export async function waitForLoadedMap(page: Page): Promise<void> {
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-idle', 'true', { timeout: 120_000 });
}

export async function workerInControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}
