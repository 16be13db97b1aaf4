import { describe, expect, it } from 'vitest';
import { bboxOfCoordinates, parseBbox } from './bbox';

describe('parseBbox', () => {
  it('accepts four finite numbers in order', () => {
    expect(parseBbox('86,43,88.5,44.2')).toEqual({ ok: true, value: [86, 43, 88.5, 44.2] });
  });
  it.each([
    ['three numbers', '86,43,88', /4 numbers/],
    ['five numbers', '86,43,88,44,1', /4 numbers/],
    ['NaN', '86,NaN,88,44', /minLat "NaN"/],
    ['Infinity', '86,43,Infinity,44', /maxLon/],
    ['1e999', '86,43,1e999,44', /maxLon/],
    ['an empty part', '86,,88,44', /minLat/],
    ['words', 'a,b,c,d', /minLon "a"/],
    ['min > max in lon', '88,43,86,44', /minLon 88 is greater than maxLon 86/],
    ['min > max in lat', '86,45,88,44', /minLat 45 is greater than maxLat 44/],
    ['lon out of range', '-181,43,88,44', /minLon -181 is outside/],
    ['lat out of range', '86,43,88,91', /maxLat 91 is outside/],
  ])('refuses %s', (_name, text, reason) => {
    const parsed = parseBbox(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe('bboxOfCoordinates', () => {
  it('covers every position of a nested MultiPolygon', () => {
    const multi = [
      [
        [
          [80, 40],
          [81, 40],
          [81, 42],
          [80, 40],
        ],
      ],
      [
        [
          [75, 39],
          [76, 39],
          [76, 38.5],
          [75, 39],
        ],
      ],
    ];
    expect(bboxOfCoordinates(multi)).toEqual([75, 38.5, 81, 42]);
  });
  it('is the point itself for a position', () => {
    expect(bboxOfCoordinates([87.6, 43.8])).toEqual([87.6, 43.8, 87.6, 43.8]);
  });
});
