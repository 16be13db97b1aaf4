/** Typed helpers that build the style's expressions from the palette, so each rule is written once. */
import type { ExpressionSpecification } from 'maplibre-gl';
import { STATUSES, type Status } from '../../../../server/src/domain/status';
import { VOLTAGE_CLASSES, type VoltageClass } from '../palette';

/** `['match', ['get', 'status'], …]` with one arm per status. */
export function byStatus<T extends string | number>(
  value: (status: Status) => T,
  fallback: T,
): ExpressionSpecification {
  const [first, ...rest] = STATUSES;
  const arms = rest.flatMap((status) => [status, value(status)]);
  return ['match', ['get', 'status'], first, value(first), ...arms, fallback];
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
