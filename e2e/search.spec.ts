import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { Hotspot, SearchHit } from '../client/src/api';
import { fetchJson, fetchLayer, hotspotsPath } from './support/api';
import { openMap, waitForMapIdle } from './support/map-page';
import { saveScreenshot } from './support/screenshot';

const searchPath = (q: string) => `/api/search?q=${encodeURIComponent(q)}&limit=10`;

/** Types `q` into the search box and moves with ↓ to the hit for `target`, keys only; returns the hit. */
async function typeAndMoveTo(
  page: Page,
  q: string,
  target: Pick<SearchHit, 'layer' | 'id'>,
  hits: SearchHit[],
) {
  const index = hits.findIndex((h) => h.layer === target.layer && h.id === target.id);
  expect(index, `the search for ${q} finds the feature`).toBeGreaterThanOrEqual(0);
  const input = page.getByTestId('search-input');
  await input.focus();
  await page.keyboard.type(q);
  const options = page.getByTestId('search-results').getByRole('option');
  await expect(options).toHaveCount(hits.length);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  const active = options.nth(index);
  await expect(active).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', (await active.getAttribute('id')) ?? '');
}

async function zoom(page: Page): Promise<number> {
  return page.evaluate(() => window.__gridwatchMap?.getZoom() ?? 0);
}

test.describe('the search box', () => {
  test('finds a substation by its English name and opens its panel', async ({ page, request }, testInfo) => {
    const [top] = await fetchJson<Hotspot[]>(request, hotspotsPath(10));
    expect(top, 'the demo seed has a hotspot').toBeDefined();
    const hits = await fetchJson<SearchHit[]>(request, searchPath(top!.name));
    await openMap(page);
    await typeAndMoveTo(page, top!.name, { layer: 'substations', id: top!.substationId }, hits);
    await page.keyboard.press('Enter');

    await expect(page.getByTestId('substation-panel')).toContainText(top!.name);
    await expect(page.getByTestId('search-results')).toBeHidden();
    await waitForMapIdle(page);
    // A point is shown at street level.
    expect(await zoom(page)).toBeCloseTo(13, 0);
    await saveScreenshot(page, testInfo, 'main-en');
  });

  test('finds a site by its Chinese name and opens its popup, keys only', async ({ page, request }) => {
    const sites = await fetchLayer(request, 'sites', '?limit=50');
    const site = sites.features.find((f) => f.properties.nameZh);
    expect(site, 'the demo seed has a site with a Chinese name').toBeDefined();
    const q = site!.properties.nameZh;
    const hits = await fetchJson<SearchHit[]>(request, searchPath(q));
    await openMap(page);
    await typeAndMoveTo(page, q, { layer: 'sites', id: Number(site!.id) }, hits);
    await page.keyboard.press('Enter');

    await expect(page.getByTestId('popup')).toContainText(site!.properties.name);
  });

  test('closes its list on Escape', async ({ page, request }) => {
    const [top] = await fetchJson<Hotspot[]>(request, hotspotsPath(10));
    await openMap(page);
    await page.getByTestId('search-input').fill(top!.name);
    await expect(page.getByTestId('search-results').getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('search-results')).toBeHidden();
  });
});
