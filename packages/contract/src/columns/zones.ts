import { Type } from 'typebox';
import { column, type ColumnTable } from './column';

/** The columns of `zones` that the layer serves; zones are written by store/records/zones.ts, never seeded or imported. */
export const ZONE_COLUMNS = {
  name: column({ sql: 'name', schema: Type.String(), seeded: false }),
  team: column({ sql: 'team', schema: Type.Union([Type.String(), Type.Null()]), seeded: false }),
  state: column({ sql: 'state', schema: Type.String(), seeded: false }),
  dueDate: column({ sql: 'due_date', schema: Type.Union([Type.String(), Type.Null()]), seeded: false }),
  notes: column({ sql: 'notes', schema: Type.Union([Type.String(), Type.Null()]), seeded: false }),
  version: column({ sql: 'version', schema: Type.Integer(), seeded: false }),
} as const satisfies ColumnTable;
