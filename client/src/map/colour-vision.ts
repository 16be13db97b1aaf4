/**
 * Colour-vision deficiency simulation, to check that the status palette stays apart for the planners who see
 * colour differently. Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of
 * Color Vision Deficiency", severity 1.0 matrices, applied to linear sRGB; distances are CIE76 ΔE in CIELAB (D65).
 */
export const DEFICIENCIES = ['protanopia', 'deuteranopia', 'tritanopia'] as const;
export type Deficiency = (typeof DEFICIENCIES)[number];

type Matrix = readonly [readonly number[], readonly number[], readonly number[]];
type Rgb = [number, number, number];

export const MACHADO_2009: Readonly<Record<Deficiency, Matrix>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** '#rrggbb' as linear sRGB, 0..1. */
export function linearRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => toLinear(c / 255)) as Rgb;
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));

export function simulate(rgb: Rgb, deficiency: Deficiency): Rgb {
  return MACHADO_2009[deficiency].map((row) =>
    clamp(row[0]! * rgb[0] + row[1]! * rgb[1] + row[2]! * rgb[2]),
  ) as Rgb;
}

/** CIELAB under D65 of a linear sRGB colour. */
export function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

export function deltaE(a: Rgb, b: Rgb): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

export interface PairDistance {
  a: string;
  b: string;
  /** ΔE with normal vision, then under each deficiency. */
  normal: number;
  simulated: Record<Deficiency, number>;
}

/** Every pair of a palette's colours, closest under any deficiency first. */
export function pairDistances(palette: Readonly<Record<string, string>>): PairDistance[] {
  const names = Object.keys(palette);
  const pairs = names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b] as const));
  const worst = (p: PairDistance) => Math.min(...Object.values(p.simulated));
  return pairs
    .map(([a, b]) => {
      const [ca, cb] = [linearRgb(palette[a]!), linearRgb(palette[b]!)];
      const simulated = Object.fromEntries(
        DEFICIENCIES.map((d) => [d, deltaE(simulate(ca, d), simulate(cb, d))]),
      ) as Record<Deficiency, number>;
      return { a, b, normal: deltaE(ca, cb), simulated };
    })
    .sort((p, q) => worst(p) - worst(q));
}
