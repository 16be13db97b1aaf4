import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeed, mulberry32 } from '@gridwatch/geodata';
import { tileOf } from '../../src/domain/geo/tile-math';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';

const READERS = 32;
const WRITERS = 3;
const READS_PER_READER = 40;
const WRITES_PER_WRITER = 15;
// Each writer takes its own sites round this cycle of allowed transitions.
const CYCLE = ['UNLICENSED', 'SHUTDOWN_ORDERED', 'SHUT_DOWN', 'SUSPECTED'];

/**
 * QUALITY.md's load test on loopback: many concurrent readers of tiles and layers and a few writers through
 * real HTTP. Bounded by request counts, not time; it asserts correctness (no error, no lost write), not speed.
 */
describe.each(BACKENDS)('load on loopback (%s)', (backend) => {
  let t: TestApp;
  let base: string;
  // Without the year of readings (issue 18): this test is about tiles, layers and writes, not meters.
  const seed = generateSeed({ readings: false });
  beforeAll(async () => {
    t = await makeTestApp(seed, backend);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t?.close());

  it('answers every read and keeps every write', { timeout: 180_000 }, async () => {
    const random = mulberry32(7);
    const reads = Array.from({ length: READERS }, () =>
      Array.from({ length: READS_PER_READER }, () => {
        const site = seed.sites[Math.floor(random() * seed.sites.length)]!;
        const z = 6 + Math.floor(random() * 9);
        const { x, y } = tileOf(site.lon, site.lat, z);
        const d = 0.2;
        return random() < 0.7
          ? `/api/tiles/${random() < 0.8 ? 'sites' : 'pylons'}/${z}/${x}/${y}.mvt`
          : `/api/layers/sites?bbox=${site.lon - d},${site.lat - d},${site.lon + d},${site.lat + d}`;
      }),
    );
    const failures: string[] = [];
    const reader = async (urls: string[]) => {
      for (const url of urls) {
        const res = await fetch(base + url);
        await res.arrayBuffer();
        if (![200, 204].includes(res.status)) failures.push(`${res.status} ${url}`);
      }
    };
    const cookie = await t.login('enforcer');
    // Writers start their cycle from SUSPECTED: pick such sites, a different one for each writer.
    const suspected = seed.sites
      .map((s, i) => ({ s, id: i + 1 }))
      .filter(({ s }) => s.status === 'SUSPECTED');
    const targets = suspected.slice(0, WRITERS).map(({ id }) => id);
    const done = new Map<number, number>();
    const writer = async (id: number) => {
      for (let i = 0; i < WRITES_PER_WRITER; i++) {
        const site = await (await fetch(`${base}/api/sites/${id}`)).json();
        const res = await fetch(`${base}/api/sites/${id}`, {
          method: 'PATCH',
          headers: { cookie, origin: base, 'content-type': 'application/json' },
          body: JSON.stringify({
            status: CYCLE[i % CYCLE.length],
            note: `load ${i}`,
            version: site.properties.version,
          }),
        });
        if (res.status !== 200) failures.push(`write ${res.status} site ${id}: ${await res.text()}`);
        else done.set(id, (done.get(id) ?? 0) + 1);
      }
    };
    const before = new Map<number, number>();
    for (const id of targets) before.set(id, (await t.store.sites.history(id))!.length);
    await Promise.all([...reads.map(reader), ...targets.map(writer)]);

    expect(failures).toEqual([]);
    for (const id of targets) {
      const history = (await t.store.sites.history(id))!;
      expect(history.length - before.get(id)!, `site ${id}`).toBe(WRITES_PER_WRITER);
      expect(done.get(id)).toBe(WRITES_PER_WRITER);
      expect((await t.store.getFeature('sites', id))!.properties.status).toBe(history[0]!.toStatus);
    }
  });
});
