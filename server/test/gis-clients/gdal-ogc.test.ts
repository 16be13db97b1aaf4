/**
 * Issue 15, with a real client: GDAL's OAPIF driver reads /ogc over a real socket with an API token, as QGIS does
 * (QGIS's WFS / OGC API provider is GDAL-like; ArcGIS Pro speaks the same standard).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedData } from '@gridwatch/contract';
import { SMALL_SEED } from '../fixtures/small-seed';
import { BACKENDS } from '../test-app';
import { serveWithToken, type ServedApp } from './serve';

// Async: GDAL asks the server in this very process, which must keep answering meanwhile.
const run = promisify(execFile);
const gdal = async (tool: string, args: string[], token: string) => {
  const header = ['--config', 'GDAL_HTTP_HEADERS', `Authorization: Bearer ${token}`];
  try {
    const { stdout, stderr } = await run(tool, [...header, ...args], { maxBuffer: 64 << 20 });
    return stdout + stderr;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${tool} failed: ${stdout ?? ''}${stderr ?? String(error)}`);
  }
};

/** SMALL_SEED and 25,000 more sites on a grid, for paging. */
const MANY = 25_000;
const PAGING_SEED: SeedData = {
  ...SMALL_SEED,
  sites: [
    ...SMALL_SEED.sites,
    ...Array.from({ length: MANY }, (_, i) => ({
      ...SMALL_SEED.sites[1]!,
      externalId: `P-${i}`,
      name: `Paged ${i}`,
      feederSubstationExternalId: null,
      lon: 80 + (i % 250) * 0.02,
      lat: 40 + Math.floor(i / 250) * 0.02,
    })),
  ],
};

describe.each(BACKENDS)('GDAL reads the OGC API on %s', (backend) => {
  let t: ServedApp;
  let dir: string;
  beforeAll(async () => {
    t = await serveWithToken(SMALL_SEED, backend);
    dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-gdal-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the collections with a token (ogrinfo OAPIF:), and a revoked token gets 401 at once', async () => {
    const listing = await gdal('ogrinfo', ['-ro', `OAPIF:${t.origin}/ogc`], t.token);
    for (const name of ['regions', 'substations', 'lines', 'pylons', 'sites', 'zones']) {
      expect(listing).toMatch(new RegExp(`: ${name} \\(title`));
    }
    const info = await gdal('ogrinfo', ['-ro', '-so', `OAPIF:${t.origin}/ogc`, 'sites'], t.token);
    expect(info).toMatch(/Feature Count: 6/);
    expect(info).toMatch(/TEMPORAL_INTERVAL_MIN=2026-01-05T08:00:00/);
    // The token in the URL instead (clients that cannot set a header): the links carry it on.
    const viaUrl = await run('ogrinfo', [
      '-ro',
      '-so',
      `OAPIF:${t.origin}/ogc?access_token=${t.token}`,
      'sites',
    ]);
    expect(viaUrl.stdout).toMatch(/Feature Count: 6/);

    const { token, id } = await (async () => {
      const admin = await t.login('admin');
      const res = await fetch(`${t.origin}/api/tokens`, {
        method: 'POST',
        headers: { cookie: admin, origin: t.origin, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'to revoke', username: 'viewer' }),
      });
      return (await res.json()) as { token: string; id: number };
    })();
    await gdal('ogrinfo', ['-ro', '-so', `OAPIF:${t.origin}/ogc`, 'sites'], token);
    const admin = await t.login('admin');
    const revoked = await fetch(`${t.origin}/api/tokens/${id}`, {
      method: 'DELETE',
      headers: { cookie: admin, origin: t.origin },
    });
    expect(revoked.status).toBe(204);
    const after = await fetch(`${t.origin}/ogc/collections`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status).toBe(401);
    await expect(gdal('ogrinfo', ['-ro', `OAPIF:${t.origin}/ogc`], token)).rejects.toThrow();
  });

  it('copies the sites in a bbox with a status filter (ogr2ogr), equal to the API', async () => {
    const out = path.join(dir, 'unlicensed.geojson');
    const log = await gdal(
      'ogr2ogr',
      [
        '--debug',
        'on',
        '-f',
        'GeoJSON',
        out,
        `OAPIF:${t.origin}/ogc`,
        'sites',
        '-spat',
        '86',
        '43',
        '90',
        '45',
        '-where',
        "status = 'UNLICENSED'",
      ],
      t.token,
    );
    // GDAL found `status` among the items' parameters (/ogc/api) and let the server filter.
    expect(log).toMatch(/Fetch\(\S+\/ogc\/collections\/sites\/items\?\S*status=UNLICENSED/);
    const copied = JSON.parse(readFileSync(out, 'utf8')) as {
      features: { properties: Record<string, unknown> }[];
    };
    const api = (await (
      await fetch(`${t.origin}/ogc/collections/sites/items?bbox=86,43,90,45&status=UNLICENSED`, {
        headers: { authorization: `Bearer ${t.token}` },
      })
    ).json()) as { numberMatched: number; features: { properties: Record<string, unknown> }[] };
    expect(copied.features.length).toBe(api.numberMatched);
    expect(copied.features.map((f) => f.properties.externalId)).toEqual(
      api.features.map((f) => f.properties.externalId),
    );
    for (const [i, feature] of copied.features.entries()) {
      const expected = api.features[i]!.properties;
      for (const key of ['externalId', 'name', 'nameZh', 'status', 'loadMw', 'machines', 'utilityId']) {
        expect(feature.properties[key], key).toEqual(expected[key]);
      }
    }
  });
});

