import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { STATUSES, type Status } from '../status';

/**
 * Expressions for the site clusters of the vector tiles (server/src/store/sql/tile-sql.ts): below zoom 8, and in
 * any tile with too many points, a feature is a grid cell with `cluster: true`, `count`, `loadMw`, and
 * `count_<STATUS>` / `loadMw_<STATUS>` for every status.
 */
export const isCluster: ExpressionSpecification = ['has', 'cluster'];

const numberOf = (property: string): ExpressionSpecification => ['to-number', ['get', property], 0];

/**
 * A status's weight in a cluster: its load, plus a millionth of a MW per site so that a cluster whose sites have
 * no recorded load is still coloured by its most frequent status rather than by the first in the list.
 */
const weight = (status: Status): ExpressionSpecification => [
  '+',
  numberOf(`loadMw_${status}`),
  ['*', numberOf(`count_${status}`), 1e-6],
];

/** The status with the most load in the cluster (the first in domain order on a tie). */
export function dominantStatus(): ExpressionSpecification {
  const heaviest: ExpressionSpecification = ['max', ...STATUSES.map(weight)] as ExpressionSpecification;
  const arms = STATUSES.flatMap((status) => [['>=', weight(status), heaviest], status]);
  return ['case', ...arms, STATUSES[0]] as ExpressionSpecification;
}

/** The status a site is drawn with: its own, or for a cluster the dominant one. */
export function drawnStatus(): ExpressionSpecification {
  return ['case', isCluster, dominantStatus(), ['get', 'status']] as ExpressionSpecification;
}
