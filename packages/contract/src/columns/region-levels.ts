export const REGION_LEVELS = ['province', 'prefecture', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
