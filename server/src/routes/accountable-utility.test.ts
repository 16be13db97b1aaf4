/**
 * The utility accountable for a site (docs/progress.md, issue 12): its feeder's, else the one whose service
 * region holds it, else the nearest substation's within 10 km, else none. Stored per site and kept exact by
 * every import that can change it, in that import's transaction; filled once for a database that predates it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

interface RawSql {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

describe.each(BACKENDS)('the accountable utility on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  const utilityOf = async (externalId: string) => {
    const { features } = (await t.app.inject('/api/layers/sites?limit=10000')).json() as {
      features: { properties: { externalId: string; utilityId: number | null } }[];
    };
    return features.find((f) => f.properties.externalId === externalId)!.properties.utilityId;
  };
  const post = async (layer: string, payload: string, contentType: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/import/${layer}`,
      headers: { cookie: admin, 'content-type': contentType },
      payload,
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const sites = (rows: string[]) =>
    post(
      'sites',
      `externalId,name,lon,lat,machines,loadMw,status,firstObserved,feederSubstationExternalId\n${rows.join('\n')}\n`,
      'text/csv',
    );

  it('takes the feeder first, then the service region, then the nearest substation; else none', async () => {
    await sites([
      'M-20,Region east,89.5,44.3,10,1,SUSPECTED,2026-05-01,', // in R-E, East Power's region
      'M-21,Fed from the west,89.5,44.3,10,1,SUSPECTED,2026-05-01,S-1', // same place, West Power's feeder
      'M-22,Nowhere,80,40,10,1,SUSPECTED,2026-05-01,', // outside every region, no substation near
    ]);
    expect(await utilityOf('M-20')).toBe(2);
    expect(await utilityOf('M-21')).toBe(1);
    expect(await utilityOf('M-22')).toBeNull();
    // The seed's own sites were filled on the first start: M-6 has no feeder and lies in R-W.
    expect(await utilityOf('M-6')).toBe(1);
  });

  it('follows a substation import: a new one within 10 km makes a site outside every region accountable', async () => {
    const substation = (lon: number) =>
      oneSubstation([lon, 40], {
        externalId: 'S-9',
        name: 'Nine',
        voltageKv: 110,
        capacityMva: 50,
        utilityExternalId: 'U-E',
      });
    await post('substations', substation(80.05), 'application/json'); // ≈ 4.3 km east of M-22
    expect(await utilityOf('M-22')).toBe(2);
    await post('substations', substation(80.2), 'application/json'); // moved ≈ 17 km away
    expect(await utilityOf('M-22')).toBeNull();
  });

  it('follows a substation given another utility: the sites it feeds take it, the others keep theirs', async () => {
    const alpha = (utility: string) =>
      oneSubstation([87.0, 44.0], {
        externalId: 'S-1',
        name: 'Alpha',
        voltageKv: 750,
        capacityMva: 500,
        utilityExternalId: utility,
        baseLoadMw: 650,
      });
    // M-21 is fed by S-1 (West Power) but lies in East Power's region; M-20 lies there unfed.
    await post('substations', alpha('U-E'), 'application/json');
    expect(await utilityOf('M-21')).toBe(2);
    expect(await utilityOf('M-1')).toBe(2);
    expect(await utilityOf('M-20')).toBe(2);
    await post('substations', alpha('U-W'), 'application/json');
    expect(await utilityOf('M-21')).toBe(1);
    expect(await utilityOf('M-1')).toBe(1);
  });

  it('follows a site import that moves a site or gives it a feeder', async () => {
    await sites(['M-20,Region east,80,40,10,1,SUSPECTED,2026-05-01,']);
    expect(await utilityOf('M-20')).toBeNull();
    await sites(['M-20,Region east,80,40,10,1,SUSPECTED,2026-05-01,S-3']);
    expect(await utilityOf('M-20')).toBe(2);
  });

  it('takes the lowest id of two utilities that share the region, for a new site and for a moved one', async () => {
    const raw = (t.store as unknown as { prisma: RawSql }).prisma;
    // A second utility serving East Power's region: its id (3) is above East Power's (2).
    await raw.$executeRaw`INSERT INTO utilities (external_id, name, name_zh, region_id)
      SELECT ${'U-X'}, ${'Second East'}, ${'二东'}, region_id FROM utilities WHERE external_id = ${'U-E'}`;
    await sites(['M-23,Shared region,89.6,44.3,10,1,SUSPECTED,2026-05-01,']); // new, in R-E
    await sites(['M-20,Region east,89.7,44.3,10,1,SUSPECTED,2026-05-01,']); // moved into R-E
    expect(await utilityOf('M-23')).toBe(2);
    expect(await utilityOf('M-20')).toBe(2);
    await raw.$executeRaw`UPDATE sites SET utility_id = NULL WHERE external_id IN (${'M-20'}, ${'M-23'})`;
    await raw.$executeRaw`DELETE FROM utilities WHERE external_id = ${'U-X'}`;
  });

  it('is filled once for a database that predates it', async () => {
    const raw = (t.store as unknown as { prisma: RawSql }).prisma;
    await raw.$executeRaw`UPDATE sites SET utility_id = NULL`;
    await raw.$executeRaw`DELETE FROM derived_state WHERE name = ${'site_utilities'}`;
    expect(await utilityOf('M-1')).toBeNull();
    await (t.store as unknown as { fillDerivedData(): Promise<void> }).fillDerivedData();
    expect(await utilityOf('M-1')).toBe(1);
    expect(await utilityOf('M-6')).toBe(1);
    expect(await utilityOf('M-20')).toBe(2);
  });
});

/** A substation import of one feature, as GeoJSON. */
function oneSubstation(coordinates: [number, number], properties: Record<string, unknown>): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', geometry: { type: 'Point', coordinates }, properties }],
  });
}
