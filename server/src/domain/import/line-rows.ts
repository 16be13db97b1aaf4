import { LINE_COLUMNS, type ImportValues } from '@gridwatch/contract';
import { fieldsOf } from './column-fields';

/** A transmission line as an import row describes it (LINE_COLUMNS); its end substations are named by externalId. */
export type LineImport = ImportValues<typeof LINE_COLUMNS>;

export const LINE_FIELDS = fieldsOf(LINE_COLUMNS);
