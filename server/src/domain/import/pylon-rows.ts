import { PYLON_COLUMNS, type ImportValues } from '@gridwatch/contract';
import { fieldsOf } from './column-fields';

/** A pylon as an import row describes it (PYLON_COLUMNS): the line it carries (by externalId) and its place along it. */
export type PylonImport = ImportValues<typeof PYLON_COLUMNS>;

export const PYLON_FIELDS = fieldsOf(PYLON_COLUMNS);
