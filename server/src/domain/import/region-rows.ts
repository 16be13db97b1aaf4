import { oneOf, optional, required, text, type Fields } from './fields';

export const REGION_LEVELS = ['province', 'prefecture', 'county'] as const;

/** An administrative area as an import row describes it; `code` is the adcode. */
export interface RegionImport {
  externalId: string;
  code: string;
  name: string;
  nameZh: string;
  level: (typeof REGION_LEVELS)[number];
}

export const REGION_FIELDS: Fields<RegionImport> = {
  externalId: required(text()),
  code: required(text()),
  name: required(text()),
  nameZh: optional(text(), ''),
  level: required(oneOf(REGION_LEVELS)),
};
