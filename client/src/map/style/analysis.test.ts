import { describe, expect, it } from 'vitest';
import { Color, createExpression, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { REGION_LOAD_CLASSES, regionLoadClass, unexplainedRadiusPx } from '../analysis-scales';
import { UNEXPLAINED_STYLE } from '../palette';
import { REGION_LOAD_STATE, regionLoadColor, unexplainedRadius } from '@gridwatch/contract';

/** Evaluates a paint value as MapLibre would, for one feature with its properties and feature state. */
function evaluate(
  value: unknown,
  type: 'color' | 'number',
  properties: Record<string, unknown>,
  state: Record<string, unknown> = {},
) {
  const spec = {
    type,
    'property-type': 'data-driven',
    expression: { interpolated: true, parameters: ['zoom', 'feature', 'feature-state'] },
  } as unknown as StylePropertySpecification;
  const parsed = createExpression(value, 'paint', spec);
  if (parsed.result !== 'success') throw new Error(parsed.value.map((e) => e.message).join('; '));
  const result: unknown = parsed.value.evaluate(
    { zoom: 6 },
    { type: 1, properties, geometry: [] } as never,
    state,
  );
  return result instanceof Color ? result.toString() : result;
}

const css = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},1)`;
};

describe('the choropleth and its legend agree', () => {
  const color = (mw: number | undefined) =>
    evaluate(regionLoadColor, 'color', {}, mw === undefined ? {} : { [REGION_LOAD_STATE]: mw });

  it('on the class of every value, at and around the breaks', () => {
    for (const mw of [0, 0.001, 2.678, 4.999, 5, 12.668, 19.999, 20, 28.749, 99.999, 100, 485.059]) {
      const expected = REGION_LOAD_CLASSES[regionLoadClass(mw)]?.color ?? '';
      expect(color(mw), `${mw} MW`).toBe(css(expected));
    }
  });

  it('leaves a region without a value uncoloured', () => {
    expect(color(undefined)).toBe('rgba(0,0,0,0)');
  });
});

describe('the unexplained-load circles and their legend agree', () => {
  it('on the radius of each reference size', () => {
    for (const mw of [...UNEXPLAINED_STYLE.legendMw, 137.058, 0]) {
      expect(evaluate(unexplainedRadius, 'number', { unexplainedMw: mw })).toBeCloseTo(
        unexplainedRadiusPx(mw),
        10,
      );
    }
  });
});
