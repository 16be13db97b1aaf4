import { Type } from 'typebox';
import { column, REQUIRED_TEXT, type ColumnTable } from './column';

/**
 * A pylon's place along its line: the longest lines (Changji–Guquan, 3,300 km) have some 7,000 towers;
 * 100,000 leaves room and refuses a pylon id typed as its number.
 */
export const MAX_PYLON_SEQ = 100_000;

/** The columns of `pylons` (see sites.ts). */
export const PYLON_COLUMNS = {
  externalId: column({ sql: 'external_id', schema: Type.String(), imported: REQUIRED_TEXT }),
  lineId: column({
    sql: 'line_id',
    schema: Type.Integer(),
    imported: REQUIRED_TEXT,
    reference: { table: 'lines', name: 'lineExternalId' },
  }),
  // 1-based along the line.
  seq: column({
    sql: 'seq',
    schema: Type.Integer(),
    imported: { check: { type: 'integer', min: 1, max: MAX_PYLON_SEQ }, required: true },
  }),
  synthetic: column({ sql: 'synthetic', schema: Type.Boolean() }),
} as const satisfies ColumnTable;
