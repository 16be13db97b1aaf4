import { number, optional, required, text, type Fields } from './fields';

/** A transmission line as an import row describes it; its end substations are named by externalId. */
export interface LineImport {
  externalId: string;
  name: string;
  nameZh: string;
  voltageKv: number;
  fromSubstationExternalId: string | null;
  toSubstationExternalId: string | null;
}

export const LINE_FIELDS: Fields<LineImport> = {
  externalId: required(text()),
  name: required(text()),
  nameZh: optional(text(), ''),
  voltageKv: required(number({ min: 0, exclusive: true })),
  fromSubstationExternalId: optional(text(), null, 'substations'),
  toSubstationExternalId: optional(text(), null, 'substations'),
};
