import type { Rng } from './prng';

/** Synthetic operator names: regional words and business words, as Xinjiang companies are named. */
const PREFIXES = [
  'Tianshan',
  'Junggar',
  'Kunlun',
  'Altai',
  'Tarim',
  'Silk Road',
  'Gobi',
  'Bogda',
  'Kaidu',
  'Western Region',
  'Turpan Basin',
  'Ili Valley',
];
const CORES = [
  'Hashpower',
  'Cloud Computing',
  'Data Services',
  'Digital',
  'Energy Computing',
  'Big Data',
  'Blockchain',
];
const KINDS = ['Technology Co., Ltd.', 'Information Technology Co., Ltd.', 'Trading Co., Ltd.'];

export function operatorName(rng: Rng, registered: boolean): string {
  if (!registered && rng.chance(0.45)) return 'Unknown';
  return `${rng.pick(PREFIXES)} ${rng.pick(CORES)} ${rng.pick(KINDS)}`;
}

/** What a site is called, in English and Chinese; registered ones sound like data centres. */
export const SITE_KINDS: readonly (readonly [string, string])[] = [
  ['Data Center', '数据中心'],
  ['Computing Center', '算力中心'],
  ['Cloud Park', '云计算园'],
  ['Warehouse', '仓库'],
  ['Mining Site', '矿场'],
];
