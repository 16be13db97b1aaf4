/**
 * Places the synthetic grid is built around. County seats are real towns (centres written from general
 * knowledge, to a few km); industrial parks stand for the coal, power and smelting bases where mining farms
 * sat, at approximate, synthetic positions (PROVENANCE.md).
 */
import { CITIES } from './cities';

export type PlaceKind = 'city' | 'county' | 'park';

export interface Place {
  key: string;
  name: string;
  nameZh: string;
  lon: number;
  lat: number;
  kind: PlaceKind;
  /** Relative attraction for substations and, for parks and coal-base towns, for mining farms. */
  weight: number;
  /** Coal bases with cheap power, where farms cluster (Zhundong, Hami, Changji, Karamay, Ili). */
  cheapPower: boolean;
}

const county = (
  key: string,
  name: string,
  nameZh: string,
  lon: number,
  lat: number,
  cheapPower = false,
): Place => ({
  key,
  name,
  nameZh,
  lon,
  lat,
  kind: 'county',
  weight: 1,
  cheapPower,
});

const park = (
  key: string,
  name: string,
  nameZh: string,
  lon: number,
  lat: number,
  weight: number,
): Place => ({
  key,
  name,
  nameZh,
  lon,
  lat,
  kind: 'park',
  weight,
  cheapPower: true,
});

const CHEAP_POWER_CITIES = new Set([
  'hami',
  'changji',
  'karamay',
  'yining',
  'fukang',
  'jimsar',
  'qitai',
  'kuitun',
]);

export const COUNTY_SEATS: readonly Place[] = [
  county('mulei', 'Mulei', '木垒', 90.28, 43.83, true),
  county('barkol', 'Barkol', '巴里坤', 93.01, 43.6, true),
  county('yiwu', 'Yiwu', '伊吾', 94.69, 43.25, true),
  county('shanshan', 'Shanshan', '鄯善', 90.21, 42.87),
  county('toksun', 'Toksun', '托克逊', 88.65, 42.79),
  county('dabancheng', 'Dabancheng', '达坂城', 88.31, 43.36),
  county('heshuo', 'Heshuo', '和硕', 86.86, 42.27),
  county('yanqi', 'Yanqi', '焉耆', 86.57, 42.06),
  county('luntai', 'Luntai', '轮台', 84.25, 41.78),
  county('shaya', 'Shaya', '沙雅', 82.78, 41.22),
  county('baicheng', 'Baicheng', '拜城', 81.87, 41.8),
  county('wensu', 'Wensu', '温宿', 80.24, 41.27),
  county('awat', 'Awat', '阿瓦提', 80.38, 40.64),
  county('alar', 'Aral', '阿拉尔', 81.28, 40.55),
  county('bachu', 'Bachu', '巴楚', 78.55, 39.79),
  county('tumxuk', 'Tumxuk', '图木舒克', 79.07, 39.87),
  county('wushi', 'Wushi', '乌什', 79.23, 41.21),
  county('akqi', 'Aheqi', '阿合奇', 78.45, 40.94),
  county('ulugqat', 'Wuqia', '乌恰', 75.26, 39.72),
  county('akto', 'Aketao', '阿克陶', 75.95, 39.15),
  county('taxkorgan', 'Taxkorgan', '塔什库尔干', 75.23, 37.77),
  county('jiashi', 'Jiashi', '伽师', 76.73, 39.49),
  county('yengisar', 'Yengisar', '英吉沙', 76.17, 38.93),
  county('shache', 'Shache', '莎车', 77.24, 38.41),
  county('yecheng', 'Yecheng', '叶城', 77.42, 37.88),
  county('pishan', 'Pishan', '皮山', 78.28, 37.62),
  county('moyu', 'Moyu', '墨玉', 79.73, 37.27),
  county('cele', 'Cele', '策勒', 80.8, 37.0),
  county('yutian', 'Yutian', '于田', 81.66, 36.86),
  county('minfeng', 'Minfeng', '民丰', 82.69, 37.06),
  county('qiemo', 'Qiemo', '且末', 85.53, 38.14),
  county('ruoqiang', 'Ruoqiang', '若羌', 88.17, 39.02),
  county('yuli', 'Yuli', '尉犁', 86.26, 41.34),
  county('wusu', 'Wusu', '乌苏', 84.68, 44.43, true),
  county('dushanzi', 'Dushanzi', '独山子', 84.89, 44.33, true),
  county('shawan', 'Shawan', '沙湾', 85.62, 44.33),
  county('manas', 'Manas', '玛纳斯', 86.22, 44.31),
  county('hutubi', 'Hutubi', '呼图壁', 86.9, 44.19, true),
  county('jinghe', 'Jinghe', '精河', 82.89, 44.6),
  county('alashankou', 'Alashankou', '阿拉山口', 82.56, 45.17),
  county('huocheng', 'Huocheng', '霍城', 80.87, 44.05, true),
  county('qapqal', 'Qapqal', '察布查尔', 81.15, 43.84, true),
  county('yiningxian', 'Yining County', '伊宁县', 81.53, 43.98, true),
  county('nilka', 'Nilka', '尼勒克', 82.51, 43.8, true),
  county('xinyuan', 'Xinyuan', '新源', 83.26, 43.43),
  county('tekes', 'Tekes', '特克斯', 81.84, 43.22),
  county('zhaosu', 'Zhaosu', '昭苏', 81.13, 43.16),
  county('emin', 'Emin', '额敏', 83.63, 46.52),
  county('tuoli', 'Tuoli', '托里', 83.6, 45.94),
  county('hoboksar', 'Hoboksar', '和布克赛尔', 85.72, 46.79),
  county('fuyun', 'Fuyun', '富蕴', 89.52, 46.99),
  county('fuhai', 'Fuhai', '福海', 87.49, 47.11),
  county('burqin', 'Burqin', '布尔津', 86.87, 47.7),
  county('qinghe', 'Qinghe', '青河', 90.38, 46.67),
  county('beitun', 'Beitun', '北屯', 87.82, 47.33),
  county('wenquan', 'Wenquan', '温泉', 81.03, 44.97),
];

