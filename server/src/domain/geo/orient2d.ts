/**
 * The orientation of c relative to the directed line a→b, exactly: positive when a, b, c turn counter-clockwise
 * (c lies left of a→b), negative when clockwise, 0 only when the three points are exactly collinear.
 *
 * Boundary tests ("a point on an edge is inside") need the exact 0; a plain floating-point determinant says
 * "slightly left" or "slightly right" for points that are on the line. Shewchuk's error bound decides most
 * cases in floating point; the rest are computed exactly on integers.
 */
export function orient2d(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const detLeft = (ax - cx) * (by - cy);
  const detRight = (ay - cy) * (bx - cx);
  const det = detLeft - detRight;
  if (Math.abs(det) > ERROR_BOUND * (Math.abs(detLeft) + Math.abs(detRight))) return det;
  const [eax, eay, ebx, eby, ecx, ecy] = [ax, ay, bx, by, cx, cy].map(exactScaled) as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  const exact = (eax - ecx) * (eby - ecy) - (eay - ecy) * (ebx - ecx);
  return exact > 0n ? 1 : exact < 0n ? -1 : 0;
}

/** Shewchuk's ccwerrboundA: (3 + 16ε)ε with ε = 2⁻⁵³, the relative error of the floating-point determinant. */
const EPSILON = Number.EPSILON / 2;
const ERROR_BOUND = (3 + 16 * EPSILON) * EPSILON;

const view = new DataView(new ArrayBuffer(8));

/**
 * x · 2¹⁰⁷⁴ as an exact integer. Every finite double is an integer multiple of 2⁻¹⁰⁷⁴ (the smallest subnormal),
 * so one common scale turns all coordinates into integers without changing the sign of the determinant.
 */
function exactScaled(x: number): bigint {
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biasedExponent = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  // Subnormals have no implicit leading bit and the same scale as the smallest normal exponent.
  const magnitude = biasedExponent === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(biasedExponent - 1);
  return high >>> 31 ? -magnitude : magnitude;
}
