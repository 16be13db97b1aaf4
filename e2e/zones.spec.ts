import type { ApiFeature, Role } from '../client/src/api';
import { expect, test } from './support/fixtures';
import { jumpTo, openMap, pagePoint } from './support/map-page';
import { createZone, drawPolygon, expectSummary, startDrawing, zoneSites } from './support/zones';

test.use({ role: 'enforcer' satisfies Role });

const PLACE: [number, number] = [86.2, 41.9];

test("a self-intersecting zone is refused with the API's message", async ({ page }) => {
  await openMap(page);
  await jumpTo(page, PLACE, 10);
  const c = await pagePoint(page, PLACE);
  // A bowtie: the second edge crosses the fourth.
  await drawPolygon(page, [
    { x: c.x - 100, y: c.y - 100 },
    { x: c.x + 100, y: c.y + 100 },
    { x: c.x + 100, y: c.y - 100 },
    { x: c.x - 100, y: c.y + 100 },
  ]);
  const panel = page.getByTestId('zone-panel');
  await panel.getByTestId('zone-name').fill('E2E bowtie');
  await panel.getByTestId('zone-save').click();
  await expect(panel.getByTestId('zone-feedback')).toContainText('Self-intersection');
});

test('a zone is reshaped by its vertices; an edit made meanwhile is reported and reloaded', async ({
  page,
  request,
}) => {
  const zone = await createZone(request, 'E2E zone to reshape', PLACE);
  await openMap(page);
  await jumpTo(page, PLACE, 10);
  await page.getByTestId('zone-list').locator(`[data-zone-id="${zone.id}"]`).click();
  const panel = page.getByTestId('zone-panel');
  await expect(panel.getByTestId('zone-summary')).toBeVisible();

  const corner: [number, number] = [PLACE[0] + 0.05, PLACE[1] + 0.05];
  const dragCorner = async () => {
    await panel.getByTestId('zone-edit-shape').click();
    const from = await pagePoint(page, corner);
    await page.mouse.move(from.x, from.y, { steps: 4 });
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y - 40, { steps: 8 });
    await page.mouse.up();
    await expect(panel.getByTestId('zone-save-shape')).toBeEnabled();
  };

  // Someone else renames the zone while this user moves a corner.
  await dragCorner();
  const renamed = await request.patch(`/api/zones/${zone.id}`, {
    data: { name: 'E2E zone renamed meanwhile', version: zone.properties.version },
  });
  expect(renamed.status()).toBe(200);
  await panel.getByTestId('zone-save-shape').click();
  await expect(panel.getByTestId('zone-feedback')).toContainText('changed this zone meanwhile');
  await expect(panel).toContainText('E2E zone renamed meanwhile');

  await dragCorner();
  await panel.getByTestId('zone-save-shape').click();
  await expect(panel.getByTestId('zone-feedback')).toHaveText('Saved.');
  const stored = (await (await request.get(`/api/zones/${zone.id}`)).json()) as ApiFeature<'zones'>;
  expect(stored.properties.version).toBe(zone.properties.version + 2);
  expect(JSON.stringify(stored.geometry)).not.toBe(JSON.stringify(zone.geometry));
  await expectSummary(page, (await zoneSites(request, zone.id)).summary);
});

test('a zone with no status records is deleted after a confirmation', async ({ page, request }) => {
  const zone = await createZone(request, 'E2E zone to delete', [PLACE[0] + 0.5, PLACE[1]]);
  await openMap(page);
  const row = page.getByTestId('zone-list').locator(`[data-zone-id="${zone.id}"]`);
  await row.click();
  const panel = page.getByTestId('zone-panel');
  await panel.getByTestId('zone-delete').click();
  await panel.getByTestId('zone-delete-confirm').click();
  await expect(row).toHaveCount(0);
  expect((await request.get(`/api/zones/${zone.id}`)).status()).toBe(404);
});

test('a circle is drawn with two clicks and saved as a polygon', async ({ page, request }) => {
  await openMap(page);
  await jumpTo(page, [PLACE[0] - 0.6, PLACE[1]], 10);
  const c = await pagePoint(page, [PLACE[0] - 0.6, PLACE[1]]);
  await startDrawing(page, 'circle');
  await page.mouse.move(c.x, c.y, { steps: 4 });
  await page.mouse.click(c.x, c.y);
  await page.mouse.move(c.x + 80, c.y, { steps: 8 });
  await page.mouse.click(c.x + 80, c.y);
  const panel = page.getByTestId('zone-panel');
  await panel.getByTestId('zone-name').fill('E2E circle');
  await panel.getByTestId('zone-save').click();
  await expect(panel).toHaveAttribute('data-zone-id', /\d+/);
  const id = Number(await panel.getAttribute('data-zone-id'));
  const zone = (await (await request.get(`/api/zones/${id}`)).json()) as ApiFeature<'zones'>;
  expect(zone.geometry.type).toBe('Polygon');
  // The circle on the sphere of zone-shape.ts: 64 vertices and the closing one.
  expect((zone.geometry as { coordinates: unknown[][] }).coordinates[0]).toHaveLength(65);
});

test('a rectangle is drawn with two clicks, corner to corner', async ({ page, request }) => {
  const centre: [number, number] = [PLACE[0] - 1.2, PLACE[1]];
  await openMap(page);
  await jumpTo(page, centre, 10);
  const c = await pagePoint(page, centre);
  await startDrawing(page, 'rectangle');
  await page.mouse.move(c.x - 60, c.y - 40, { steps: 4 });
  await page.mouse.click(c.x - 60, c.y - 40);
  await page.mouse.move(c.x + 60, c.y + 40, { steps: 8 });
  await page.mouse.click(c.x + 60, c.y + 40);
  const panel = page.getByTestId('zone-panel');
  await panel.getByTestId('zone-name').fill('E2E rectangle');
  await panel.getByTestId('zone-save').click();
  await expect(panel).toHaveAttribute('data-zone-id', /\d+/);
  const id = Number(await panel.getAttribute('data-zone-id'));
  const zone = (await (await request.get(`/api/zones/${id}`)).json()) as ApiFeature<'zones'>;
  expect((zone.geometry as { coordinates: unknown[][] }).coordinates[0]).toHaveLength(5);
});
