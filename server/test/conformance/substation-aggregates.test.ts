import { ALLOWED_TRANSITIONS, endOfDayIso, todayInBeijing, type Status } from '@gridwatch/contract';
import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { recordDaySql } from '../../src/store/sql/hotspot-days-sql';
import { generateSeed, mulberry32 } from '@gridwatch/geodata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_ILLEGAL } from '../../src/domain/unexplained-load';
import { PAIR_TABLE_KM } from '../../src/store/sql/site-substation-pairs-sql';
import { substationCollection } from '../substation-features';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';
import { onStoreDatabase, refillDerived } from '../store-database';

/**
 * The per-substation aggregates are derived data: the hotspot loads (migration 0021, docs/performance.md "Fix 9")
 * that hotspots "now" at PAIR_TABLE_KM read and their changes by day (migration 0027, "Fix 24") that hotspots as of
 * a day read; the served loads (migration 0023, "Fix 14") that unexplained load today at PAIR_TABLE_KM reads and
 * their changes by day (migration 0030, "Fix 26") that it reads as of a past day. After random writes through the API — status changes by an admin and by a
 * utility's user, retirements and restores, imports that edit sites' loads, statuses and feeders, add and move
 * sites, move and add substations, and readings that make a substation a meter — each must equal its table filled
 * anew, and the answers read from it must equal the spatial join's over the records (a radius a hair above
 * PAIR_TABLE_KM takes the join), byte for byte. Each upkeep call is exercised by a write that changes a row, so
 * removing one fails it.
 */
const SEED = generateSeed({ sites: 1500, readings: false });
const JUST_ABOVE = PAIR_TABLE_KM + 1e-9;
/** The statuses unexplained load subtracts: a site in one of them moves a served-load row. */
const SERVED_STATUSES: readonly Status[] = ['LICENSED', ...KNOWN_ILLEGAL];
const UTILITY_PASSWORD = 'utility-user-password-1';

type Props = Record<string, unknown> & {
  externalId: string;
  status: Status;
  version: number;
  loadMw: number;
  utilityId: number | null;
};
type Feature = { id: number; geometry: { coordinates: [number, number] }; properties: Props };
type LoadRow = Record<string, number | null>;

const servedOf = (t: TestApp) =>
  onStoreDatabase<LoadRow>(
    t,
    `SELECT substation_id, site_count, licensed_load_w, known_illegal_load_w FROM substation_served_loads
     ORDER BY substation_id`,
  );

const daysOf = (t: TestApp) =>
  onStoreDatabase<LoadRow>(
    t,
    `SELECT substation_id, day, unlicensed_count, unlicensed_load_w, with_suspected_count, with_suspected_load_w
     FROM substation_hotspot_days ORDER BY substation_id, day`,
  );

const servedDaysOf = (t: TestApp) =>
  onStoreDatabase<LoadRow>(
    t,
    `SELECT substation_id, day, licensed_load_w, known_illegal_load_w FROM substation_served_days
     ORDER BY substation_id, day`,
  );

/** Days to ask hotspots as of: before the seed's first record, across its campaign, and today. */
const AS_OF_DAYS = ['2025-06-01', '2026-02-01', '2026-03-10', '2026-05-20'];

const loadsOf = (t: TestApp) =>
  onStoreDatabase<LoadRow>(
    t,
    `SELECT substation_id, unlicensed_count, unlicensed_load_w, with_suspected_count, with_suspected_load_w
     FROM substation_hotspot_loads ORDER BY substation_id`,
  );

