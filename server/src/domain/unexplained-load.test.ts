import { describe, expect, it } from 'vitest';
import { rankUnexplainedLoad, readingDay } from './unexplained-load';

const row = (
  substationId: number,
  metered: number | null,
  base: number,
  licensed: number,
  illegal: number,
  readingsPeak: number | null = null,
) => ({
  substationId,
  name: `S${substationId}`,
  nameZh: `站${substationId}`,
  meteredPeakMw: metered,
  readingsPeakMw: readingsPeak,
  readingCount: readingsPeak === null ? 0 : 24,
  baseLoadMw: base,
  licensedLoadMw: licensed,
  knownIllegalLoadMw: illegal,
});

describe('rankUnexplainedLoad', () => {
  it('subtracts base, licensed and known illegal load from the metered peak, largest first, negatives kept', () => {
    const ranked = rankUnexplainedLoad('2026-06-01', [
      row(1, 100, 60, 10, 5),
      row(2, 300, 50, 20, 30),
      row(3, 40, 45, 0, 0),
    ]);
    expect(ranked.map((r) => [r.substationId, r.unexplainedMw])).toEqual([
      [2, 200],
      [1, 25],
      [3, -5],
    ]);
  });

  it("takes the day's peak reading over the reported peak, and leaves out a substation with neither", () => {
    const ranked = rankUnexplainedLoad('2026-06-01', [row(1, 100, 60, 0, 0, 70), row(2, null, 10, 0, 0)]);
    expect(ranked).toEqual([
      expect.objectContaining({
        substationId: 1,
        meteredPeakMw: 70,
        meteredSource: 'readings',
        unexplainedMw: 10,
      }),
    ]);
  });

  it('rounds to 3 decimals after subtracting, and breaks ties by id', () => {
    const ranked = rankUnexplainedLoad('2026-06-01', [
      row(5, 10.0004, 0, 0, 0.0001),
      row(4, 10.0003, 0, 0, 0),
    ]);
    expect(ranked.map((r) => [r.substationId, r.unexplainedMw])).toEqual([
      [4, 10],
      [5, 10],
    ]);
  });
});

describe('readingDay', () => {
  it('starts a Beijing day at 16:00 UTC the day before, as 24 hours since the epoch', () => {
    const d = readingDay('2026-06-01');
    expect(d.fromHour * 3_600_000).toBe(Date.parse('2026-05-31T16:00:00.000Z'));
    expect(d.endIso).toBe('2026-06-01T16:00:00.000Z');
  });
});
