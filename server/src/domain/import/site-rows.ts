import { STATUSES, type Status } from '@gridwatch/contract';
import { date, integer, number, oneOf, optional, required, text, type Fields } from './fields';

/** A mining site as an import row describes it; the feeder substation is named by its externalId. */
export interface SiteImport {
  externalId: string;
  name: string;
  nameZh: string;
  operator: string;
  machines: number;
  loadMw: number;
  status: Status;
  feederSubstationExternalId: string | null;
  firstObserved: string;
}

export const SITE_FIELDS: Fields<SiteImport> = {
  externalId: required(text()),
  name: required(text()),
  nameZh: optional(text(), ''),
  operator: optional(text(), ''),
  machines: required(integer({ min: 0 })),
  loadMw: required(number({ min: 0 })),
  status: required(oneOf(STATUSES)),
  feederSubstationExternalId: optional(text(), null, 'substations'),
  firstObserved: required(date()),
};