/** The same random writes on either store: every choice comes from the seeded generator. */
async function randomWrites(t: TestApp): Promise<void> {
  const random = mulberry32(21);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const admin = await t.login('admin');
  const send = async (cookie: string, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload: unknown) => {
    const csv = url.startsWith('/api/import/readings');
    const res = await t.app.inject({
      method,
      url,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      headers: {
        'content-type': csv
          ? 'text/csv'
          : method === 'POST' && url.startsWith('/api/import')
            ? 'application/geo+json'
            : 'application/json',
        cookie,
      },
    });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json() as Record<string, unknown>;
  };
  const sites = async () =>
    ((await t.app.inject({ url: '/api/layers/sites?limit=10000' })).json().features as Feature[]).sort(
      (a, b) => a.id - b.id,
    );
  // A utility's user: its status changes run as gridwatch_utility on PostGIS, whose upkeep must run as the owner.
  const utilityId = (await sites()).find((s) => s.properties.utilityId !== null)!.properties.utilityId!;
  await send(admin, 'POST', '/api/users', {
    username: 'aggregate-utility-user',
    role: 'enforcer',
    utilityId,
    password: UTILITY_PASSWORD,
  });
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'aggregate-utility-user', password: UTILITY_PASSWORD },
  });
  expect(login.statusCode, login.body).toBe(200);
  const utilityUser = String(login.headers['set-cookie']).split(';')[0]!;

  const substations = SEED.substations;
  const meters = substations.filter((m) => m.baseLoadMw !== null && m.meteredPeakMw !== null);
  const movedSubstations = new Set<string>();
  // The served loads as kept equal the table filled anew (which the check leaves in place).
  const expectServedAsFilledAnew = async () => {
    const kept = await servedOf(t);
    await refillDerived(t, 'substation_served_loads');
    expect(await servedOf(t)).toEqual(kept);
  };
  const near = (): [number, number] => {
    const s = pick(substations);
    return [s.lon + (random() - 0.5) * 0.3, s.lat + (random() - 0.5) * 0.2];
  };
  const siteImport = (
    features: {
      props: Props | null;
      at: [number, number];
      externalId: string;
      loadMw?: number;
      feeder?: string;
    }[],
  ) =>
    send(admin, 'POST', '/api/import/sites', {
      type: 'FeatureCollection',
      features: features.map(({ props, at, externalId, loadMw, feeder }) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: at },
        properties: {
          externalId,
          name: props?.name ?? externalId,
          machines: props?.machines ?? 10,
          loadMw: loadMw ?? props?.loadMw ?? Math.round(random() * 5000) / 100,
          status: props?.status ?? pick(['SUSPECTED', 'UNLICENSED', 'LICENSED'] as const),
          firstObserved: props?.firstObserved ?? '2026-03-01',
          ...(feeder ? { feederSubstationExternalId: feeder } : {}),
        },
      })),
    });
  const changeStatus = (cookie: string, site: Feature) =>
    send(cookie, 'PATCH', `/api/sites/${site.id}`, {
      status: pick(ALLOWED_TRANSITIONS[site.properties.status]),
      note: 'random',
      version: site.properties.version,
    });

  for (let round = 0; round < 3; round++) {
    // In the last round first, a large import of new sites, which moves many rows at once. The substations' import
    // below refills every served-load row and would hide a fault of this one: so its table is checked here.
    if (round === 2) {
      await siteImport(
        Array.from({ length: 1_001 }, (_, i) => ({
          props: null,
          at: near(),
          externalId: `AGG-MANY-${i}`,
          // Fed, so they move no feederless site's meter: the new meter's first reading below is judged alone.
          feeder: pick(substations).externalId,
        })),
      );
      await expectServedAsFilledAnew();
    }
    // A substation moved, and one added (an import of substations recomputes every served-load row, so the writes
    // after it must keep their rows themselves). And one with a base load but no reported peak, on a live feederless
    // site explained at a meter now (in the first round, on a new spot): the round's last write gives it its first
    // reading, and the site moves to it.
    // Within 5 km of a seed meter not moved yet, by a flat-earth estimate (well within its 10 km).
    const within5Km = (m: { lon: number; lat: number }, [lon, lat]: [number, number]) =>
      Math.hypot((m.lon - lon) * Math.cos((lat * Math.PI) / 180), m.lat - lat) * 111 < 5;
    const unmoved = () => meters.filter((m) => !movedSubstations.has(m.externalId));
    const feederlessNow = (await sites()).filter(
      (f) => f.properties.feederSubstationId === null && SERVED_STATUSES.includes(f.properties.status),
    );
    // The substation moved is imported without its base load, so it is no meter from then on: one that is the
    // meter of a feederless site, where there is one, so that the import moves that site to another.
    const serving = unmoved().filter((m) => feederlessNow.some((f) => within5Km(m, f.geometry.coordinates)));
    const s = serving.length > 0 ? pick(serving) : substations[Math.floor(random() * substations.length)]!;
    movedSubstations.add(s.externalId);
    const feederless = feederlessNow.filter((f) =>
      unmoved().some((m) => within5Km(m, f.geometry.coordinates)),
    );
    // The seed's feederless sites lie far from meters; the sites the rounds add lie near substations.
    const spot = feederless.length > 0 ? pick(feederless).geometry.coordinates : near();
    const meter = `AGG-M-${round}`;
    await send(
      admin,
      'POST',
      '/api/import/substations',
      substationCollection(
        [
          { ...s, lon: s.lon + 0.05, externalId: s.externalId },
          { ...s, externalId: `AGG-S-${round}`, name: `New ${round}` },
          { ...s, externalId: meter, name: `Meter ${round}`, lon: spot[0], lat: spot[1] },
        ],
        { [meter]: 5 },
      ),
    );
    // A refill after every row would hide a fault of this import's: so its table is checked here, in the last round.
    if (round === 2) await expectServedAsFilledAnew();
    // Status changes along allowed transitions, by the admin and by the utility's user (its own sites).
    for (const site of (await sites()).filter(() => random() < 0.03)) await changeStatus(admin, site);
    const own = (await sites()).filter((s) => s.properties.utilityId === utilityId);
    for (const site of own.filter(() => random() < 0.05)) await changeStatus(utilityUser, site);
    // Edits in place (a load and maybe a status), sites moved (into and out of reach) and sites added.
    const all = await sites();
    const edited = all.filter(() => random() < 0.01);
    const moved = all.filter((s) => !edited.includes(s) && random() < 0.01);
    await siteImport([
      ...edited.map((f) => ({
        props: f.properties,
        at: f.geometry.coordinates,
        externalId: f.properties.externalId,
        loadMw: Math.round(random() * 9000) / 100,
        // Half get a feeder (maybe another); the others lose theirs and go to the nearest meter.
        ...(random() < 0.5 ? { feeder: pick(substations).externalId } : {}),
      })),
      ...moved.map((f) => ({ props: f.properties, at: near(), externalId: f.properties.externalId })),
      ...Array.from({ length: 8 }, (_, i) => ({ props: null, at: near(), externalId: `AGG-${round}-${i}` })),
    ]);
    // Retirements, and a restore.
    const retired = (await sites()).filter(() => random() < 0.01);
    const answers = [];
    for (const site of retired)
      answers.push(
        await send(admin, 'DELETE', `/api/sites/${site.id}`, {
          version: site.properties.version,
          reason: 'random',
        }),
      );
    const back = retired[0];
    if (back) {
      const { version } = answers[0] as { version: number };
      await send(admin, 'POST', `/api/sites/${back.id}/restore`, { version, reason: 'random' });
    }
    // The meter's first reading: the feederless sites within reach of it may now be explained there.
    await send(
      admin,
      'POST',
      '/api/import/readings',
      `substationExternalId,timestamp,mw\n${meter},2026-11-30T10:00,12.5\n`,
    );
  }
}

