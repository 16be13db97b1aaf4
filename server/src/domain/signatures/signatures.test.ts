import { describe, expect, it } from 'vitest';
import { dailyLoads, dayNumber, dayText, percentile } from './daily-load';
import { explainedByDay } from './explained-by-day';
import { addedLoadShape, isFlat } from './flatness';
import { rankSignatures, type ResidualDays } from './rank-signatures';
import { detectStep } from './step';

/** A small deterministic noise source (LCG), so the fixtures are the same on every run. */
function noise(seed: number) {
  let s = seed >>> 0;
  return (amplitude: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32 - 0.5) * 2 * amplitude;
  };
}

const DAYS = 120;
const FROM = dayNumber('2026-01-01');

/** Hourly readings of a meter: base with a daily shape, plus `extra(day, localHour)`. */
function meter(seed: number, extra: (day: number, localHour: number) => number) {
  const jitter = noise(seed);
  const readings: { hour: number; mw: number }[] = [];
  for (let d = 0; d < DAYS; d++)
    for (let h = 0; h < 24; h++) {
      const daily = 40 + 10 * Math.sin(((h - 8) / 24) * 2 * Math.PI) + 3 * Math.sin((d / 365) * 2 * Math.PI);
      readings.push({ hour: (FROM + d) * 24 - 8 + h, mw: Math.max(0, daily + extra(d, h) + jitter(1)) });
    }
  return readings;
}

function residual(id: number, readings: { hour: number; mw: number }[]): ResidualDays {
  const days = dailyLoads(readings);
  const last = days.at(-1)!;
  return {
    substationId: id,
    name: `S${id}`,
    nameZh: `站${id}`,
    fromDay: days[0]!.day,
    meanMw: days.map((d) => d.meanMw),
    peakMw: days.map((d) => d.peakMw),
    nightMw: days.map((d) => d.nightMw ?? NaN),
    dayMw: days.map((d) => d.dayMw ?? NaN),
    unexplainedMw: last.peakMw - 50,
  };
}

describe('dailyLoads', () => {
  it('folds hours into Beijing days: 16:00 UTC opens the next day', () => {
    const hour = Date.parse('2026-03-01T16:00:00Z') / 3_600_000;
    const days = dailyLoads([
      { hour: hour - 1, mw: 5 },
      { hour, mw: 10 },
      { hour: hour + 1, mw: 20 },
    ]);
    expect(days.map((d) => [dayText(d.day), d.hours, d.meanMw, d.peakMw, d.nightMw])).toEqual([
      ['2026-03-01', 1, 5, 5, null],
      ['2026-03-02', 2, 15, 20, 15],
    ]);
  });

  it('takes a nearest-rank percentile; 100 is the peak', () => {
    const xs = Array.from({ length: 24 }, (_, i) => i + 1);
    expect(percentile(xs, 100)).toBe(24);
    expect(percentile(xs, 95)).toBe(23);
    expect(percentile(xs, 50)).toBe(12);
  });
});

describe('detectStep', () => {
  it('finds a flat 30 MW step on its day within the base load’s daily and seasonal shape', () => {
    const days = dailyLoads(meter(1, (d) => (d >= 50 ? 30 : 0)));
    const step = detectStep(days.map((d) => d.meanMw));
    expect(step?.index).toBe(50);
    expect(step?.sizeMw).toBeCloseTo(30, 0);
  });

  it('a step of 4 MW is below the 5 MW threshold, and a three-day spike is no step', () => {
    expect(detectStep(dailyLoads(meter(2, (d) => (d >= 50 ? 4 : 0))).map((d) => d.meanMw))).toBeNull();
    const spike = dailyLoads(meter(3, (d) => (d >= 50 && d < 53 ? 60 : 0)));
    expect(detectStep(spike.map((d) => d.meanMw))).toBeNull();
  });

  it('skips days without readings (a gap is not a step)', () => {
    const xs = dailyLoads(meter(4, (d) => (d >= 50 ? 20 : 0))).map((d, i) =>
      i >= 40 && i < 45 ? NaN : d.meanMw,
    );
    expect(detectStep(xs)?.index).toBe(50);
  });
});

describe('the added load’s shape', () => {
  it('a flat load is flat; a day shift is not', () => {
    expect(
      isFlat(
        addedLoadShape({
          before: { meanMw: 40, peakMw: 50, nightMw: 30, dayMw: 48 },
          after: { meanMw: 70, peakMw: 80, nightMw: 60, dayMw: 78 },
        }),
      ),
    ).toBe(true);
    const shift = addedLoadShape({
      before: { meanMw: 40, peakMw: 50, nightMw: 30, dayMw: 48 },
      after: { meanMw: 50, peakMw: 80, nightMw: 30, dayMw: 78 },
    });
    expect(shift).toEqual({ nightDayRatio: 0, loadFactor: 1 / 3 });
    expect(isFlat(shift)).toBe(false);
  });
});

describe('rankSignatures', () => {
  const farm = residual(
    3,
    meter(5, (d) => (d >= 60 ? 25 : 0)),
  );
  const factory = residual(
    1,
    meter(6, (d, h) => (d >= 30 && h >= 8 && h < 20 ? 60 : 0)),
  );
  const plain = residual(
    2,
    meter(7, () => 0),
  );
  const ranked = rankSignatures([plain, factory, farm], '2026-04-30');

  it('puts the flat step first, then the day-shift step, then the meter with none', () => {
    expect(ranked.map((r) => [r.substationId, r.signature, r.step?.date ?? null])).toEqual([
      [3, 'flat-step', dayText(FROM + 60)],
      [1, 'step', dayText(FROM + 30)],
      [2, 'none', null],
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it('says why in words: the date, the size and the flatness', () => {
    expect(ranked[0]!.reason).toMatch(/^Load rose 2\d\.\d MW on 2026-03-02 and held .*as a mining farm does/);
    expect(ranked[1]!.reason).toMatch(/not flat \(night\/day 0\.\d\d, load factor 0\.\d\d\)/);
    expect(ranked[2]!.reason).toMatch(/^No sustained rise of 5 MW/);
  });
});

describe('explainedByDay', () => {
  it("counts a site's load on the days its status at the day's end explains it", () => {
    const day = dayNumber('2026-03-01');
    const series = explainedByDay(
      [
        {
          siteId: 1,
          substationId: 7,
          loadMw: 8,
          changes: [
            { at: '2026-03-01T15:59:00.000Z', toStatus: 'SUSPECTED' }, // 23:59 Beijing: counts to 1 March
            { at: '2026-03-03T01:00:00.000Z', toStatus: 'SHUT_DOWN' },
            { at: '2026-03-04T16:00:00.000Z', toStatus: 'SUSPECTED' }, // 00:00 on the 5th: counts to the 4th
          ],
        },
      ],
      new Set(['SUSPECTED', 'LICENSED'] as const),
      day - 1,
      day + 4,
    );
    expect(Array.from(series.get(7)!)).toEqual([0, 8, 8, 0, 8, 8]);
  });
});
