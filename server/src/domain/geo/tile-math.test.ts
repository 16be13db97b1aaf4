import { describe, expect, it } from 'vitest';
import {
  lonLatToTilePixel,
  MAX_MERCATOR_LAT,
  parseTileCoord,
  TILE_BUFFER,
  tileBounds,
  tileOf,
} from './tile-math';

describe('parseTileCoord', () => {
  it('accepts every tile of a zoom, corners included', () => {
    expect(parseTileCoord('0', '0', '0')).toEqual({ ok: true, value: { z: 0, x: 0, y: 0 } });
    expect(parseTileCoord('8', '255', '0')).toEqual({ ok: true, value: { z: 8, x: 255, y: 0 } });
    expect(parseTileCoord('22', '4194303', '4194303')).toMatchObject({ ok: true });
  });

  it.each([
    ['z above 22', ['23', '0', '0'], 'z', /0 to 22/],
    ['z negative', ['-1', '0', '0'], 'z', /"-1"/],
    ['z fractional', ['1.5', '0', '0'], 'z', /whole number/],
    ['z with an exponent', ['1e1', '0', '0'], 'z', /whole number/],
    ['z empty', ['', '0', '0'], 'z', /whole number/],
    ['x = 2^z', ['3', '8', '0'], 'x', /0 to 7 at zoom 3/],
    ['x negative', ['3', '-1', '0'], 'x', /0 to 7/],
    ['x in hex', ['3', '0x1', '0'], 'x', /whole number/],
    ['y = 2^z', ['3', '0', '8'], 'y', /0 to 7 at zoom 3/],
    ['y not a number', ['3', '0', 'abc'], 'y', /"abc"/],
    ['y beyond any integer range', ['22', '0', '99999999999'], 'y', /whole number/],
  ] as const)('refuses %s, naming the parameter', (_name, [z, x, y], param, reason) => {
    const parsed = parseTileCoord(z, x, y);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.param).toBe(param);
    expect(parsed.reason).toMatch(reason);
  });
});

describe('tile bounds and pixels', () => {
  it('zoom 0 covers the Web Mercator world', () => {
    const [w, s, e, n] = tileBounds({ z: 0, x: 0, y: 0 });
    expect([w, e]).toEqual([-180, 180]);
    expect(s).toBeCloseTo(-MAX_MERCATOR_LAT, 9);
    expect(n).toBeCloseTo(MAX_MERCATOR_LAT, 9);
  });

  it('puts the corners of a tile at 0 and 4096, and the buffered corners at -64 and 4160', () => {
    const tile = { z: 8, x: 190, y: 94 };
    const [w, s, e, n] = tileBounds(tile);
    const nw = lonLatToTilePixel(w, n, tile);
    const se = lonLatToTilePixel(e, s, tile);
    expect(nw[0]).toBeCloseTo(0, 6);
    expect(nw[1]).toBeCloseTo(0, 6);
    expect(se[0]).toBeCloseTo(4096, 6);
    expect(se[1]).toBeCloseTo(4096, 6);
    const [bw, bs, be, bn] = tileBounds(tile, TILE_BUFFER);
    expect(lonLatToTilePixel(bw, bn, tile)[0]).toBeCloseTo(-64, 6);
    expect(lonLatToTilePixel(bw, bn, tile)[1]).toBeCloseTo(-64, 6);
    expect(lonLatToTilePixel(be, bs, tile)[0]).toBeCloseTo(4160, 6);
    expect(lonLatToTilePixel(be, bs, tile)[1]).toBeCloseTo(4160, 6);
  });

  it('finds the tile of Urumqi at zoom 8 and puts it inside that tile', () => {
    const tile = tileOf(87.6, 43.8, 8);
    expect(tile).toEqual({ z: 8, x: 190, y: 93 });
    const [px, py] = lonLatToTilePixel(87.6, 43.8, tile);
    expect(px).toBeGreaterThanOrEqual(0);
    expect(px).toBeLessThan(4096);
    expect(py).toBeGreaterThanOrEqual(0);
    expect(py).toBeLessThan(4096);
  });

  it('gives a point on a tile edge to the tile east of it, and y grows southwards', () => {
    expect(tileOf(0, 0, 1)).toEqual({ z: 1, x: 1, y: 1 });
    expect(tileOf(-0.0001, 0.0001, 1)).toEqual({ z: 1, x: 0, y: 0 });
    expect(tileOf(180, -90, 2)).toEqual({ z: 2, x: 3, y: 3 });
  });

  it('holds latitudes beyond Web Mercator at its edge', () => {
    expect(lonLatToTilePixel(0, 90, { z: 0, x: 0, y: 0 })[1]).toBeCloseTo(0, 6);
    expect(lonLatToTilePixel(0, -90, { z: 0, x: 0, y: 0 })[1]).toBeCloseTo(4096, 6);
  });
});
