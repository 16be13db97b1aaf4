/**
 * The tests' own basemap archive (docs/basemap.md): the offline basemap's geometry (geodata: countries, lakes,
 * rivers, cities) written in Protomaps' basemap schema (v4 layer and kind names), encoded with the project's tile
 * encoder (mvt-encode.ts) and packed with the test PMTiles writer. No downloaded data: it proves the
 * PMTiles route and the @protomaps/basemaps style draw, not that the test map is detailed.
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Polygon } from 'geojson';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import GeoJSONVT from 'geojson-vt';
import { buildBasemap, FRAME } from '../../../geodata/src/basemap';
import { TILE_EXTENT } from '../../src/domain/geo/tile-math';
import { encodeTile } from '../../src/store/sqlite/mvt-encode';
import { writePmtiles, type ArchiveTile } from './pmtiles-writer';

export const ARCHIVE_MAX_ZOOM = 7;

type Props = Record<string, string | number>;
const feature = (geometry: Geometry, properties: Props): Feature<Geometry, Props> => ({
  type: 'Feature',
  geometry,
  properties,
});

/** The schema's source layers, each a collection of the basemap's features with Protomaps' kinds. */
function protomapsLayers(): Record<string, FeatureCollection<Geometry, Props>> {
  const basemap = buildBasemap();
  const borders = basemap.countries.features.flatMap((f) =>
    f.geometry.coordinates.map((polygon) =>
      feature({ type: 'MultiLineString', coordinates: polygon } as MultiLineString, {
        kind: 'country',
        kind_detail: 2,
      }),
    ),
  );
  return {
    earth: {
      type: 'FeatureCollection',
      features: basemap.countries.features.map((f) => feature(f.geometry, { kind: 'earth' })),
    },
    water: {
      type: 'FeatureCollection',
      features: [
        ...basemap.lakes.features.map((f) =>
          feature(f.geometry, { kind: 'lake', name: f.properties.name, min_zoom: 4 }),
        ),
        ...basemap.rivers.features.map((f) => feature(f.geometry, { kind: 'river', min_zoom: 5 })),
      ],
    },
    boundaries: { type: 'FeatureCollection', features: borders },
    places: {
      type: 'FeatureCollection',
      features: basemap.cities.features.map((f) =>
        feature(f.geometry, {
          kind: 'locality',
          name: f.properties.name,
          'name:zh': f.properties.nameZh,
          population: f.properties.population,
          population_rank: Math.min(15, Math.max(1, Math.round(Math.log10(f.properties.population + 1) * 2))),
          min_zoom: 3,
        }),
      ),
    },
  };
}

function tileRange(z: number): { x: [number, number]; y: [number, number] } {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  };
  const [minLon, minLat, maxLon, maxLat] = FRAME;
  return { x: [x(minLon), x(maxLon)], y: [y(maxLat), y(minLat)] };
}

/** The archive's bytes: every tile of FRAME from z0 to ARCHIVE_MAX_ZOOM that holds something. */
export function buildProtomapsArchive(): Uint8Array {
  const indexes = Object.entries(protomapsLayers()).map(
    ([name, collection]) =>
      [
        name,
        new GeoJSONVT(collection as FeatureCollection<Polygon | LineString>, {
          maxZoom: ARCHIVE_MAX_ZOOM,
          extent: TILE_EXTENT,
          buffer: 64,
        }),
      ] as const,
  );
  const tiles: ArchiveTile[] = [];
  for (let z = 0; z <= ARCHIVE_MAX_ZOOM; z++) {
    const range = tileRange(z);
    for (let x = range.x[0]; x <= range.x[1]; x++) {
      for (let y = range.y[0]; y <= range.y[1]; y++) {
        // A tile of several layers is their single-layer tiles one after another (MVT's repeated field 3).
        const parts = indexes.flatMap(([name, index]) => {
          const features = index.getTile(z, x, y)?.features ?? [];
          return features.length > 0 ? [encodeTile(name, features, TILE_EXTENT)] : [];
        });
        if (parts.length === 0) continue;
        const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const part of parts) {
          data.set(part, at);
          at += part.length;
        }
        tiles.push({ z, x, y, data });
      }
    }
  }
  return writePmtiles(tiles, {
    minZoom: 0,
    maxZoom: ARCHIVE_MAX_ZOOM,
    bounds: [...FRAME],
    metadata: {
      name: 'gridwatch test basemap',
      // The schema's version the style is written for (@protomaps/basemaps 5: basemap schema v4).
      'planetiler:basemap:version': '4.0.0',
      vector_layers: ['earth', 'water', 'boundaries', 'places'].map((id) => ({ id, fields: {} })),
      attribution: 'Natural Earth (public domain); gridwatch test data',
    },
  });
}

let written: string | null = null;

/** The archive written once per test process to a temporary file: its path, for GRIDWATCH_BASEMAP_PMTILES. */
export function testBasemapArchiveFile(): string {
  if (written) return written;
  const dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-pmtiles-'));
  written = path.join(dir, 'xinjiang-test.pmtiles');
  writeFileSync(written, buildProtomapsArchive());
  return written;
}
