/**
 * Issue 15: the FlatGeobuf export as GDAL reads it (real ogrinfo), on both stores — the counts and attributes
 * equal the API's, and a spatial filter goes through the file's packed Hilbert R-tree.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedData } from '@gridwatch/contract';
import { levelBounds, NODE_ITEM_BYTES } from '../../src/domain/geo/packed-rtree';
import { SMALL_SEED } from '../fixtures/small-seed';
import { BACKENDS } from '../test-app';
import { serveWithToken, type ServedApp } from './serve';

const ogrinfo = (...args: string[]) =>
  execFileSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

/** SMALL_SEED and 300 sites on a grid west of it: 306 leaves, so the tree has three levels above them. */
const GRID = 300;
const SEED: SeedData = {
  ...SMALL_SEED,
  sites: [
    ...SMALL_SEED.sites,
    ...Array.from({ length: GRID }, (_, i) => ({
      ...SMALL_SEED.sites[1]!,
      externalId: `G-${i}`,
      name: `Grid ${i}`,
      feederSubstationExternalId: null,
      lon: 80 + (i % 20) * 0.1,
      lat: 40 + Math.floor(i / 20) * 0.1,
    })),
  ],
};

type Props = Record<string, unknown>;

/** `ogrinfo -al` features as { fid, properties } (the values as GDAL prints them, strings). */
function ogrFeatures(info: string) {
  const features: Record<string, string>[] = [];
  for (const line of info.split('\n')) {
    if (/^OGRFeature\(/.test(line)) features.push({});
    const field = /^ {2}(\w+) \(\w+\) = (.*)$/.exec(line);
    if (field && features.length > 0) features.at(-1)![field[1]!] = field[2]!;
  }
  return features;
}

async function headerOf(bytes: Uint8Array) {
  let header: HeaderMeta | null = null;
  for await (const _ of deserialize(bytes, { headerMetaFn: (h) => (header = h) })) break;
  return header! as HeaderMeta;
}

describe.each(BACKENDS)('GDAL opens the FlatGeobuf export on %s', (backend) => {
  let t: ServedApp;
  let dir: string;
  beforeAll(async () => {
    t = await serveWithToken(SEED, backend);
    dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-fgb-'));
  }, 60_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const download = async (url: string, name: string) => {
    const res = await fetch(`${t.origin}${url}`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(res.status).toBe(200);
    const file = path.join(dir, `${backend}-${name}`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    return { file, res };
  };
  const api = async (url: string) =>
    (await (
      await fetch(`${t.origin}${url}`, { headers: { authorization: `Bearer ${t.token}` } })
    ).json()) as { features: { id: number; properties: Props }[]; meta: Props };

  it('has the API’s count and attributes, feature by feature', async () => {
    const { file, res } = await download('/api/export/sites.fgb', 'sites.fgb');
    expect(res.headers.get('content-type')).toBe('application/flatgeobuf');
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="gridwatch-sites-\d{4}-\d{2}-\d{2}\.fgb"/,
    );
    const summary = ogrinfo('-so', '-al', file);
    expect(summary).toMatch(/Layer name: sites/);
    expect(summary).toMatch(/Geometry: Point/);
    expect(summary).toMatch(/Feature Count: 306/);
    expect(summary).toMatch(/ID\["EPSG",4326\]/);
    expect(summary).toMatch(/loadMw: Real/);
    expect(summary).toMatch(/machines: Integer/);
    const fromGdal = ogrFeatures(ogrinfo('-al', '-q', file));
    const fromApi = (await api('/api/export/sites.geojson')).features;
    expect(fromGdal.length).toBe(fromApi.length);
    const byId = new Map(fromGdal.map((f) => [Number(f.id), f]));
    for (const feature of fromApi) {
      const gdal = byId.get(feature.id)!;
      for (const key of [
        'externalId',
        'name',
        'nameZh',
        'status',
        'firstObserved',
        'utilityId',
        'machines',
      ]) {
        const value = feature.properties[key];
        expect(gdal[key], `${feature.id} ${key}`).toBe(value === null ? undefined : String(value));
      }
      expect(Number(gdal.loadMw)).toBe(feature.properties.loadMw);
    }
  });

  it('answers a spatial filter through its R-tree: GDAL finds nothing once the tree’s boxes are moved away', async () => {
    const { file } = await download('/api/export/sites.fgb', 'indexed.fgb');
    const bytes = readFileSync(file);
    const header = await headerOf(bytes);
    expect(header.indexNodeSize).toBe(16);
    const inWest = ogrFeatures(ogrinfo('-al', '-q', '-spat', '80.05', '40.05', '80.25', '40.25', file));
    // The grid's points at 80.1, 80.2 × 40.1, 40.2.
    expect(inWest.map((f) => f.externalId).sort()).toEqual(['G-21', 'G-22', 'G-41', 'G-42']);
    // The same file with every node's box at (0, 0): the features are where they were, so a reader that scanned
    // them would still find four; GDAL, reading the tree, finds none.
    const treeStart = 8 + 4 + bytes.readUInt32LE(8);
    const nodes = levelBounds(header.featuresCount, 16)[0]![1];
    const moved = Buffer.from(bytes);
    for (let i = 0; i < nodes; i++)
      moved.fill(0, treeStart + i * NODE_ITEM_BYTES, treeStart + i * NODE_ITEM_BYTES + 32);
    const movedFile = path.join(dir, `${backend}-moved.fgb`);
    writeFileSync(movedFile, moved);
    expect(ogrFeatures(ogrinfo('-al', '-q', '-spat', '80.05', '40.05', '80.25', '40.25', movedFile))).toEqual(
      [],
    );
    expect(ogrinfo('-so', '-al', movedFile)).toMatch(/Feature Count: 306/);
  });

  it('exports with the filters, and says so in the header’s description', async () => {
    const url = '/api/export/sites.fgb?status=UNLICENSED,SHUT_DOWN&bbox=86,43,90,45';
    const { file } = await download(url, 'filtered.fgb');
    const fromGdal = ogrFeatures(ogrinfo('-al', '-q', file));
    const fromApi = await api('/api/export/sites.geojson?status=UNLICENSED,SHUT_DOWN&bbox=86,43,90,45');
    expect(fromGdal.map((f) => f.externalId).sort()).toEqual(['M-2', 'M-5']);
    expect(fromGdal.length).toBe(fromApi.features.length);
    const header = await headerOf(readFileSync(file));
    const meta = JSON.parse(header.description!) as Props;
    expect(meta).toMatchObject({
      layer: 'sites',
      count: 2,
      totalLoadMw: 95,
      filters: { status: 'UNLICENSED,SHUT_DOWN', bbox: '86,43,90,45' },
    });
    expect(Object.keys(meta).sort()).toEqual(Object.keys(fromApi.meta).sort());
    expect(JSON.parse(header.metadata!)).toEqual(meta);
    expect(header.title).toBe('gridwatch sites');
  });

  it('opens an empty export (no tree, no extent)', async () => {
    const { file } = await download('/api/export/sites.fgb?bbox=0,0,1,1', 'empty.fgb');
    expect(ogrinfo('-so', '-al', file)).toMatch(/Feature Count: 0/);
    expect((await headerOf(readFileSync(file))).indexNodeSize).toBe(0);
  });

  it.each([
    ['lines', /Geometry: Line String/],
    ['substations', /Geometry: Point/],
    ['regions', /Geometry: (Multi Polygon|Polygon|Unknown \(any\))/],
    ['zones', /Feature Count/],
  ])('opens %s with the API’s count', async (layer, geometry) => {
    const { file } = await download(`/api/export/${layer}.fgb`, `${layer}.fgb`);
    const count = (await api(`/api/export/${layer}.geojson`)).features.length;
    const summary = ogrinfo('-so', '-al', file);
    expect(summary).toMatch(new RegExp(`Feature Count: ${count}\\b`));
    expect(summary).toMatch(geometry);
  });
});
