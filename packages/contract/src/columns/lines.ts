import { Type } from 'typebox';
import type { ColumnTable } from './column';

const text = { check: { type: 'text' } } as const;

/** The columns of `lines` (see sites.ts); the geometry and its box are the loaders' and readers' own. */
export const LINE_COLUMNS = {
  externalId: {
    sql: 'external_id',
    schema: Type.String(),
    served: true,
    read: 'text',
    nullable: false,
    seeded: true,
    imported: { ...text, required: true },
    reference: null,
  },
  name: {
    sql: 'name',
    schema: Type.String(),
    served: true,
    read: 'text',
    nullable: false,
    seeded: true,
    imported: { ...text, required: true },
    reference: null,
  },
  nameZh: {
    sql: 'name_zh',
    schema: Type.String(),
    served: true,
    read: 'text',
    nullable: false,
    seeded: true,
    imported: { ...text, required: false, absent: '' },
    reference: null,
  },
  voltageKv: {
    sql: 'voltage_kv',
    schema: Type.Number(),
    served: true,
    read: 'real',
    nullable: false,
    seeded: true,
    imported: { check: { type: 'number', min: 0, exclusive: true }, required: true },
    reference: null,
  },
  fromSubstationId: {
    sql: 'from_substation_id',
    schema: Type.Union([Type.Integer(), Type.Null()]),
    served: true,
    read: 'int',
    nullable: true,
    seeded: true,
    imported: { ...text, required: false, absent: null },
    reference: { table: 'substations', name: 'fromSubstationExternalId' },
  },
  toSubstationId: {
    sql: 'to_substation_id',
    schema: Type.Union([Type.Integer(), Type.Null()]),
    served: true,
    read: 'int',
    nullable: true,
    seeded: true,
    imported: { ...text, required: false, absent: null },
    reference: { table: 'substations', name: 'toSubstationExternalId' },
  },
  synthetic: {
    sql: 'synthetic',
    schema: Type.Boolean(),
    served: true,
    read: 'bool',
    nullable: false,
    seeded: true,
    imported: null,
    reference: null,
  },
} as const satisfies ColumnTable;
