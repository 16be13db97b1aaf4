import { describe, expect, it } from 'vitest';
import {
  Color,
  createExpression,
  validateStyleMin,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type {
  CircleLayerSpecification,
  LayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { STATUSES, type Status } from '@gridwatch/contract';
import { PYLON_MIN_ZOOM } from '../map-layers';
import { STATUS_COLORS, STATUS_ENTRIES, statusStroke, VOLTAGE_CLASSES, voltageClass } from '../palette';
import { buildStyle, orderLayers, THEMES, Z_ORDER } from './index';
import { tileUrl } from './sources';

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

describe('the site clusters of the vector tiles', () => {
  const sites = () => layer<CircleLayerSpecification>('sites').paint ?? {};
  /** A cluster's properties as the server's tile SQL writes them: every status present, most at 0. */
  const cluster = (parts: Partial<Record<Status, [count: number, loadMw: number]>>) => {
    const props: Record<string, unknown> = { cluster: true };
    let total = { count: 0, loadMw: 0 };
    for (const status of STATUSES) {
      const [count, loadMw] = parts[status] ?? [0, 0];
      Object.assign(props, { [`count_${status}`]: count, [`loadMw_${status}`]: loadMw });
      total = { count: total.count + count, loadMw: total.loadMw + loadMw };
    }
    return { ...props, ...total };
  };
  const color = (props: Record<string, unknown>) => evaluate(sites()['circle-color'], 'color', props, 5);

  it('are coloured by the status with the most load, not the most sites', () => {
    const props = cluster({ LICENSED: [5, 10], UNLICENSED: [1, 40] });
    expect(color(props)).toBe(css(STATUS_COLORS.UNLICENSED));
    expect(evaluate(sites()['circle-stroke-width'], 'number', props, 5)).toBe(
      statusStroke('UNLICENSED').width,
    );
  });

  it('fall back to the most frequent status when no site has a recorded load', () => {
    expect(color(cluster({ LICENSED: [1, 0], SUSPECTED: [3, 0] }))).toBe(css(STATUS_COLORS.SUSPECTED));
  });

  it('take the first status in domain order on a tie', () => {
    expect(color(cluster({ NO_CONTRACT: [1, 5], UNLICENSED: [1, 5] }))).toBe(css(STATUS_COLORS.NO_CONTRACT));
  });

  it('grow with the summed load, on their own scale', () => {
    const r = (mw: number) =>
      evaluate(sites()['circle-radius'], 'number', cluster({ UNLICENSED: [3, mw] }), 5) as number;
    expect(r(400)).toBeGreaterThan(r(50));
    expect(r(50)).toBeGreaterThan(r(5));
  });

  it('are numbered when they hold more than one site, and never named', () => {
    const count = layer<SymbolLayerSpecification>('sites-cluster-count');
    const label = layer<SymbolLayerSpecification>('sites-label');
    expect(count.filter).toEqual(['all', ['has', 'cluster'], ['>', ['to-number', ['get', 'count'], 0], 1]]);
    expect(label.filter).toEqual(['!', ['has', 'cluster']]);
  });
});

describe('the tiled sources', () => {
  it('have absolute URL templates whose placeholders survive URL parsing', () => {
    expect(tileUrl('http://127.0.0.1:3100/some/page?x=1', 'sites')).toBe(
      'http://127.0.0.1:3100/api/tiles/sites/{z}/{x}/{y}.mvt',
    );
    expect(style.sources.pylons).toMatchObject({
      type: 'vector',
      tiles: ['http://127.0.0.1:3100/api/tiles/pylons/{z}/{x}/{y}.mvt'],
      minzoom: PYLON_MIN_ZOOM,
    });
    expect(layer<CircleLayerSpecification>('pylons')['source-layer']).toBe('pylons');
  });

  it('carry the version in v, so that tiles from before a write are not reused', () => {
    expect(tileUrl('http://127.0.0.1:3100/', 'sites', 3)).toBe(
      'http://127.0.0.1:3100/api/tiles/sites/{z}/{x}/{y}.mvt?v=3',
    );
  });

  it('carry the filters, which the tile route reads like the layer route', () => {
    expect(tileUrl('http://127.0.0.1:3100/', 'sites', 2, { status: ['UNLICENSED'], minLoadMw: 5 })).toBe(
      'http://127.0.0.1:3100/api/tiles/sites/{z}/{x}/{y}.mvt?status=UNLICENSED&minLoadMw=5&v=2',
    );
  });
});
