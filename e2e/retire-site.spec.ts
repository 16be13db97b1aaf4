import type { ApiFeature, Role } from '../client/src/api';
import { fetchLayer, pointOf } from './support/api';
import { expect, test } from './support/fixtures';
import { jumpTo, openMap, pagePoint, renderedFeatures, settle } from './support/map-page';

test.use({ role: 'admin' satisfies Role });

/** The site farthest from its nearest neighbour: a click on it hits it alone. */
function loneSite(sites: ApiFeature<'sites'>[]): ApiFeature<'sites'> {
  let best = sites[0]!;
  let bestGap = -1;
  for (const site of sites) {
    const [lon, lat] = pointOf(site);
    let gap = Infinity;
    for (const other of sites) {
      if (other === site) continue;
      const [x, y] = pointOf(other);
      gap = Math.min(gap, (x - lon) ** 2 + (y - lat) ** 2);
    }
    if (gap > bestGap) [best, bestGap] = [site, gap];
  }
  return best;
}

test('an admin retires a wrong site from its popup: it leaves the map and the API, and a restore brings it back', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const site = loneSite((await fetchLayer(request, 'sites')).features);
  await openMap(page);
  await jumpTo(page, pointOf(site), 13);
  const at = await pagePoint(page, pointOf(site));
  await page.mouse.click(at.x, at.y);
  const popup = page.getByTestId('popup');
  await expect(popup).toContainText(site.properties.name);
  const sitePanel = page.getByTestId('site-panel');

  await sitePanel.getByTestId('site-retire').click();
  await expect(sitePanel.getByTestId('site-retire-confirm')).toBeDisabled();
  await sitePanel.getByTestId('site-retire-reason').fill('   ');
  await expect(sitePanel.getByTestId('site-retire-confirm')).toBeDisabled();
  await sitePanel.getByTestId('site-retire-reason').fill('E2E: mapped twice, the same farm as its neighbour');
  await sitePanel.getByTestId('site-retire-confirm').click();

  // Gone: the popup and the panel close, the map draws it no more, the API no longer finds it.
  await expect(popup).toBeHidden();
  await expect(sitePanel).toBeHidden();
  await settle(page);
  await expect
    .poll(async () => (await renderedFeatures(page, 'sites')).some((f) => f.id === site.id))
    .toBe(false);
  expect((await request.get(`/api/sites/${site.id}`)).status()).toBe(404);

  // The admin's list has it, with the reason; a restore (at the listed version) brings it back.
  const retired = (await (await request.get('/api/sites/retired')).json()) as {
    id: number;
    reason: string;
    version: number;
  }[];
  const entry = retired.find((r) => r.id === site.id)!;
  expect(entry.reason).toBe('E2E: mapped twice, the same farm as its neighbour');
  const restored = await request.post(`/api/sites/${site.id}/restore`, {
    data: { version: entry.version, reason: 'E2E: put back for the other tests' },
  });
  expect(restored.status()).toBe(200);
  expect((await request.get(`/api/sites/${site.id}`)).status()).toBe(200);
});
