import type { MultiPolygon } from 'geojson';
import { asMultiPolygon, xinjiangOutline } from './outline';
import { PREFECTURES, prefectureGeometries } from './prefectures';
import type { SeedRegion, SeedUtility } from '@gridwatch/contract';
import { utilityExternalId } from './substations';

export const PROVINCE = { code: '650000', name: 'Xinjiang', nameZh: '新疆维吾尔自治区' } as const;

export const regionExternalId = (code: string): string => `RG-${code}`;

let cachedPrefectures: MultiPolygon[] | undefined;

/** The province (its real outline) and the 14 synthetic prefecture service areas; clipped once per process. */
export function buildRegions(): SeedRegion[] {
  const outline = xinjiangOutline();
  cachedPrefectures ??= prefectureGeometries(outline);
  const prefectures = cachedPrefectures;
  return [
    {
      externalId: regionExternalId(PROVINCE.code),
      code: PROVINCE.code,
      name: PROVINCE.name,
      nameZh: PROVINCE.nameZh,
      level: 'province',
      geometry: asMultiPolygon(outline),
      synthetic: false,
    },
    ...PREFECTURES.map((p, i): SeedRegion => {
      const geometry = prefectures[i];
      if (!geometry) throw new Error(`no geometry for ${p.code}`);
      return {
        externalId: regionExternalId(p.code),
        code: p.code,
        name: p.name,
        nameZh: p.nameZh,
        level: 'prefecture',
        geometry,
        synthetic: true,
      };
    }),
  ];
}

export function buildUtilities(): SeedUtility[] {
  return PREFECTURES.map((p, i) => ({
    externalId: utilityExternalId(i),
    name: p.utilityName,
    nameZh: p.utilityNameZh,
    regionExternalId: regionExternalId(p.code),
  }));
}
