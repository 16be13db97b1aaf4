import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

describe.each(BACKENDS)('search on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
  });
  afterAll(async () => t.close());
  const search = async (q: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` })).json() as {
      layer: string;
      externalId: string;
      bbox: number[];
    }[];
  const ids = async (q: string) => (await search(q)).map((h) => `${h.layer}:${h.externalId}`);

  it('finds English names case-insensitively', async () => {
    expect(await ids('farm t')).toEqual(['sites:M-2', 'sites:M-3']);
  });

  it('takes the words in any order, and a kind word written apart or not (issue 13)', async () => {
    expect(await ids('three farm')).toEqual(['sites:M-3']);
    expect(await ids('矿场 三号')).toEqual(['sites:M-3']);
    expect(await ids('三号矿场')).toEqual(['sites:M-3']);
  });

  it('finds Chinese names', async () => {
    expect(await ids('甲')).toEqual(['substations:S-1', 'lines:L-1']);
    expect(await ids('三号')).toEqual(['sites:M-3']);
  });

  it('ranks an exact match before a prefix before a match anywhere', async () => {
    expect(await ids('alpha')).toEqual(['substations:S-1', 'lines:L-1']);
    expect(await ids('m-3')).toEqual(['sites:M-3']);
  });

  it('gives points a box of zero size and lines their extent', async () => {
    const [substation, line] = await search('alpha');
    expect(substation!.bbox).toEqual([87, 44, 87, 44]);
    expect(line!.bbox).toEqual([87, 44, 87.5, 44.01]);
  });

  it('treats % and _ as the characters they are', async () => {
    expect(await ids('%')).toEqual([]);
    expect(await ids('_')).toEqual([]);
  });

  it.each([
    ['an empty q', '/api/search?q='],
    ['no q', '/api/search'],
    ['a limit over 50', '/api/search?q=a&limit=51'],
  ])('refuses %s', async (_name, url) => {
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(400);
  });
});
