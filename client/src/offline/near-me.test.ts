import { describe, expect, it } from 'vitest';
import { boxAround, nearest } from './near-me';

const URUMQI: [number, number] = [87.6168, 43.8256];
const SITES = [
  { id: 1, name: 'Changji', lon: 87.3, lat: 44.01 },
  { id: 2, name: 'Turpan', lon: 89.19, lat: 42.95 },
  { id: 3, name: 'Urumqi south', lon: 87.62, lat: 43.8 },
  { id: 4, name: 'Shihezi', lon: 86.04, lat: 44.3 },
  { id: 5, name: 'Urumqi south twin', lon: 87.62, lat: 43.8 },
];

describe('nearest', () => {
  it('sorts by great-circle distance, nearest first, ties by id', () => {
    const list = nearest(URUMQI, SITES, 10);
    expect(list.map((s) => s.id)).toEqual([3, 5, 1, 4, 2]);
    expect(list[0]!.distanceKm).toBeCloseTo(2.85, 1);
    expect(list[4]!.distanceKm).toBeGreaterThan(150);
  });

  it('keeps the first `limit` and the rows it was given', () => {
    expect(nearest(URUMQI, SITES, 2)).toEqual([
      expect.objectContaining({ id: 3, name: 'Urumqi south' }),
      expect.objectContaining({ id: 5, name: 'Urumqi south twin' }),
    ]);
    expect(nearest(URUMQI, [], 5)).toEqual([]);
  });
});

describe('boxAround', () => {
  it('is wider in longitude than latitude away from the equator', () => {
    const [minLon, minLat, maxLon, maxLat] = boxAround(URUMQI, 50);
    expect(maxLat - minLat).toBeCloseTo(0.9, 2);
    expect(maxLon - minLon).toBeCloseTo(0.9 / Math.cos((43.8256 * Math.PI) / 180), 2);
  });
});
