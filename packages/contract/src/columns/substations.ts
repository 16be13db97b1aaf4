import { Type } from 'typebox';
import { column, optionalText, REQUIRED_TEXT, type ColumnTable } from './column';

/** The columns of `substations` (see sites.ts); the utility's names come from the layer's join `u`. */
export const SUBSTATION_COLUMNS = {
  externalId: column({ sql: 'external_id', schema: Type.String(), imported: REQUIRED_TEXT }),
  name: column({ sql: 'name', schema: Type.String(), imported: REQUIRED_TEXT }),
  nameZh: column({ sql: 'name_zh', schema: Type.String(), imported: optionalText('') }),
  voltageKv: column({
    sql: 'voltage_kv',
    schema: Type.Number(),
    imported: { check: { type: 'number', min: 0, exclusive: true }, required: true },
  }),
  capacityMva: column({
    sql: 'capacity_mva',
    schema: Type.Number(),
    imported: { check: { type: 'number', min: 0 }, required: true },
  }),
  utilityId: column({
    sql: 'utility_id',
    schema: Type.Union([Type.Integer(), Type.Null()]),
    imported: optionalText(null),
    reference: { table: 'utilities', name: 'utilityExternalId' },
  }),
  // Read from the utility the layer joins as `u`.
  utilityName: column({
    sql: 'name',
    joined: 'u',
    schema: Type.Union([Type.String(), Type.Null()]),
    seeded: false,
  }),
  utilityNameZh: column({
    sql: 'name_zh',
    joined: 'u',
    schema: Type.Union([Type.String(), Type.Null()]),
    seeded: false,
  }),
  baseLoadMw: column({
    sql: 'base_load_mw',
    schema: Type.Union([Type.Number(), Type.Null()]),
    imported: { check: { type: 'number', min: 0 }, required: false, absent: null },
  }),
  meteredPeakMw: column({
    sql: 'metered_peak_mw',
    schema: Type.Union([Type.Number(), Type.Null()]),
    imported: { check: { type: 'number', min: 0 }, required: false, absent: null },
  }),
  synthetic: column({ sql: 'synthetic', schema: Type.Boolean() }),
} as const satisfies ColumnTable;
