/**
 * The offline basemap of the region: neighbouring countries, lakes and rivers from Natural Earth (via npm
 * packages), the authored city table, and Xinjiang's outline. Everything is cut to FRAME.
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { union } from 'polyclip-ts';
import { CITIES } from './cities';
import { clipLinesToBox, clipPolygonsToBox } from './box-clip';
import type { Box } from './geo';
import { xinjiangOutline } from './outline';
import { PROVINCE } from './regions';
import { loadCountries, loadLakes, loadRivers } from './sources';

/** Xinjiang (73.5–96.4 E, 34.3–49.2 N) with room around it for the neighbours' context. */
export const FRAME: Box = [70, 32, 100, 51];

const COUNTRY_NAMES_ZH: Record<string, string> = {
  China: '中国',
  Kazakhstan: '哈萨克斯坦',
  Kyrgyzstan: '吉尔吉斯斯坦',
  Tajikistan: '塔吉克斯坦',
  Afghanistan: '阿富汗',
  Pakistan: '巴基斯坦',
  India: '印度',
  Mongolia: '蒙古国',
  Russia: '俄罗斯',
  Uzbekistan: '乌兹别克斯坦',
  'Siachen Glacier': '锡亚琴冰川',
};

const LAKE_NAMES_ZH: Record<string, string> = {
  'Issyk-Kul': '伊塞克湖',
  'Lake Zaysan': '斋桑泊',
  'Uvs Nuur': '乌布苏湖',
  'Qinghai Hu': '青海湖',
  Alaköl: '阿拉湖',
  'Bosten Hu': '博斯腾湖',
  'Har Us Nuur': '哈尔乌苏湖',
  'Lop Nur': '罗布泊',
  'Ayakkum Hu': '阿雅克库木湖',
  'Hoh Xil Hu': '可可西里湖',
  'Khyargas Nuur': '吉尔吉斯湖',
  'Ngoring Hu': '鄂陵湖',
  'Gyaring Hu': '扎陵湖',
  'Toktogul Res.': '托克托古尔水库',
};

export interface Basemap {
  countries: FeatureCollection<MultiPolygon, { name: string; nameZh: string }>;
  lakes: FeatureCollection<MultiPolygon, { name: string; nameZh: string | null }>;
  rivers: FeatureCollection<MultiLineString, Record<string, never>>;
  cities: FeatureCollection<Point, { name: string; nameZh: string; population: number; rank: number }>;
  outline: FeatureCollection<Polygon | MultiPolygon, { code: string; name: string; nameZh: string }>;
}

/** Turf cuts each ring to the frame; polyclip's union removes the zero-width bridges that leaves behind. */
function clipToFrame(geometry: Polygon | MultiPolygon): MultiPolygon {
  const [first, ...rest] = clipPolygonsToBox(geometry, FRAME);
  return { type: 'MultiPolygon', coordinates: first ? union(first, ...rest) : [] };
}

function collection<G extends FeatureCollection['features'][number]['geometry'], P>(
  features: Feature<G, P>[],
): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}

export function buildCountries(): Basemap['countries'] {
  return collection(
    loadCountries(Object.keys(COUNTRY_NAMES_ZH))
      .map((country) => ({
        type: 'Feature' as const,
        properties: {
          name: country.properties.name,
          nameZh: COUNTRY_NAMES_ZH[country.properties.name] ?? '',
        },
        geometry: clipToFrame(country.geometry),
      }))
      .filter((f) => f.geometry.coordinates.length > 0),
  );
}

export function buildLakes(): Basemap['lakes'] {
  return collection(
    loadLakes()
      .features.map((lake) => {
        const name = lake.properties.name ?? '';
        return {
          type: 'Feature' as const,
          properties: { name, nameZh: LAKE_NAMES_ZH[name] ?? null },
          geometry: clipToFrame(lake.geometry),
        };
      })
      .filter((f) => f.geometry.coordinates.length > 0),
  );
}

/** Natural Earth's rivers in mapeo-offline-map carry no names, only a stroke weight the style does not need. */
export function buildRivers(): Basemap['rivers'] {
  const features: Feature<MultiLineString, Record<string, never>>[] = [];
  for (const river of loadRivers().features) {
    const parts = clipLinesToBox(river.geometry, FRAME);
    if (parts.length > 0)
      features.push({
        type: 'Feature',
        properties: {},
        geometry: { type: 'MultiLineString', coordinates: parts },
      });
  }
  return collection(features);
}

export function buildCities(): Basemap['cities'] {
  return collection(
    CITIES.map((c) => ({
      type: 'Feature' as const,
      properties: { name: c.name, nameZh: c.nameZh, population: c.population, rank: c.rank },
      geometry: { type: 'Point' as const, coordinates: [c.lon, c.lat] },
    })),
  );
}

export function buildOutline(): Basemap['outline'] {
  return collection([
    {
      type: 'Feature',
      properties: { code: PROVINCE.code, name: PROVINCE.name, nameZh: PROVINCE.nameZh },
      geometry: xinjiangOutline(),
    },
  ]);
}

export function buildBasemap(): Basemap {
  return {
    countries: buildCountries(),
    lakes: buildLakes(),
    rivers: buildRivers(),
    cities: buildCities(),
    outline: buildOutline(),
  };
}
