import type { Fields } from './fields';
import type { GeometryOf } from './import-geometry';
import { LINE_FIELDS, type LineImport } from './line-rows';
import { PYLON_FIELDS, type PylonImport } from './pylon-rows';
import { REGION_FIELDS, type RegionImport } from './region-rows';
import { SITE_FIELDS, type SiteImport } from './site-rows';
import { SUBSTATION_FIELDS, type SubstationImport } from './substation-rows';

import { IMPORT_LAYERS, type ImportLayer } from '@gridwatch/contract';

export { IMPORT_LAYERS, type ImportLayer };

/** Each layer's properties and the kind of geometry its rows carry. */
interface LayerTypes {
  sites: [SiteImport, 'point'];
  substations: [SubstationImport, 'point'];
  lines: [LineImport, 'line'];
  pylons: [PylonImport, 'point'];
  regions: [RegionImport, 'area'];
}

export type ImportProperties<L extends ImportLayer> = LayerTypes[L][0];
export type ImportGeometry<L extends ImportLayer> = GeometryOf[LayerTypes[L][1]];

/** One row of an import, checked and in WGS 84: what the store writes and compares with what it holds. */
export interface ImportRecord<L extends ImportLayer = ImportLayer> {
  properties: ImportProperties<L>;
  geometry: ImportGeometry<L>;
}

export interface LayerRules<L extends ImportLayer> {
  kind: LayerTypes[L][1];
  fields: Fields<ImportProperties<L>>;
}

export const IMPORT_RULES: { [L in ImportLayer]: LayerRules<L> } = {
  sites: { kind: 'point', fields: SITE_FIELDS },
  substations: { kind: 'point', fields: SUBSTATION_FIELDS },
  lines: { kind: 'line', fields: LINE_FIELDS },
  pylons: { kind: 'point', fields: PYLON_FIELDS },
  regions: { kind: 'area', fields: REGION_FIELDS },
};

export function isImportLayer(value: string): value is ImportLayer {
  return (IMPORT_LAYERS as readonly string[]).includes(value);
}

/** A property of a record by name, for the code that walks a layer's fields generically. */
export function propertyOf(record: ImportRecord, name: string): unknown {
  return (record.properties as unknown as Readonly<Record<string, unknown>>)[name];
}
