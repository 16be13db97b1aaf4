import { SITE_COLUMNS, type ImportValues } from '@gridwatch/contract';
import { fieldsOf } from './column-fields';

/** A mining site as an import row describes it (SITE_COLUMNS); the feeder substation is named by its externalId. */
export type SiteImport = ImportValues<typeof SITE_COLUMNS>;

export const SITE_FIELDS = fieldsOf(SITE_COLUMNS);