const apps = new Map<string, TestApp>();
const answers = new Map<string, unknown>();
const asOfAnswers = new Map<string, unknown>();
const unexplainedAsOf = new Map<string, unknown>();
beforeAll(async () => {
  for (const backend of BACKENDS) {
    const t = await makeTestApp(SEED, backend);
    apps.set(backend, t);
    await randomWrites(t);
  }
}, 300_000);
afterAll(async () => {
  for (const t of apps.values()) await t.close();
});

/** The rows `read` gives as the writes kept them, then as the store fills the derived data `name` anew. */
async function keptAndRefilled(t: TestApp, name: string, read: (t: TestApp) => Promise<LoadRow[]>) {
  const kept = await read(t);
  await refillDerived(t, name);
  return { kept, refilled: await read(t) };
}

/** A read's body, which must answer 200. */
async function bodyOf(t: TestApp, url: string): Promise<string> {
  const res = await t.app.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.body;
}

describe.each(BACKENDS)('the substation hotspot aggregate on %s, after random writes', (backend) => {
  it('gives the answers of the spatial join, byte for byte', async () => {
    const t = apps.get(backend)!;
    const get = (url: string) => bodyOf(t, url);
    const mine: Record<string, string> = {};
    for (const suspected of [false, true]) {
      for (const limit of [5, 1000]) {
        const url = (r: number) =>
          `/api/analysis/hotspots?radiusKm=${r}&limit=${limit}&includeSuspected=${suspected}`;
        const fromLoads = await get(url(PAIR_TABLE_KM));
        expect(JSON.parse(fromLoads).length).toBeGreaterThan(0);
        expect(fromLoads).toBe(await get(url(JUST_ABOVE)));
        mine[`${suspected} ${limit}`] = fromLoads;
      }
    }
    answers.set(backend, mine);
    // Both stores made the same writes: the same answers.
    if (answers.size === BACKENDS.length) expect(answers.get('postgis')).toEqual(answers.get('sqlite'));
  });

  // It refills the served-load table: the kept one is compared first.
  it('keeps the served loads equal to the table filled anew, and answers unexplained load today from them', async () => {
    const t = apps.get(backend)!;
    const get = (url: string) => bodyOf(t, url);
    // The generated seed's statuses follow its records, so the table may stand for today.
    expect(await onStoreDatabase(t, `SELECT statuses_follow_history AS ok FROM served_loads_basis`)).toEqual([
      { ok: 1 },
    ]);
    const kept = await servedOf(t);
    expect(kept.length).toBeGreaterThan(50);
    const today = await get(`/api/analysis/unexplained-load?radiusKm=${PAIR_TABLE_KM}`);
    expect(JSON.parse(today).length).toBeGreaterThan(50);
    expect(today).toBe(await get(`/api/analysis/unexplained-load?radiusKm=${JUST_ABOVE}`));
    // The answer is the table's: a row made wrong shows in it (then the table is made right again).
    await onStoreDatabase(t, `UPDATE substation_served_loads SET licensed_load_w = licensed_load_w + 1000`);
    expect(await get(`/api/analysis/unexplained-load?radiusKm=${PAIR_TABLE_KM}`)).not.toBe(today);
    await refillDerived(t, 'substation_served_loads');
    expect(await servedOf(t)).toEqual(kept);
    expect(await get(`/api/analysis/unexplained-load?radiusKm=${PAIR_TABLE_KM}`)).toBe(today);
  });

  it('gives the answers of the spatial join as of past days, byte for byte', async () => {
    const t = apps.get(backend)!;
    const get = (url: string) => bodyOf(t, url);
    const mine: Record<string, string> = {};
    const days = [...AS_OF_DAYS, todayInBeijing(Date.now())];
    for (const day of days)
      for (const suspected of [false, true]) {
        const url = (r: number) =>
          `/api/analysis/hotspots?radiusKm=${r}&limit=1000&includeSuspected=${suspected}&asOf=${day}`;
        const fromDays = await get(url(PAIR_TABLE_KM));
        expect(fromDays, `${day} ${suspected}`).toBe(await get(url(JUST_ABOVE)));
        mine[`${day} ${suspected}`] = fromDays;
      }
    // The days asked reach into the campaign: some have hotspots, the first none yet.
    expect(JSON.parse(mine[`${AS_OF_DAYS[0]} true`]!)).toEqual([]);
    expect(JSON.parse(mine[`2026-05-20 true`]!).length).toBeGreaterThan(20);
    asOfAnswers.set(backend, mine);
    if (asOfAnswers.size === BACKENDS.length)
      expect(asOfAnswers.get('postgis')).toEqual(asOfAnswers.get('sqlite'));
  });

  it('gives unexplained load as of past days from the served days, byte for byte with the records', async () => {
    const t = apps.get(backend)!;
    const get = (url: string) => bodyOf(t, url);
    const url = (r: number, day: string) => `/api/analysis/unexplained-load?radiusKm=${r}&asOf=${day}`;
    const mine: Record<string, string> = {};
    for (const day of AS_OF_DAYS) {
      const fromDays = await get(url(PAIR_TABLE_KM, day));
      expect(fromDays, day).toBe(await get(url(JUST_ABOVE, day)));
      mine[day] = fromDays;
    }
    // Before the first record nothing is explained; across the campaign sites are, and it changes with the days.
    const explained = (day: string) =>
      (JSON.parse(mine[day]!) as { licensedLoadMw: number; knownIllegalLoadMw: number }[]).reduce(
        (sum, r) => sum + r.licensedLoadMw + r.knownIllegalLoadMw,
        0,
      );
    expect(explained(AS_OF_DAYS[0]!)).toBe(0);
    expect(explained('2026-02-01')).toBeGreaterThan(0);
    expect(explained('2026-05-20')).not.toBe(explained('2026-02-01'));
    unexplainedAsOf.set(backend, mine);
    if (unexplainedAsOf.size === BACKENDS.length)
      expect(unexplainedAsOf.get('postgis')).toEqual(unexplainedAsOf.get('sqlite'));
    // The answer is the table's: a row made wrong shows in it (then the table is made right again).
    const kept = await servedDaysOf(t);
    const [row] = kept.filter((r) => String(r.day) <= '2026-05-20' && Number(r.licensed_load_w) !== 0);
    expect(row).toBeDefined();
    await onStoreDatabase(
      t,
      `UPDATE substation_served_days SET licensed_load_w = licensed_load_w + 1000000
       WHERE substation_id = ${row!.substation_id} AND day = '${row!.day}'`,
    );
    expect(await get(url(PAIR_TABLE_KM, '2026-05-20'))).not.toBe(mine['2026-05-20']);
    await refillDerived(t, 'substation_served_days');
    expect(await servedDaysOf(t)).toEqual(kept);
  });

  it("dates a record to the day whose end is the first at or after it, as the as-of answers' `at <= end` does", async () => {
    const t = apps.get(backend)!;
    const db = (t.store as unknown as { db: { $queryRaw<T>(q: Sql): Promise<T> } }).db;
    for (const at of [
      '2026-03-01T16:00:00.000Z',
      '2026-03-01T15:59:59.999Z',
      '2026-03-01T16:00:00.001Z',
      '2026-02-28T16:00:00.001Z',
      '2026-12-31T16:00:00.000Z',
      '2027-01-01T03:12:45.678Z',
    ]) {
      const [row] = await db.$queryRaw<{ day: string }[]>(
        sql`SELECT ${recordDaySql(backend, sql`${at}`)} AS day`,
      );
      const day = todayInBeijing(Date.parse(at) - 1);
      expect(row!.day, at).toBe(day);
      expect(
        at <= endOfDayIso(day) && at > endOfDayIso(todayInBeijing(Date.parse(at) - 86_400_000 - 1)),
      ).toBe(true);
    }
  });

  it("keeps every site's accountable utility equal to a fill anew (substations moved, added and relinked)", async () => {
    const utilities = (t: TestApp) =>
      onStoreDatabase<LoadRow>(t, `SELECT id, utility_id FROM sites ORDER BY id`);
    const { kept, refilled } = await keptAndRefilled(apps.get(backend)!, 'site_utilities', utilities);
    expect(kept.filter((r) => r.utility_id !== null).length).toBeGreaterThan(1000);
    expect(refilled).toEqual(kept);
  });

  // Last: they refill the tables.
  it('equals the table filled anew from the pairs', async () => {
    const { kept, refilled } = await keptAndRefilled(apps.get(backend)!, 'substation_hotspot_loads', loadsOf);
    expect(kept.length).toBeGreaterThan(50);
    expect(kept).toEqual(refilled);
  });

  it("keeps the served days' table equal to the table filled anew", async () => {
    const { kept, refilled } = await keptAndRefilled(
      apps.get(backend)!,
      'substation_served_days',
      servedDaysOf,
    );
    expect(kept.length).toBeGreaterThan(300);
    expect(kept).toEqual(refilled);
  });

  it("keeps the days' table equal to the table filled anew", async () => {
    const { kept, refilled } = await keptAndRefilled(apps.get(backend)!, 'substation_hotspot_days', daysOf);
    expect(kept.length).toBeGreaterThan(500);
    expect(kept).toEqual(refilled);
  });
});
