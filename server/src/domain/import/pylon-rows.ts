import { integer, required, text, type Fields } from './fields';

/** A pylon as an import row describes it: the line it carries (by externalId) and its place along it. */
export interface PylonImport {
  externalId: string;
  lineExternalId: string;
  seq: number;
}

export const PYLON_FIELDS: Fields<PylonImport> = {
  externalId: required(text()),
  lineExternalId: required(text(), 'lines'),
  seq: required(integer({ min: 1 })),
};
