import { describe, expect, it } from 'vitest';
import { sdfSquare } from './sdf-square';

const alphaAt = (image: ReturnType<typeof sdfSquare>, x: number, y: number) =>
  image.data[(y * image.width + x) * 4 + 3];

describe('sdfSquare', () => {
  it('is opaque inside, at the edge value on the edge and clear far outside', () => {
    const image = sdfSquare(16, 4, 2);
    expect(image.width).toBe(48);
    expect(image.data).toHaveLength(48 * 48 * 4);
    expect(alphaAt(image, 24, 24)).toBe(255);
    // The square spans pixels 8..39; the left edge lies between pixels 7 and 8.
    expect(alphaAt(image, 8, 24)).toBeGreaterThan(191);
    expect(alphaAt(image, 7, 24)).toBeLessThan(191);
    expect(alphaAt(image, 0, 0)).toBeLessThan(100);
  });
});
