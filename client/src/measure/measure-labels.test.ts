import { describe, expect, it } from 'vitest';
import { measureLabels } from './measure-labels';
import { measureShape } from './measure-shape';

const line = (...coordinates: [number, number][]) => ({ type: 'LineString' as const, coordinates });

describe('the labels written on the map while measuring', () => {
  it("gives a line of two segments each segment's length at its middle and the total at its end", () => {
    const shape = line([87, 43], [87, 44], [88, 44]);
    const labels = measureLabels(shape, 'en');
    expect(labels.map((l) => [l.kind, l.text])).toEqual([
      ['segment', '111.2 km'],
      ['segment', '79.99 km'],
      ['total', '191.18 km'],
    ]);
    // The middle of a meridian segment as the map draws it (Web Mercator): a little north of 43.5°.
    expect(labels[0]!.at[0]).toBe(87);
    expect(labels[0]!.at[1]).toBeGreaterThan(43.5);
    expect(labels[0]!.at[1]).toBeLessThan(43.51);
    expect(labels[1]!.at[0]).toBe(87.5);
    expect(labels[1]!.at[1]).toBeCloseTo(44, 9);
    expect(labels[2]!.at).toEqual([88, 44]);
    // The total is the tools panel's figure.
    expect(measureShape(shape, 'en')).toBe('191.18 km');
  });

  it('writes one segment as its total only, and ignores the repeated point under the pointer', () => {
    expect(measureLabels(line([87, 43], [87, 43.01], [87, 43.01]), 'zh')).toEqual([
      { kind: 'total', at: [87, 43.01], text: '1.11 km' },
    ]);
    expect(measureLabels(line([87, 43], [87, 43]), 'en')).toEqual([]);
  });

  it("puts a polygon's area inside it, at its centroid", () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [87.6, 43.8],
          [87.61, 43.8],
          [87.61, 43.81],
          [87.6, 43.81],
          [87.6, 43.8],
        ],
      ],
    };
    const [label, ...rest] = measureLabels(square, 'en');
    expect(rest).toEqual([]);
    expect(label!.kind).toBe('area');
    expect(label!.text).toBe('89.2 ha');
    expect(label!.at[0]).toBeCloseTo(87.605, 6);
    expect(label!.at[1]).toBeCloseTo(43.805, 3);
  });

  it('writes nothing for a polygon of two points, or no shape', () => {
    const open = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [87, 43],
          [87.1, 43],
          [87, 43],
        ],
      ],
    };
    expect(measureLabels(open, 'en')).toEqual([]);
    expect(measureLabels(null, 'en')).toEqual([]);
  });
});
