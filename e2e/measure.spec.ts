import { haversineKm } from '@gridwatch/contract';
import { expect, test } from './support/fixtures';
import { jumpTo, openMap, pagePoint } from './support/map-page';
import { saveScreenshot } from './support/screenshot';

test.describe('the measure tool', () => {
  test('measures a distance and an area on the sphere', async ({ page }) => {
    const a: [number, number] = [87.5, 43.8];
    const b: [number, number] = [87.6, 43.8];
    const c: [number, number] = [87.6, 43.9];
    await openMap(page);
    await jumpTo(page, [87.55, 43.85], 10);
    const tool = page.getByTestId('measure-tool');
    await tool.getByTestId('measure-line').click();
    await expect(page.getByTestId('map')).toHaveAttribute('data-measure-mode', 'measure-line');
    const [pa, pb, pc] = [await pagePoint(page, a), await pagePoint(page, b), await pagePoint(page, c)];
    await page.mouse.click(pa.x, pa.y);
    await page.mouse.click(pb.x, pb.y);
    await page.mouse.dblclick(pb.x, pb.y);
    const km = Number((await tool.getByTestId('measure-result').innerText()).replace(' km', ''));
    expect(km).toBeCloseTo(haversineKm(...a, ...b), 1);
    // Measuring takes the map's clicks: no popup opened.
    await expect(page.getByTestId('popup')).toHaveCount(0);

    await tool.getByTestId('measure-area').click();
    await expect(page.getByTestId('map')).toHaveAttribute('data-measure-mode', 'measure-area');
    await page.mouse.click(pa.x, pa.y);
    await page.mouse.click(pb.x, pb.y);
    await page.mouse.click(pc.x, pc.y);
    await page.mouse.click(pa.x, pa.y);
    // About half of a 8 km × 11 km box.
    await expect(tool.getByTestId('measure-result')).toContainText(/^\d+(\.\d+)? km² \(/);
    await tool.getByTestId('measure-area').click();
    await expect(page.getByTestId('map')).toHaveAttribute('data-measure-mode', 'static');
  });
});

test.describe('the measure on the map', () => {
  test('writes each segment, the total and the area at the shape itself', async ({ page }, testInfo) => {
    const a: [number, number] = [87.5, 43.8];
    const b: [number, number] = [87.6, 43.8];
    const c: [number, number] = [87.6, 43.9];
    await openMap(page);
    await jumpTo(page, [87.55, 43.85], 10);
    const tool = page.getByTestId('measure-tool');
    await tool.getByTestId('measure-line').click();
    await expect(page.getByTestId('map')).toHaveAttribute('data-measure-mode', 'measure-line');
    const [pa, pb, pc] = [await pagePoint(page, a), await pagePoint(page, b), await pagePoint(page, c)];
    await page.mouse.click(pa.x, pa.y);
    await page.mouse.click(pb.x, pb.y);
    await page.mouse.click(pc.x, pc.y);
    await page.mouse.dblclick(pc.x, pc.y);

    const labels = page.getByTestId('measure-shape-label');
    await expect(labels).toHaveCount(3);
    const segments = labels.and(page.locator('[data-kind="segment"]'));
    await expect(segments).toHaveCount(2);
    const km = async (i: number) => Number((await segments.nth(i).innerText()).replace(' km', ''));
    expect(await km(0)).toBeCloseTo(haversineKm(...a, ...b), 1);
    expect(await km(1)).toBeCloseTo(haversineKm(...b, ...c), 1);
    // Each segment's figure sits on its middle; the total beside the last point, as the tools panel has it.
    const centre = async (i: number) => {
      const box = (await segments.nth(i).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const first = await centre(0);
    expect(Math.abs(first.x - (pa.x + pb.x) / 2)).toBeLessThan(3);
    expect(Math.abs(first.y - pa.y)).toBeLessThan(3);
    const second = await centre(1);
    expect(Math.abs(second.x - pb.x)).toBeLessThan(3);
    expect(Math.abs(second.y - (pb.y + pc.y) / 2)).toBeLessThan(3);
    const total = labels.and(page.locator('[data-kind="total"]'));
    await expect(total).toHaveText(await tool.getByTestId('measure-result').innerText());
    const totalBox = (await total.boundingBox())!;
    expect(totalBox.x - pc.x).toBeGreaterThan(0);
    expect(totalBox.x - pc.x).toBeLessThan(20);
    expect(Math.abs(totalBox.y + totalBox.height / 2 - pc.y)).toBeLessThan(3);
    await saveScreenshot(page, testInfo, 'measure-line-labels');

    await tool.getByTestId('measure-area').click();
    await expect(page.getByTestId('map')).toHaveAttribute('data-measure-mode', 'measure-area');
    await expect(labels).toHaveCount(0);
    await page.mouse.click(pa.x, pa.y);
    await page.mouse.click(pb.x, pb.y);
    await page.mouse.click(pc.x, pc.y);
    await page.mouse.click(pa.x, pa.y);
    const area = labels.and(page.locator('[data-kind="area"]'));
    await expect(labels).toHaveCount(1);
    // The area as the tools panel writes it (before its perimeter), inside the triangle, at its centroid.
    const [areaText] = (await tool.getByTestId('measure-result').innerText()).split(' · ');
    await expect(area).toHaveText(areaText!);
    const box = (await area.boundingBox())!;
    expect(Math.abs(box.x + box.width / 2 - (pa.x + pb.x + pc.x) / 3)).toBeLessThan(4);
    expect(Math.abs(box.y + box.height / 2 - (pa.y + pb.y + pc.y) / 3)).toBeLessThan(4);
    await saveScreenshot(page, testInfo, 'measure-area-labels');

    await tool.getByTestId('measure-area').click();
    await expect(labels).toHaveCount(0);
  });
});
