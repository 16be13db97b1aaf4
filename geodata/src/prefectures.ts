/**
 * The 14 prefecture-level service areas of the seed. Codes and names are the real prefectures'; their
 * geometries are synthetic (Voronoi cells around the seat and a few county seats, clipped to the outline),
 * because no package the project may ship carries Xinjiang's prefecture borders.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { intersection, union } from 'polyclip-ts';
import { placeByKey } from './places';
import { voronoiCells, type XY } from './voronoi';

/** How fast a utility resolves what its inspectors find (synthetic; drives the campaign's status changes). */
export type Pace = 'ahead' | 'steady' | 'behind';

export interface Prefecture {
  code: string;
  slug: string;
  name: string;
  nameZh: string;
  utilityName: string;
  utilityNameZh: string;
  /** Places whose Voronoi cells together make the service area; the first is the seat. */
  places: readonly string[];
  pace: Pace;
}

const p = (
  code: string,
  slug: string,
  name: string,
  nameZh: string,
  short: string,
  shortZh: string,
  places: string[],
  pace: Pace,
): Prefecture => ({
  code,
  slug,
  name,
  nameZh,
  utilityName: `State Grid ${short} Power Supply Co.`,
  utilityNameZh: `国网${shortZh}供电公司`,
  places,
  pace,
});

export const PREFECTURES: readonly Prefecture[] = [
  p('650100', 'urumqi', 'Urumqi', '乌鲁木齐市', 'Urumqi', '乌鲁木齐', ['urumqi', 'dabancheng'], 'steady'),
  p('650200', 'karamay', 'Karamay', '克拉玛依市', 'Karamay', '克拉玛依', ['karamay', 'dushanzi'], 'ahead'),
  p('650400', 'turpan', 'Turpan', '吐鲁番市', 'Turpan', '吐鲁番', ['turpan', 'shanshan', 'toksun'], 'steady'),
  p('650500', 'hami', 'Hami', '哈密市', 'Hami', '哈密', ['hami', 'barkol', 'yiwu', 'hami-dananhu'], 'ahead'),
  p(
    '652300',
    'changji',
    'Changji Hui Autonomous Prefecture',
    '昌吉回族自治州',
    'Changji',
    '昌吉',
    ['changji', 'hutubi', 'fukang', 'jimsar', 'qitai', 'mulei', 'zhundong-dajing'],
    'behind',
  ),
  p(
    '652700',
    'bortala',
    'Bortala Mongol Autonomous Prefecture',
    '博尔塔拉蒙古自治州',
    'Bortala',
    '博尔塔拉',
    ['bole', 'jinghe', 'wenquan', 'alashankou'],
    'steady',
  ),
  p(
    '652800',
    'bayingolin',
    'Bayingolin Mongol Autonomous Prefecture',
    '巴音郭楞蒙古自治州',
    'Bayingolin',
    '巴音郭楞',
    ['korla', 'heshuo', 'luntai', 'yuli', 'qiemo', 'ruoqiang'],
    'steady',
  ),
  p(
    '652900',
    'aksu',
    'Aksu Prefecture',
    '阿克苏地区',
    'Aksu',
    '阿克苏',
    ['aksu', 'kuqa', 'baicheng', 'shaya', 'awat', 'wushi'],
    'behind',
  ),
  p(
    '653000',
    'kizilsu',
    'Kizilsu Kirghiz Autonomous Prefecture',
    '克孜勒苏柯尔克孜自治州',
    'Kizilsu',
    '克州',
    ['artux', 'ulugqat', 'akto', 'akqi'],
    'ahead',
  ),
  p(
    '653100',
    'kashgar',
    'Kashgar Prefecture',
    '喀什地区',
    'Kashgar',
    '喀什',
    ['kashgar', 'jiashi', 'yengisar', 'shache', 'yecheng', 'bachu', 'taxkorgan'],
    'behind',
  ),
  p(
    '653200',
    'hotan',
    'Hotan Prefecture',
    '和田地区',
    'Hotan',
    '和田',
    ['hotan', 'pishan', 'moyu', 'cele', 'yutian', 'minfeng'],
    'ahead',
  ),
  p(
    '654000',
    'ili',
    'Ili Kazakh Autonomous Prefecture',
    '伊犁哈萨克自治州',
    'Ili',
    '伊犁',
    ['yining', 'huocheng', 'qapqal', 'nilka', 'xinyuan', 'tekes', 'zhaosu'],
    'behind',
  ),
  p(
    '654200',
    'tacheng',
    'Tacheng Prefecture',
    '塔城地区',
    'Tacheng',
    '塔城',
    ['tacheng', 'emin', 'tuoli', 'hoboksar', 'wusu', 'shawan'],
    'behind',
  ),
  p(
    '654300',
    'altay',
    'Altay Prefecture',
    '阿勒泰地区',
    'Altay',
    '阿勒泰',
    ['altay', 'fuyun', 'fuhai', 'burqin', 'qinghe'],
    'steady',
  ),
];

/** Voronoi runs in a plane with longitudes shrunk by cos(43°), so cells are not stretched east–west. */
const LON_SCALE = Math.cos((43 * Math.PI) / 180);

interface Generator {
  prefecture: number;
  xy: XY;
}

const GENERATORS: readonly Generator[] = PREFECTURES.flatMap((pref, prefecture) =>
  pref.places.map((key) => {
    const place = placeByKey(key);
    return { prefecture, xy: [place.lon * LON_SCALE, place.lat] as XY };
  }),
);

/** Index into PREFECTURES of the service area a point lies in (its nearest generator, as the cells are built). */
export function prefectureAt(lon: number, lat: number): number {
  const x = lon * LON_SCALE;
  let best = 0;
  let bestD = Infinity;
  for (const g of GENERATORS) {
    const d = (g.xy[0] - x) ** 2 + (g.xy[1] - lat) ** 2;
    if (d < bestD) {
      bestD = d;
      best = g.prefecture;
    }
  }
  return best;
}

/** The service areas as MultiPolygons, in the order of PREFECTURES. */
export function prefectureGeometries(outline: Polygon | MultiPolygon): MultiPolygon[] {
  const [minLon, minLat, maxLon, maxLat] = [60, 30, 100, 52];
  const cells = voronoiCells(
    GENERATORS.map((g) => g.xy),
    [minLon * LON_SCALE, minLat, maxLon * LON_SCALE, maxLat],
  ).map((ring) => ring.map(([x, y]) => [x / LON_SCALE, y] as XY));
  const outlinePolygons = (outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates).map(
    (poly) => poly.map((ring) => ring.map(([lon = 0, lat = 0]) => [lon, lat] as XY)),
  );
  // A prefecture is the outline cut by the union of its cells; polyclip does both.
  return PREFECTURES.map((_, prefecture) => {
    const [first, ...rest] = cells
      .filter((_cell, i) => GENERATORS[i]?.prefecture === prefecture)
      .map((cell) => [cell]);
    if (!first) throw new Error(`prefecture ${PREFECTURES[prefecture]?.code} has no cells`);
    const coordinates = intersection(outlinePolygons, union(first, ...rest));
    if (coordinates.length === 0) throw new Error(`prefecture ${PREFECTURES[prefecture]?.code} has no area`);
    return { type: 'MultiPolygon', coordinates };
  });
}
