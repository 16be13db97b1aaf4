/** Typed helpers that build the style's expressions from the palette, so each rule is written once. */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { STATUSES, type Status } from '../status';
import { VOLTAGE_CLASSES, type VoltageClass } from './palette';

/** `['match', status, …]` with one arm per status; `status` is the feature's own unless another is given. */
export function byStatus<T extends string | number>(
  value: (status: Status) => T,
  fallback: T,
  status: ExpressionSpecification = ['get', 'status'],
): ExpressionSpecification {
  const [first, ...rest] = STATUSES;
  const arms = rest.flatMap((s) => [s, value(s)]);
  return ['match', status, first, value(first), ...arms, fallback];
}

/** `['interpolate', ['linear'], input, …]` over [input, output] stops, each output multiplied by `scale`. */
export function byStops(
  input: ExpressionSpecification,
  stops: readonly (readonly [number, number])[],
  scale = 1,
): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    input,
    ...stops.flatMap(([x, y]) => [x, y * scale]),
  ] as ExpressionSpecification;
}

/** `['step', ['get', 'voltageKv'], …]` over the voltage classes, lowest class as the base. */
export function byVoltage(value: (c: VoltageClass) => string | number): ExpressionSpecification {
  const ascending = [...VOLTAGE_CLASSES].sort((a, b) => a.minKv - b.minKv);
  const [lowest, ...higher] = ascending;
  if (!lowest) throw new Error('VOLTAGE_CLASSES is empty');
  const stops = higher.flatMap((c) => [c.minKv, value(c)]);
  return ['step', ['to-number', ['get', 'voltageKv'], 0], value(lowest), ...stops] as ExpressionSpecification;
}

/** Linear interpolation over zoom: `stops` are [zoom, value] pairs, ascending. */
export function byZoom(
  stops: readonly (readonly [number, number | ExpressionSpecification])[],
): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as ExpressionSpecification;
}

/** The feature's name in the map's language (global state `lang`), falling back to the other one. */
export const localName: ExpressionSpecification = [
  'case',
  ['==', ['global-state', 'lang'], 'zh'],
  ['coalesce', ['get', 'nameZh'], ['get', 'name']],
  ['coalesce', ['get', 'name'], ['get', 'nameZh']],
];
