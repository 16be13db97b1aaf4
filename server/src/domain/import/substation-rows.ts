import { SUBSTATION_COLUMNS, type ImportValues } from '@gridwatch/contract';
import { fieldsOf } from './column-fields';

/** A substation as an import row describes it (SUBSTATION_COLUMNS); its utility is named by externalId. */
export type SubstationImport = ImportValues<typeof SUBSTATION_COLUMNS>;

export const SUBSTATION_FIELDS = fieldsOf(SUBSTATION_COLUMNS);
