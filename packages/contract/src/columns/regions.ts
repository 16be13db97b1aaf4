import { Type } from 'typebox';
import { REGION_LEVELS } from './region-levels';
import type { ColumnTable } from './column';

const text = { check: { type: 'text' } } as const;

/** The columns of `regions` (see sites.ts); `code` is the adcode. */
export const REGION_COLUMNS = {
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
  code: {
    sql: 'code',
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
  level: {
    sql: 'level',
    schema: Type.String(),
    served: true,
    read: 'text',
    nullable: false,
    seeded: true,
    imported: { check: { type: 'oneOf', values: REGION_LEVELS }, required: true },
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
