/**
 * Rows of each layer as both stores select them (camelCase columns, geometry as GeoJSON text), and the one
 * mapping from a row to the Feature that the API serves. Backend-neutral: no SQL here.
 */
import type { Geometry } from 'geojson';
import { SITE_COLUMNS, type LayerId, type SiteProperties } from '@gridwatch/contract';
import { readServed } from './columns/read-column';
import { bool, int, intOrNull, num, numOrNull, pointOf, str, strOrNull, type Row } from './row-values';
import type { LayerFeature } from './store';

const parsed = (text: unknown): Geometry => JSON.parse(str(text)) as Geometry;

function feature<L extends LayerId>(row: Row, geometry: Geometry, properties: LayerFeature<L>['properties']) {
  return { type: 'Feature', id: int(row.id), geometry, properties } as LayerFeature<L>;
}

export const rowToFeature: { [L in LayerId]: (row: Row) => LayerFeature<L> } = {
  regions: (r) =>
    feature<'regions'>(r, parsed(r.geometry), {
      externalId: str(r.externalId),
      code: str(r.code),
      name: str(r.name),
      nameZh: str(r.nameZh),
      level: str(r.level),
      synthetic: bool(r.synthetic),
    }),
  substations: (r) =>
    feature<'substations'>(r, pointOf(r), {
      externalId: str(r.externalId),
      name: str(r.name),
      nameZh: str(r.nameZh),
      voltageKv: num(r.voltageKv),
      capacityMva: num(r.capacityMva),
      utilityId: intOrNull(r.utilityId),
      utilityName: strOrNull(r.utilityName),
      utilityNameZh: strOrNull(r.utilityNameZh),
      baseLoadMw: numOrNull(r.baseLoadMw),
      meteredPeakMw: numOrNull(r.meteredPeakMw),
      synthetic: bool(r.synthetic),
    }),
  lines: (r) =>
    feature<'lines'>(r, parsed(r.geometry), {
      externalId: str(r.externalId),
      name: str(r.name),
      nameZh: str(r.nameZh),
      voltageKv: num(r.voltageKv),
      fromSubstationId: intOrNull(r.fromSubstationId),
      toSubstationId: intOrNull(r.toSubstationId),
      synthetic: bool(r.synthetic),
    }),
  pylons: (r) =>
    feature<'pylons'>(r, pointOf(r), {
      externalId: str(r.externalId),
      lineId: int(r.lineId),
      seq: int(r.seq),
      synthetic: bool(r.synthetic),
    }),
  sites: (r) => feature<'sites'>(r, pointOf(r), readServed(SITE_COLUMNS, r) as SiteProperties),
  zones: (r) =>
    feature<'zones'>(r, parsed(r.geometry), {
      name: str(r.name),
      team: strOrNull(r.team),
      state: str(r.state),
      dueDate: strOrNull(r.dueDate),
      notes: strOrNull(r.notes),
      version: int(r.version),
    }),
};
