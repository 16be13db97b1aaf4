import { describe, expect, it } from 'vitest';
import type { LayerInfo } from '../api';
import { initialBounds, XINJIANG_BBOX } from './bounds';

const info = (id: LayerInfo['id'], bbox: number[] | null): LayerInfo => ({
  id,
  title: id,
  titleZh: id,
  geometryType: 'Point',
  count: bbox ? 1 : 0,
  bbox,
});

describe('initialBounds', () => {
  it("prefers the regions layer's box", () => {
    expect(initialBounds([info('sites', [80, 40, 81, 41]), info('regions', [73, 34, 96, 49])])).toEqual([
      73, 34, 96, 49,
    ]);
  });

  it('falls back to the union of the other boxes', () => {
    expect(
      initialBounds([
        info('regions', null),
        info('sites', [80, 40, 81, 41]),
        info('lines', [79, 41, 82, 42]),
      ]),
    ).toEqual([79, 40, 82, 42]);
  });

  it('falls back to Xinjiang when no layer has data', () => {
    expect(initialBounds([info('regions', null)])).toEqual(XINJIANG_BBOX);
    expect(initialBounds([])).toEqual(XINJIANG_BBOX);
  });
});
