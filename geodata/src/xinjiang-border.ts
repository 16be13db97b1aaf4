/**
 * Xinjiang's internal border with Tibet, Qinghai and Gansu, authored as lon/lat vertices from west to east.
 *
 * Natural Earth's country layer (world-atlas) gives China's international border, which is also Xinjiang's
 * outer border; no package this project may depend on carries China's provinces. The internal border is
 * therefore written here from general geographic knowledge, to about ±20 km, which is enough for a basemap
 * outline and for placing synthetic data inside it:
 * - Tibet: from Kongka La (≈79.03 E, 34.33 N), where China's line of actual control in Aksai Chin meets the
 *   Xinjiang–Tibet line, north-east past Aksai Chin lake (which stays in Xinjiang) and then east along the crest
 *   of the Kunlun and the Arka Tagh (Ulugh Muztagh ≈87.45 E, 36.4 N lies on it).
 * - Qinghai: from the tripoint near Qinghai's westernmost longitude (≈89.6 E) north-east over the Qimantag,
 *   keeping the Kumkol basin (Ayakkum lake) in Xinjiang and Mangnai/Huatugou in Qinghai, then along the Altun
 *   Shan to the Gansu tripoint near Gansu's westernmost longitude (≈92.2 E, 39.15 N).
 * - Gansu: north-east through the Kumtag desert, keeping Dunhuang's Yadan and Hongliuyuan in Gansu and
 *   Xingxingxia (≈95.13 E, 41.8 N) in Xinjiang, to the tripoint with Mongolia at Xinjiang's easternmost point
 *   (≈96.38 E, 42.7 N).
 * The first and last vertices reach a little past China's border, so that the cut runs right through it.
 */
export const XINJIANG_INTERNAL_BORDER: readonly (readonly [number, number])[] = [
  // Tibet
  [79.03, 34.33],
  [79.45, 34.55],
  [79.95, 34.85],
  [80.3, 35.25],
  [80.9, 35.45],
  [81.6, 35.35],
  [82.4, 35.6],
  [83.3, 35.75],
  [84.2, 35.95],
  [85.2, 36.05],
  [86.2, 36.15],
  [87.0, 36.3],
  [87.45, 36.4],
  [88.3, 36.45],
  [89.1, 36.2],
  // Qinghai
  [89.6, 36.05],
  [90.1, 36.5],
  [90.45, 37.0],
  [90.3, 37.5],
  [90.0, 37.95],
  [89.95, 38.3],
  [90.6, 38.55],
  [91.6, 38.9],
  // Gansu
  [92.25, 39.15],
  [92.6, 39.6],
  [92.75, 40.1],
  [92.85, 40.6],
  [93.4, 40.95],
  [94.2, 41.25],
  [94.8, 41.5],
  [95.3, 41.8],
  [95.8, 42.25],
  [96.38, 42.72],
  // Mongolia, just past the tripoint
  [96.6, 43.2],
];

/**
 * The polygon on Xinjiang's side of the cut: the border above, closed through Mongolia, Kazakhstan and Ladakh
 * well away from any other part of China (China has no territory west of 96.6 E north of the cut, and none west
 * of 79 E south of Kongka La's latitude but Aksai Chin's edge, which the closing parallel assigns by latitude).
 */
export function xinjiangSide(): [number, number][] {
  const ring: [number, number][] = XINJIANG_INTERNAL_BORDER.map(([lon, lat]) => [lon, lat]);
  ring.push([96.6, 56], [60, 56], [60, 34.33], [79.03, 34.33]);
  return ring;
}
