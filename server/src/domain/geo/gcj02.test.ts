import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, outOfChina, wgs84ToGcj02 } from './gcj02';
import { haversineKm } from '@gridwatch/contract';
import { preparePointInPolygon } from './point-in-polygon';

const metres = ([lon1, lat1]: readonly number[], [lon2, lat2]: readonly number[]) =>
  haversineKm(lon1 ?? NaN, lat1 ?? NaN, lon2 ?? NaN, lat2 ?? NaN) * 1000;

/** The Xinjiang frame of DOMAIN.md, stepped by 0.1°. */
function* xinjiangFrameGrid(): Generator<[number, number]> {
  for (let i = 0; 73.5 + i * 0.1 <= 96.4; i++)
    for (let j = 0; 34.3 + j * 0.1 <= 49.2; j++) yield [73.5 + i * 0.1, 34.3 + j * 0.1];
}

/**
 * A coarse outline drawn a little inside Xinjiang's border. The frame's corners lie in Tibet, Qinghai and
 * Kashmir, where the offset leaves the range DOMAIN.md gives for Xinjiang (53–371 m over the whole frame).
 */
const insideXinjiang = preparePointInPolygon({
  type: 'Polygon',
  coordinates: [
    [
      [74.5, 39.5],
      [75.3, 37.9],
      [77.5, 36.5],
      [80, 35.9],
      [84, 36.2],
      [87.5, 36.6],
      [89.5, 36.9],
      [91, 38.3],
      [92.3, 39.3],
      [94.8, 41.4],
      [96, 42.7],
      [95, 44.2],
      [91, 45.3],
      [90, 47.2],
      [88, 48.4],
      [87, 48.9],
      [85.7, 47.2],
      [83, 46.6],
      [82.6, 45.3],
      [80.5, 44.2],
      [80.2, 42.4],
      [75.5, 40.6],
      [74.5, 39.5],
    ],
  ],
});

describe('wgs84ToGcj02', () => {
  // Regression values of the published formula (Krasovsky a = 6378245.0, ee = 0.00669342162296594323),
  // computed by this implementation and checked against the offset ranges below; not survey data.
  it.each<[string, Position, Position]>([
    ['Urumqi', [87.6168, 43.8256], [87.61964994946926, 43.82680539311119]],
    ['Kashgar', [75.9891, 39.4677], [75.99205259545595, 39.46792405788911]],
    ['Hotan', [79.9228, 37.1107], [79.92471776976164, 37.11035773744221]],
  ])('moves %s to its control value', (_name, wgs, gcj) => {
    const [lon, lat] = wgs84ToGcj02(wgs[0] ?? NaN, wgs[1] ?? NaN);
    expect(lon).toBeCloseTo(gcj[0] ?? NaN, 12);
    expect(lat).toBeCloseTo(gcj[1] ?? NaN, 12);
  });

  it('offsets Urumqi by about 265 m', () => {
    const urumqi = [87.6168, 43.8256];
    expect(metres(urumqi, wgs84ToGcj02(87.6168, 43.8256))).toBeGreaterThan(260);
    expect(metres(urumqi, wgs84ToGcj02(87.6168, 43.8256))).toBeLessThan(270);
  });

  it('offsets every point of Xinjiang by 85–330 m', () => {
    let [min, max, count] = [Infinity, 0, 0];
    for (const point of xinjiangFrameGrid()) {
      if (!insideXinjiang(point)) continue;
      const offset = metres(point, wgs84ToGcj02(...point));
      [min, max, count] = [Math.min(min, offset), Math.max(max, offset), count + 1];
    }
    expect(count).toBeGreaterThan(10_000);
    expect(min).toBeGreaterThanOrEqual(85);
    expect(max).toBeLessThanOrEqual(330);
  });

  it('is the identity outside the published rectangle (72.004–137.8347 E, 0.8293–55.8271 N)', () => {
    expect(outOfChina(72, 40)).toBe(true);
    expect(outOfChina(73.5, 34.3)).toBe(false);
    expect(wgs84ToGcj02(71.4, 51.2)).toEqual([71.4, 51.2]); // Astana
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85]);
    expect(wgs84ToGcj02(100, 60)).toEqual([100, 60]);
  });
});

describe('gcj02ToWgs84', () => {
  it('inverts the forward transform to under a centimetre across the Xinjiang frame', () => {
    let worst = 0;
    for (const point of xinjiangFrameGrid()) {
      const back = gcj02ToWgs84(...wgs84ToGcj02(...point));
      worst = Math.max(worst, metres(point, back));
    }
    expect(worst).toBeLessThan(0.01);
  });

  it('recovers the Urumqi control point', () => {
    const [lon, lat] = gcj02ToWgs84(87.61964994946926, 43.82680539311119);
    expect(metres([lon, lat], [87.6168, 43.8256])).toBeLessThan(0.01);
  });

  it('is the identity outside China', () => {
    expect(gcj02ToWgs84(71.4, 51.2)).toEqual([71.4, 51.2]);
  });
});
