import { Type } from 'typebox';
import { column, optionalText, REQUIRED_TEXT, type ColumnTable } from './column';
import { MAX_VOLTAGE_KV } from './substations';

/** The columns of `lines` (see sites.ts); the geometry and its box are the loaders' and readers' own. */
export const LINE_COLUMNS = {
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
  fromSubstationId: column({
    sql: 'from_substation_id',
    schema: Type.Union([Type.Integer(), Type.Null()]),
    imported: optionalText(null),
    reference: { table: 'substations', name: 'fromSubstationExternalId' },
  }),
  toSubstationId: column({
    sql: 'to_substation_id',
    schema: Type.Union([Type.Integer(), Type.Null()]),
    imported: optionalText(null),
    reference: { table: 'substations', name: 'toSubstationExternalId' },
  }),
  synthetic: column({ sql: 'synthetic', schema: Type.Boolean() }),
} as const satisfies ColumnTable;