describe('GDAL pages through 25,000 sites (sqlite)', () => {
  let t: ServedApp;
  let dir: string;
  beforeAll(async () => {
    t = await serveWithToken(PAGING_SEED, 'sqlite');
    dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-gdal-'));
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses and repeats none', async () => {
    const out = path.join(dir, 'all.csv');
    await gdal(
      'ogr2ogr',
      ['-f', 'CSV', out, `OAPIF:${t.origin}/ogc`, 'sites', '-oo', 'PAGE_SIZE=5000', '-select', 'externalId'],
      t.token,
    );
    const ids = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    expect(ids.length).toBe(MANY + SMALL_SEED.sites.length);
    expect(new Set(ids).size).toBe(ids.length);
  }, 120_000);
});

describe.each(BACKENDS)('OGC tiles on %s', (backend) => {
  let t: ServedApp;
  beforeAll(async () => {
    t = await serveWithToken(SMALL_SEED, backend);
  });
  afterAll(async () => t.close());

  it('serves a TileJSON 3.0.0 whose tiles GDAL reads (ogrinfo on the y/x tile URL)', async () => {
    const auth = { authorization: `Bearer ${t.token}` };
    const tilejson = (await (
      await fetch(`${t.origin}/ogc/collections/sites/tilejson.json`, { headers: auth })
    ).json()) as {
      tilejson: string;
      tiles: string[];
      vector_layers: { id: string }[];
    };
    expect(tilejson.tilejson).toBe('3.0.0');
    expect(tilejson.vector_layers[0]!.id).toBe('sites');
    // Farm Two (87.02, 44.02) at zoom 12: column 3038, row 1489.
    const url = tilejson.tiles[0]!.replace('{z}', '12').replace('{y}', '1489').replace('{x}', '3038');
    expect(url).toBe(`${t.origin}/ogc/collections/sites/tiles/WebMercatorQuad/12/1489/3038`);
    const tileset = (await (
      await fetch(`${t.origin}/ogc/collections/sites/tiles/WebMercatorQuad`, { headers: auth })
    ).json()) as {
      links: { rel: string; href: string }[];
    };
    expect(tileset.links.find((l) => l.rel === 'item')!.href).toMatch(
      /\/\{tileMatrix\}\/\{tileRow\}\/\{tileCol\}$/,
    );
    // Fetched with the token, then opened as a tile file (GDAL's /vsicurl wants byte ranges of a static file).
    const tile = await fetch(url, { headers: auth });
    expect(tile.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'gridwatch-mvt-')), 'tile.mvt');
    writeFileSync(file, Buffer.from(await tile.arrayBuffer()));
    const info = await gdal(
      'ogrinfo',
      ['-ro', '-al', file, '-oo', 'X=3038', '-oo', 'Y=1489', '-oo', 'Z=12'],
      t.token,
    );
    rmSync(path.dirname(file), { recursive: true, force: true });
    expect(info).toMatch(/Layer name: sites/);
    expect(info).toMatch(/externalId \(String\) = M-2/);
    expect(info).toMatch(/status \(String\) = UNLICENSED/);
  });

  it('serves the whole dataset in one tile (each collection its own layer), which ogrinfo reads, with a 304 on a repeat', async () => {
    const auth = { Authorization: `Bearer ${t.token}` };
    const tilejson = (await (await fetch(`${t.origin}/ogc/tilejson.json`, { headers: auth })).json()) as {
      tiles: string[];
      vector_layers: { id: string }[];
    };
    expect(tilejson.vector_layers.map((l) => l.id)).toEqual([
      'regions',
      'substations',
      'lines',
      'pylons',
      'sites',
    ]);
    // The west's farms at zoom 8: column 189, row 93.
    const url = tilejson.tiles[0]!.replace('{z}', '8').replace('{y}', '93').replace('{x}', '189');
    expect(url).toBe(`${t.origin}/ogc/tiles/WebMercatorQuad/8/93/189`);
    const tile = await fetch(url, { headers: auth });
    expect(tile.status).toBe(200);
    const bytes = Buffer.from(await tile.arrayBuffer());
    // The concatenation of each collection's own tile, in the order of vector_layers.
    const parts: Buffer[] = [];
    for (const layer of ['regions', 'substations', 'lines', 'pylons', 'sites']) {
      const own = await fetch(`${t.origin}/ogc/collections/${layer}/tiles/WebMercatorQuad/8/93/189`, {
        headers: auth,
      });
      if (own.status === 200) parts.push(Buffer.from(await own.arrayBuffer()));
    }
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(bytes.equals(Buffer.concat(parts))).toBe(true);

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'gridwatch-mvt-')), 'tile.mvt');
    writeFileSync(file, bytes);
    const info = await gdal(
      'ogrinfo',
      ['-ro', '-so', file, '-oo', 'X=189', '-oo', 'Y=93', '-oo', 'Z=8'],
      t.token,
    );
    rmSync(path.dirname(file), { recursive: true, force: true });
    expect(info).toMatch(/regions/);
    expect(info).toMatch(/sites/);

    const etag = tile.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetch(url, { headers: { ...auth, 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });
});
