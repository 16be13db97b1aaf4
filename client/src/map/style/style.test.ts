import { describe, expect, it } from 'vitest';
import {
  Color,
  createExpression,
  validateStyleMin,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { CircleLayerSpecification, LayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { STATUS_ENTRIES, VOLTAGE_CLASSES, voltageClass } from '../palette';
import { buildStyle, orderLayers, THEMES } from './index';
import { Z_ORDER } from './z-order';

const style = buildStyle('http://127.0.0.1:3100');
const layer = <T extends LayerSpecification>(id: string) => style.layers.find((l) => l.id === id) as T;

/** Evaluates a paint value as MapLibre would, for one feature at one zoom. */
function evaluate(value: unknown, type: 'color' | 'number', properties: Record<string, unknown>, zoom = 6) {
  const spec = {
    type,
    'property-type': 'data-driven',
    expression: { interpolated: true, parameters: ['zoom', 'feature'] },
  } as unknown as StylePropertySpecification;
  const parsed = createExpression(value, 'paint', spec);
  if (parsed.result !== 'success') throw new Error(parsed.value.map((e) => e.message).join('; '));
  const result: unknown = parsed.value.evaluate({ zoom }, { type: 1, properties, geometry: [] } as never);
  return result instanceof Color ? result.toString() : result;
}

const css = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},1)`;
};

describe('the style', () => {
  it('is valid MapLibre style JSON', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('stacks the layers exactly as Z_ORDER says', () => {
    expect(style.layers.map((l) => l.id)).toEqual([...Z_ORDER]);
  });

  it('refuses a layer that Z_ORDER does not list', () => {
    const stray: LayerSpecification = { id: 'stray', type: 'background' };
    expect(() => orderLayers([...style.layers, stray])).toThrow(/stray/);
  });

  it('gives each API layer a theme with its own source', () => {
    for (const [source, layers] of Object.entries(THEMES)) {
      for (const l of layers) expect('source' in l && l.source).toBe(source);
    }
  });
});

describe('the legend and the map agree', () => {
  it('on the colour and outline of every status', () => {
    const sites = layer<CircleLayerSpecification>('sites').paint ?? {};
    for (const entry of STATUS_ENTRIES) {
      const props = { status: entry.status, loadMw: 10 };
      expect(evaluate(sites['circle-color'], 'color', props)).toBe(css(entry.color));
      expect(evaluate(sites['circle-stroke-color'], 'color', props)).toBe(css(entry.stroke.color));
      expect(evaluate(sites['circle-stroke-width'], 'number', props)).toBe(entry.stroke.width);
    }
  });

  it('on the colour of every voltage class, and of the voltages in between', () => {
    const lines = layer<LineLayerSpecification>('lines').paint ?? {};
    for (const kv of [...VOLTAGE_CLASSES.map((c) => c.kv), 35, 330, 500, 1000]) {
      expect(evaluate(lines['line-color'], 'color', { voltageKv: kv })).toBe(css(voltageClass(kv).color));
    }
  });

  it('draws a bigger site for a bigger load', () => {
    const radius = layer<CircleLayerSpecification>('sites').paint?.['circle-radius'];
    const r = (loadMw: number) => evaluate(radius, 'number', { status: 'LICENSED', loadMw }) as number;
    expect(r(100)).toBeGreaterThan(r(20));
    expect(r(20)).toBeGreaterThan(r(2));
  });
});
