import { startOfDayMs } from '@gridwatch/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyLoads } from '../../src/domain/signatures/daily-load';
import { HOUR_MS } from '../../src/domain/unexplained-load';
import { CONFORMANCE_SEED } from '../fixtures/conformance-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';

/**
 * The days kept folded (reading_days, migration 0018) equal the fold of the readings themselves
 * (domain/signatures/daily-load.ts), on both stores: after the seed's load, and after imports that add days,
 * cut across a Beijing midnight and replace readings already stored.
 */
const FROM = startOfDayMs('2026-02-27') / HOUR_MS;
const TO = startOfDayMs('2026-03-05') / HOUR_MS;

const apps = new Map<string, TestApp>();
beforeAll(async () => {
  for (const backend of BACKENDS) apps.set(backend, await makeTestApp(CONFORMANCE_SEED, backend));
}, 120_000);
afterAll(async () => {
  for (const t of apps.values()) await t.close();
});

async function expectFoldedAsRead(t: TestApp) {
  const days = await t.store.meterDays(FROM, TO);
  const ids = [...new Set(days.map((d) => d.substationId))];
  const recomputed = (
    await Promise.all(
      ids.map(async (id) =>
        dailyLoads(await t.store.substationReadings(id, FROM, TO)).map((d) => ({ substationId: id, ...d })),
      ),
    )
  ).flat();
  const rounded = (xs: typeof days) =>
    xs.map((d) => ({
      ...d,
      meanMw: Number(d.meanMw.toFixed(9)),
      nightMw: d.nightMw === null ? null : Number(d.nightMw.toFixed(9)),
      dayMw: d.dayMw === null ? null : Number(d.dayMw.toFixed(9)),
    }));
  expect(rounded(days)).toEqual(rounded(recomputed));
  return days;
}

describe.each(BACKENDS)('the days kept folded (%s)', (backend) => {
  it('equal the fold of the readings after the seed, and after imports that overlap them', async () => {
    const t = apps.get(backend)!;
    expect(await expectFoldedAsRead(t)).toHaveLength(1);
    const ids = await t.store.substationIdsByExternalId(['S-1', 'S-3']);
    const s1 = ids.get('S-1')!;
    const s3 = ids.get('S-3')!;
    // 30 hours of Gamma from 2026-03-01 12:00 Beijing (replacing its last 12 readings, and into the next day),
    // and 10 hours of S-1 across the Beijing midnight of 2 March.
    const first = startOfDayMs('2026-03-01') / HOUR_MS;
    const hours = [
      ...Array.from({ length: 30 }, (_, i) => [s3, first + 12 + i, 100 + i] as const),
      ...Array.from({ length: 10 }, (_, i) => [s1, first + 19 + i, 5 + i / 4] as const),
    ];
    await t.store.writeReadings({
      substationIds: Int32Array.from(hours.map((h) => h[0])),
      hours: Int32Array.from(hours.map((h) => h[1])),
      mw: Float64Array.from(hours.map((h) => h[2])),
    });
    const days = await expectFoldedAsRead(t);
    const gamma = days.filter((d) => d.substationId === s3);
    expect(gamma.map((d) => [d.hours, d.peakMw])).toEqual([
      [24, 111],
      [18, 129],
    ]);
    // A second import replaces one hour again: the fold follows.
    await t.store.writeReadings({
      substationIds: Int32Array.of(s3),
      hours: Int32Array.of(first + 23),
      mw: Float64Array.of(500),
    });
    const again = await expectFoldedAsRead(t);
    expect(again.find((d) => d.substationId === s3)!.peakMw).toBe(500);
  });
});
