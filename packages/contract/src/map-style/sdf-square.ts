/**
 * A filled square encoded as a signed distance field, for the substation symbol. As an SDF icon it can
 * be tinted by voltage (`icon-color`) and outlined (`icon-halo-*`) without a sprite sheet.
 */
export interface SdfImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** MapLibre's SDF encoding (that of TinySDF): the edge sits at alpha 191, 8 px of distance per 255/4. */
const CUTOFF = 0.25;
const RADIUS_CSS_PX = 8;

/** `side` and `buffer` in CSS pixels; the image is drawn at `pixelRatio`. */
export function sdfSquare(side: number, buffer: number, pixelRatio: number): SdfImage {
  const size = Math.round((side + 2 * buffer) * pixelRatio);
  const half = (side * pixelRatio) / 2;
  const radius = RADIUS_CSS_PX * pixelRatio;
  const centre = size / 2;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = Math.abs(x + 0.5 - centre) - half;
      const dy = Math.abs(y + 0.5 - centre) - half;
      // Signed distance to the square's edge: positive outside, negative inside.
      const distance = Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0);
      data[(y * size + x) * 4 + 3] = 255 - 255 * (distance / radius + CUTOFF);
    }
  }
  return { width: size, height: size, data };
}
