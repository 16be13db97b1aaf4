import { Type } from 'typebox';
import type { ColumnTable } from './column';

const text = { check: { type: 'text' } } as const;

/** The columns of `pylons` (see sites.ts). */
export const PYLON_COLUMNS = {
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
  lineId: {
    sql: 'line_id',
    schema: Type.Integer(),
    served: true,
    read: 'int',
    nullable: false,
    seeded: true,
    imported: { ...text, required: true },
    reference: { table: 'lines', name: 'lineExternalId' },
  },
  // 1-based along the line.
  seq: {
    sql: 'seq',
    schema: Type.Integer(),
    served: true,
    read: 'int',
    nullable: false,
    seeded: true,
    imported: { check: { type: 'integer', min: 1 }, required: true },
    reference: null,
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
