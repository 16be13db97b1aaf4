import { REGION_COLUMNS, type ImportValues } from '@gridwatch/contract';
import { fieldsOf } from './column-fields';

/** An administrative area as an import row describes it (REGION_COLUMNS); `code` is the adcode. */
export type RegionImport = ImportValues<typeof REGION_COLUMNS>;

export const REGION_FIELDS = fieldsOf(REGION_COLUMNS);
