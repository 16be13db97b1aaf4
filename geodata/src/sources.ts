/**
 * The only reads of src/: data files of npm packages this project depends on (PROVENANCE.md lists them).
 * Parsed once per process, because the server and the tests ask for them repeatedly.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

function readPackageJson<T>(specifier: string): T {
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;
}

function memo<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

const countriesTopology = memo(() => readPackageJson<CountriesTopology>('world-atlas/countries-10m.json'));

/** Natural Earth 1:10m admin-0 countries whose names are given, decoded from the world-atlas TopoJSON. */
export function loadCountries(names: readonly string[]): CountryFeature[] {
  const topology = countriesTopology();
  return topology.objects.countries.geometries
    .filter((g) => names.includes((g.properties as { name?: string } | undefined)?.name ?? ''))
    .map((g) => feature(topology, g) as CountryFeature);
}

export const loadChina = memo((): CountryFeature => {
  const [china] = loadCountries(['China']);
  if (!china) throw new Error('world-atlas countries-10m has no China');
  return china;
});

export type LakeCollection = FeatureCollection<Polygon | MultiPolygon, { name?: string; scalerank?: number }>;
export type RiverCollection = FeatureCollection<LineString | MultiLineString, Record<string, unknown>>;

export const loadLakes = memo(() => readPackageJson<LakeCollection>('mapeo-offline-map/dist/lakes.json'));
export const loadRivers = memo(() => readPackageJson<RiverCollection>('mapeo-offline-map/dist/rivers.json'));
