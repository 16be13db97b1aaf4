import { Type } from 'typebox';
import { column, UTILITY_NAME_COLUMNS, optionalText, REQUIRED_TEXT, type ColumnTable } from './column';

/**
 * A voltage in kV, of a substation or a line: the highest in service are 1,000 kV AC and ±1,100 kV DC
 * (Changji–Guquan, which leaves Xinjiang); 1,200 kV refuses a voltage typed in V.
 */
export const MAX_VOLTAGE_KV = 1_200;
/**
 * A substation's transformer capacity: the largest substations and UHV converter stations have some 10,000 to
 * 20,000 MVA; 50,000 MVA leaves room and refuses a capacity typed in kVA.
 */
export const MAX_CAPACITY_MVA = 50_000;
/**
 * A substation's metered peak or ordinary base load: a substation cannot carry much more than its capacity, so
 * the capacity bound, in MW.
 */
export const MAX_SUBSTATION_LOAD_MW = MAX_CAPACITY_MVA;

/** The columns of `substations` (see sites.ts); the utility's names come from the layer's join `u`. */
export const SUBSTATION_COLUMNS = {
  externalId: column({ sql: 'external_id', schema: Type.String(), imported: REQUIRED_TEXT }),
  name: column({ sql: 'name', schema: Type.String(), imported: REQUIRED_TEXT }),
  nameZh: column({ sql: 'name_zh', schema: Type.String(), imported: optionalText('') }),
  voltageKv: column({
    sql: 'voltage_kv',
    schema: Type.Number(),
    imported: {
      check: { type: 'number', min: 0, exclusive: true, max: MAX_VOLTAGE_KV },
      required: true,
    },
  }),
  capacityMva: column({
    sql: 'capacity_mva',
    schema: Type.Number(),
    imported: { check: { type: 'number', min: 0, max: MAX_CAPACITY_MVA }, required: true },
  }),
  utilityId: column({
    sql: 'utility_id',
    schema: Type.Union([Type.Integer(), Type.Null()]),
    imported: optionalText(null),
    reference: { table: 'utilities', name: 'utilityExternalId' },
  }),
  // Read from the utility the layer joins as `u`.
  ...UTILITY_NAME_COLUMNS,
  baseLoadMw: column({
    sql: 'base_load_mw',
    schema: Type.Union([Type.Number(), Type.Null()]),
    imported: {
      check: { type: 'number', min: 0, max: MAX_SUBSTATION_LOAD_MW },
      required: false,
      absent: null,
    },
  }),
  meteredPeakMw: column({
    sql: 'metered_peak_mw',
    schema: Type.Union([Type.Number(), Type.Null()]),
    imported: {
      check: { type: 'number', min: 0, max: MAX_SUBSTATION_LOAD_MW },
      required: false,
      absent: null,
    },
  }),
  synthetic: column({ sql: 'synthetic', schema: Type.Boolean() }),
} as const satisfies ColumnTable;
