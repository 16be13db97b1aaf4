import { haversineKm } from '@gridwatch/contract';
import { expect, test } from './support/fixtures';
import { jumpTo, openMap, pagePoint } from './support/map-page';

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