/** Synthetic industrial and power bases; the positions are approximate and stand for no particular plant. */
export const PARKS: readonly Place[] = [
  park('zhundong-wucaiwan', 'Zhundong Wucaiwan', '准东五彩湾', 89.05, 44.85, 6),
  park('zhundong-dajing', 'Zhundong Dajing', '准东大井', 89.75, 44.75, 4),
  park('zhundong-jiangjunmiao', 'Zhundong Jiangjunmiao', '准东将军庙', 90.45, 44.7, 3),
  park('hami-dananhu', 'Hami Dananhu', '哈密大南湖', 93.15, 42.3, 4),
  park('hami-santanghu', 'Hami Santanghu', '哈密三塘湖', 93.9, 43.8, 3),
  park('hami-naomaohu', 'Hami Naomaohu', '哈密淖毛湖', 95.1, 43.75, 3),
  park('changji-industrial', 'Changji Industrial Park', '昌吉工业园', 87.2, 44.12, 3),
  park('fukang-industrial', 'Fukang Industrial Park', '阜康产业园', 88.1, 44.25, 3),
  park('karamay-cloud', 'Karamay Cloud Park', '克拉玛依云计算园', 84.95, 45.52, 4),
  park('kuitun-dushanzi', 'Kuitun-Dushanzi Zone', '奎独工业区', 84.8, 44.38, 2),
  park('ili-coal', 'Ili Coal Chemical Park', '伊犁煤化工园', 81.62, 44.02, 3),
  park('shihezi-industrial', 'Shihezi Industrial Park', '石河子工业园', 86.1, 44.38, 2),
];

export const CITY_PLACES: readonly Place[] = CITIES.map((c) => ({
  key: c.key,
  name: c.name,
  nameZh: c.nameZh,
  lon: c.lon,
  lat: c.lat,
  kind: 'city',
  weight: c.rank === 1 ? 8 : c.rank === 2 ? 4 : 2,
  cheapPower: CHEAP_POWER_CITIES.has(c.key),
}));

export const PLACES: readonly Place[] = [...CITY_PLACES, ...COUNTY_SEATS, ...PARKS];

export function placeByKey(key: string): Place {
  const place = PLACES.find((p) => p.key === key);
  if (!place) throw new Error(`unknown place ${key}`);
  return place;
}
