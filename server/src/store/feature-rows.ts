/**
 * Rows of each layer as both stores select them (LAYER_SQL: camelCase columns, geometry as GeoJSON text), and
 * the one mapping from a row to the Feature that the API serves. Backend-neutral: no SQL here.
 */
import type { Geometry } from 'geojson';
import { LAYER_COLUMNS, type LayerId } from '@gridwatch/contract';
import { readServed } from './columns/read-column';
import { int, pointOf, str, type Row } from './row-values';
import type { LayerFeature } from './ports/layers';

const POINT_LAYERS: ReadonlySet<LayerId> = new Set(['substations', 'pylons', 'sites']);

function toFeature<L extends LayerId>(layer: L): (row: Row) => LayerFeature<L> {
  const geometryOf = POINT_LAYERS.has(layer)
    ? pointOf
    : (row: Row) => JSON.parse(str(row.geometry)) as Geometry;
  return (row) =>
    ({
      type: 'Feature',
      id: int(row.id),
      geometry: geometryOf(row),
      properties: readServed(LAYER_COLUMNS[layer], row),
    }) as LayerFeature<L>;
}

export const rowToFeature: { [L in LayerId]: (row: Row) => LayerFeature<L> } = {
  regions: toFeature('regions'),
  substations: toFeature('substations'),
  lines: toFeature('lines'),
  pylons: toFeature('pylons'),
  sites: toFeature('sites'),
  zones: toFeature('zones'),
};
