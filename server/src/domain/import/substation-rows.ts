import { number, optional, required, text, type Fields } from './fields';

/** A substation as an import row describes it; its utility is named by externalId. */
export interface SubstationImport {
  externalId: string;
  name: string;
  nameZh: string;
  voltageKv: number;
  capacityMva: number;
  utilityExternalId: string | null;
  baseLoadMw: number | null;
  meteredPeakMw: number | null;
}

export const SUBSTATION_FIELDS: Fields<SubstationImport> = {
  externalId: required(text()),
  name: required(text()),
  nameZh: optional(text(), ''),
  voltageKv: required(number({ min: 0, exclusive: true })),
  capacityMva: required(number({ min: 0 })),
  utilityExternalId: optional(text(), null, 'utilities'),
  baseLoadMw: optional(number({ min: 0 }), null),
  meteredPeakMw: optional(number({ min: 0 }), null),
};
