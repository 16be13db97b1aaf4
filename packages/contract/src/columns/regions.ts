import { Type } from 'typebox';
import { REGION_LEVELS } from './region-levels';
import { column, optionalText, REQUIRED_TEXT, type ColumnTable } from './column';

/** The columns of `regions` (see sites.ts); `code` is the adcode. */
export const REGION_COLUMNS = {
  externalId: column({ sql: 'external_id', schema: Type.String(), imported: REQUIRED_TEXT }),
  code: column({ sql: 'code', schema: Type.String(), imported: REQUIRED_TEXT }),
  name: column({ sql: 'name', schema: Type.String(), imported: REQUIRED_TEXT }),
  nameZh: column({ sql: 'name_zh', schema: Type.String(), imported: optionalText('') }),
  level: column({
    sql: 'level',
    schema: Type.String(),
    imported: { check: { type: 'oneOf', values: REGION_LEVELS }, required: true },
  }),
  synthetic: column({ sql: 'synthetic', schema: Type.Boolean() }),
} as const satisfies ColumnTable;
