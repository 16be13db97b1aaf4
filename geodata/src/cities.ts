/**
 * Cities of Xinjiang shown on the basemap: centre coordinates (WGS 84, to about 1 km) and populations are facts
 * written from general knowledge, rounded; populations are those of the city's administrative area around the
 * 2020 census, to the nearest 10,000, and serve only to rank labels (PROVENANCE.md).
 */
export interface City {
  key: string;
  name: string;
  nameZh: string;
  lon: number;
  lat: number;
  population: number;
  /** Label priority: 1 the capital, 2 the large prefecture seats and Shihezi, 3 smaller seats, 4 county towns. */
  rank: 1 | 2 | 3 | 4;
}

export const CITIES: readonly City[] = [
  {
    key: 'urumqi',
    name: 'Urumqi',
    nameZh: '乌鲁木齐',
    lon: 87.6168,
    lat: 43.8256,
    population: 4_050_000,
    rank: 1,
  },
  {
    key: 'kashgar',
    name: 'Kashgar',
    nameZh: '喀什',
    lon: 75.9897,
    lat: 39.4704,
    population: 710_000,
    rank: 2,
  },
  {
    key: 'shihezi',
    name: 'Shihezi',
    nameZh: '石河子',
    lon: 86.0411,
    lat: 44.3059,
    population: 630_000,
    rank: 2,
  },
  { key: 'korla', name: 'Korla', nameZh: '库尔勒', lon: 86.1459, lat: 41.764, population: 600_000, rank: 2 },
  { key: 'aksu', name: 'Aksu', nameZh: '阿克苏', lon: 80.265, lat: 41.1707, population: 710_000, rank: 2 },
  { key: 'yining', name: 'Yining', nameZh: '伊宁', lon: 81.3242, lat: 43.9167, population: 580_000, rank: 2 },
  {
    key: 'turpan',
    name: 'Turpan',
    nameZh: '吐鲁番',
    lon: 89.1895,
    lat: 42.9513,
    population: 690_000,
    rank: 2,
  },
  { key: 'hami', name: 'Hami', nameZh: '哈密', lon: 93.515, lat: 42.8186, population: 670_000, rank: 2 },
  {
    key: 'changji',
    name: 'Changji',
    nameZh: '昌吉',
    lon: 87.308,
    lat: 44.0114,
    population: 500_000,
    rank: 2,
  },
  {
    key: 'karamay',
    name: 'Karamay',
    nameZh: '克拉玛依',
    lon: 84.8893,
    lat: 45.5799,
    population: 490_000,
    rank: 2,
  },
  { key: 'hotan', name: 'Hotan', nameZh: '和田', lon: 79.9225, lat: 37.1143, population: 410_000, rank: 2 },
  { key: 'artux', name: 'Artux', nameZh: '阿图什', lon: 76.168, lat: 39.7161, population: 280_000, rank: 3 },
  { key: 'bole', name: 'Bole', nameZh: '博乐', lon: 82.0513, lat: 44.8536, population: 280_000, rank: 3 },
  { key: 'altay', name: 'Altay', nameZh: '阿勒泰', lon: 88.1394, lat: 47.8484, population: 250_000, rank: 3 },
  { key: 'tacheng', name: 'Tacheng', nameZh: '塔城', lon: 82.98, lat: 46.7463, population: 160_000, rank: 3 },
  { key: 'kuitun', name: 'Kuitun', nameZh: '奎屯', lon: 84.9033, lat: 44.4264, population: 300_000, rank: 4 },
  {
    key: 'wujiaqu',
    name: 'Wujiaqu',
    nameZh: '五家渠',
    lon: 87.5427,
    lat: 44.1669,
    population: 140_000,
    rank: 4,
  },
  { key: 'fukang', name: 'Fukang', nameZh: '阜康', lon: 87.9853, lat: 44.1643, population: 190_000, rank: 4 },
  {
    key: 'jimsar',
    name: 'Jimsar',
    nameZh: '吉木萨尔',
    lon: 89.1808,
    lat: 44.0005,
    population: 130_000,
    rank: 4,
  },
  { key: 'qitai', name: 'Qitai', nameZh: '奇台', lon: 89.5931, lat: 44.0219, population: 210_000, rank: 4 },
  { key: 'kuqa', name: 'Kuqa', nameZh: '库车', lon: 82.9623, lat: 41.7179, population: 530_000, rank: 4 },
];
