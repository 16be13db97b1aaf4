import { describe, expect, it } from 'vitest';
import { rankUnexplainedLoad } from './unexplained-load';

const row = (substationId: number, metered: number, base: number, licensed: number, illegal: number) => ({
  substationId,
  name: `S${substationId}`,
  nameZh: `站${substationId}`,
  meteredPeakMw: metered,
  baseLoadMw: base,
  licensedLoadMw: licensed,
  knownIllegalLoadMw: illegal,
});

describe('rankUnexplainedLoad', () => {
  it('subtracts base, licensed and known illegal load from the metered peak, largest first', () => {
    const ranked = rankUnexplainedLoad([
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

  it('rounds to 3 decimals after subtracting, and breaks ties by id', () => {
    const ranked = rankUnexplainedLoad([row(5, 10.0004, 0, 0, 0.0001), row(4, 10.0003, 0, 0, 0)]);
    expect(ranked.map((r) => [r.substationId, r.unexplainedMw])).toEqual([
      [4, 10],
      [5, 10],
    ]);
  });
});
