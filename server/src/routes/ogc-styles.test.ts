import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type {
  GeoJSONSourceSpecification,
  StyleSpecification,
  VectorSourceSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEMES, Z_ORDER } from '@gridwatch/contract';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { serveWithToken, type ServedApp } from '../../test/gis-clients/serve';
import { BACKENDS } from '../../test/test-app';

describe.each(BACKENDS)('the whole map as one style on %s', (backend) => {
  let t: ServedApp;
  beforeAll(async () => {
    t = await serveWithToken(SMALL_SEED, backend);
  });
  afterAll(async () => t.close());

  const get = (path: string, header = true) =>
    fetch(`${t.origin}${path}`, header ? { headers: { authorization: `Bearer ${t.token}` } } : {});
  const styleOf = async (path: string, header = true) => {
    const res = await get(path, header);
    expect(res.status).toBe(200);
    return (await res.json()) as StyleSpecification;
  };

  it('is valid MapLibre style JSON with every layer of the app, in its order', async () => {
    const style = await styleOf('/ogc/styles/gridwatch');
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.layers.map((l) => l.id)).toEqual([...Z_ORDER]);
    // The app's own layers, as the client draws them; on tiles, each reads the source layer of its name.
    for (const layer of Object.values(THEMES).flat()) {
      const served = style.layers.find((l) => l.id === layer.id)!;
      const { 'source-layer': sourceLayer, ...rest } = served as typeof served & { 'source-layer'?: string };
      expect({ ...rest, ...('source-layer' in layer ? { 'source-layer': sourceLayer } : {}) }).toEqual(layer);
      if ('source' in layer && layer.source !== 'zones') expect(sourceLayer).toBe(layer.source);
    }
  });

  it('points at absolute URLs of this server: /ogc tiles, zones, the basemap, sprite and font', async () => {
    const style = await styleOf('/ogc/styles/gridwatch');
    const sites = style.sources.sites as VectorSourceSpecification;
    expect(sites.tiles).toEqual([`${t.origin}/ogc/collections/sites/tiles/WebMercatorQuad/{z}/{y}/{x}`]);
    expect((style.sources.pylons as VectorSourceSpecification).minzoom).toBe(10);
    expect(style.sources.zones).toEqual({
      type: 'geojson',
      data: `${t.origin}/ogc/collections/zones/items?limit=10000&f=json`,
    });
    expect(style.sources['basemap-outline']).toEqual({
      type: 'geojson',
      data: `${t.origin}/basemap/outline.geojson`,
    });
    expect(style.sprite).toBe(`${t.origin}/ogc/styles/gridwatch/sprite`);
    const faces = Object.values(style['font-faces']!).flat() as { url: string }[];
    for (const face of faces)
      expect(face.url).toMatch(new RegExp(`^${t.origin}/ogc/styles/gridwatch/fonts/`));

    // Each answers: a tile with Farm Two (z12), the zones, the font.
    const tile = sites.tiles![0]!.replace('{z}', '12').replace('{y}', '1489').replace('{x}', '3038');
    expect((await get(new URL(tile).pathname)).status).toBe(200);
    const zones = (await (
      await get(
        new URL((style.sources.zones as GeoJSONSourceSpecification).data as string).pathname +
          '?limit=10000&f=json',
      )
    ).json()) as {
      type: string;
    };
    expect(zones.type).toBe('FeatureCollection');
    const font = await get(new URL(faces[0]!.url).pathname);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(
      Buffer.from(await font.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('wOF2');
  });

  it('carries a token given as ?access_token= in every URL, for clients that cannot set a header', async () => {
    const style = await styleOf(`/ogc/styles/gridwatch?access_token=${t.token}`, false);
    const sites = style.sources.sites as VectorSourceSpecification;
    expect(sites.tiles![0]).toMatch(new RegExp(`\\{x\\}\\?access_token=${t.token}$`));
    expect(style.sprite).toBe(`${t.origin}/ogc/styles/gridwatch/sprite?access_token=${t.token}`);
    expect((style.sources.zones as GeoJSONSourceSpecification).data).toMatch(
      new RegExp(`access_token=${t.token}`),
    );
    // Not the basemap's: static files, open to anyone.
    expect(style.sources['basemap-outline']).toEqual({
      type: 'geojson',
      data: `${t.origin}/basemap/outline.geojson`,
    });
    // And without a token at all: 401, as every /ogc read.
    expect((await get('/ogc/styles/gridwatch', false)).status).toBe(401);
  });

  it('serves the substation square as an SDF sprite, at 1× and 2×', async () => {
    for (const [suffix, side] of [
      ['', 24],
      ['@2x', 48],
    ] as const) {
      const index = (await (await get(`/ogc/styles/gridwatch/sprite${suffix}.json`)).json()) as Record<
        string,
        { width: number; sdf: boolean; pixelRatio: number }
      >;
      expect(index['substation-square']).toEqual({
        x: 0,
        y: 0,
        width: side,
        height: side,
        pixelRatio: side / 24,
        sdf: true,
      });
      const png = await get(`/ogc/styles/gridwatch/sprite${suffix}.png`);
      expect(png.headers.get('content-type')).toBe('image/png');
      const meta = await sharp(Buffer.from(await png.arrayBuffer())).metadata();
      expect([meta.width, meta.height, meta.channels]).toEqual([side, side, 4]);
    }
  });

  it('answers 404 naming the files it has', async () => {
    const sprite = await get('/ogc/styles/gridwatch/sprite@3x.png');
    expect(sprite.status).toBe(404);
    expect(((await sprite.json()) as { error: { message: string } }).error.message).toMatch(/sprite@2x\.png/);
    expect((await get('/ogc/styles/gridwatch/fonts/arial.ttf')).status).toBe(404);
    expect((await get('/ogc/styles/gridwatch/fonts/..%2F..%2Fpackage.json')).status).toBe(404);
  });
});
