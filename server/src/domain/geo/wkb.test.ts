import { describe, expect, it } from 'vitest';
import { envelopeOf, toWkb } from './wkb';

describe('WKB', () => {
  it('writes a point as 21 little-endian bytes', () => {
    expect(toWkb({ type: 'Point', coordinates: [1, 2] }).toString('hex')).toBe(
      '0101000000000000000000f03f0000000000000040',
    );
  });
  it('writes a polygon with its ring and counts', () => {
    const wkb = toWkb({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    });
    expect(wkb.length).toBe(1 + 4 + 4 + 4 + 4 * 16);
    expect(wkb.readUInt32LE(1)).toBe(3);
  });
  it('finds the envelope of nested coordinates', () => {
    const multi = {
      type: 'MultiLineString',
      coordinates: [
        [
          [3, 4],
          [5, -1],
        ],
        [
          [-2, 7],
          [0, 0],
        ],
      ],
    } as const;
    expect(envelopeOf(multi as never)).toEqual([-2, -1, 5, 7]);
  });
});
